#pragma once
// `edusync ctl status` and `edusync ctl runs` without --json: the text of a status or runs
// answer, in French or English (text/catalogue_services.cpp) (schemas/control.schema.json,
// status_response and runs_response). The text is for people; scripts use --json. A field missing
// or of another type (a service of another version) is left out of the text, never an exception.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace edusync::service {

// State, current run (stage, progress), last run, next scheduled run, queued triggers, held
// runs with the command that applies each, connectors, uptime and version; lines end in '\n'.
std::string status_text(const nlohmann::json& status, std::string_view language = "fr");

// A run's stage ("lecture des exports", "application au connecteur sambaedu"), for the status
// text, the systemd STATUS line and `edusync run` on a terminal; an unknown stage is given as
// it is.
std::string stage_text(const std::string& stage, const std::string& connector,
                       std::string_view language = "fr");

// One line per run, newest first, or a line saying there is none.
std::string runs_text(const nlohmann::json& runs, std::string_view language = "fr");

// "1 passage", "2 passages", "0 passage": French puts the singular below 2.
std::string count_of(long long count, const std::string& singular, const std::string& plural);

// "3 jours 2 heures 5 minutes", "45 secondes": the largest two units that are not zero.
std::string duration_text(long long seconds, std::string_view language = "fr");

}  // namespace edusync::service
