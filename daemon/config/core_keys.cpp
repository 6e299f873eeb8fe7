// The core table: every key of edusync.yaml outside the connector items, and where its value
// goes in Config. The example file is checked against this table (tests/unit/config_test.cpp).
#include <cstdint>
#include <filesystem>

#include "config/config.hpp"
#include "config/keys.hpp"
#include "config/table_check.hpp"

namespace edusync::config {
namespace {

// Values have passed their key's type (range included) before they are stored, so the
// narrowing conversions below cannot lose anything.
void assign(std::string& field, const Value& value) {
  field = std::get<std::string>(value);
}
void assign(std::filesystem::path& field, const Value& value) {
  field = std::get<std::string>(value);
}
void assign(int& field, const Value& value) {
  field = static_cast<int>(std::get<std::int64_t>(value));
}
void assign(std::uint32_t& field, const Value& value) {
  field = static_cast<std::uint32_t>(std::get<std::int64_t>(value));
}
void assign(double& field, const Value& value) {
  field = std::get<double>(value);
}
void assign(std::vector<ScheduleSlot>& field, const Value& value) {
  field = std::get<std::vector<ScheduleSlot>>(value);
}
void assign(std::vector<std::string>& field, const Value& value) {
  field = std::get<std::vector<std::string>>(value);
}

// into(&Config::inbox), into(&Config::safety, &Safety::grace_days)...
template <class Field>
auto into(Field Config::*field) {
  return [field](Config& config, const Value& value) { assign(config.*field, value); };
}
template <class Section, class Field>
auto into(Section Config::*section, Field Section::*field) {
  return [section, field](Config& config, const Value& value) {
    assign(config.*section.*field, value);
  };
}

std::vector<KeySpec> make_core_keys() {
  constexpr double kMaxUid = 4294967294.0;  // (uid_t)-1 is "no user"
  return {
      {"school.uai", uai_list_type(), kRequired,
       "UAI of the school, 7 digits and a capital letter, or a list of them for a cité scolaire",
       into(&Config::uais)},
      {"school.name", string_type(), kRequired,
       "Name of the school, printed on reports and account sheets", into(&Config::school_name)},
      {"state_dir", path_type(), "/var/lib/edusync",
       "Directory of the state database, reports and account sheets, kept at mode 0700",
       into(&Config::state_dir)},
      {"inbox", path_type(), "/var/lib/edusync/inbox",
       "Directory where the SIECLE and STS-web exports, .xml or .zip, are dropped",
       into(&Config::inbox)},
      {"schedule", schedule_type(), "\"02:30\"",
       "When the scheduled runs start, local time: \"HH:MM\" every day, or days then a time, the "
       "days a comma list of short names or ranges in French or English (\"lun-ven 02:30\", "
       "\"sam,dim 06:00\", \"mon-fri 02:30\"); a list of such slots for several, [] for none. A "
       "slot missed while the service was stopped runs once when it starts again",
       into(&Config::schedule)},
      {"safety.max_departure_ratio", number_type(0, 1), "0.10",
       "Hold the run for a human when more than this share of a population (pupils, guardians, "
       "staff) would leave",
       into(&Config::safety, &Safety::max_departure_ratio)},
      {"safety.grace_days", integer_type(0, 3650), "30",
       "Days an account that left is kept, disabled, before it is removed",
       into(&Config::safety, &Safety::grace_days)},
      {"safety.login_reuse_days", integer_type(0, 36500), "365",
       "Days during which a removed login is not given to anyone else",
       into(&Config::safety, &Safety::login_reuse_days)},
      {"identity.login_policy",
       choice_type({"nomp8", "prenom.nom", "prenom.nom19", "pnom19", "pnom8", "nomprenom18"}),
       "nomp8", "How logins are made from names, as in SambaEdu",
       into(&Config::identity, &Identity::login_policy)},
      {"identity.password_policy", choice_type({"random8", "semirandom6", "birthdate"}), "random8",
       "How the initial password of a new account is made",
       into(&Config::identity, &Identity::password_policy)},
      {"identity.password_retention_days", integer_type(0, 3650), "7",
       "Days the initial passwords are kept for the account sheets, then erased everywhere "
       "(state, account sheets, KOXO and Moodle files)",
       into(&Config::identity, &Identity::password_retention_days)},
      {"identity.uid_range.first", integer_type(1, kMaxUid), "1001",
       "First uid number given to new accounts",
       [](Config& config, const Value& value) { assign(config.identity.uid_range.first, value); }},
      {"identity.uid_range.last", integer_type(1, kMaxUid), "4999",
       "Last uid number given to new accounts, not below first",
       [](Config& config, const Value& value) { assign(config.identity.uid_range.last, value); }},
      {"diff.rename_similarity", number_type(0, 1), "0.80",
       "Jaccard overlap of members from which a group that disappeared and one that appeared in "
       "the same run are taken as one renamed group",
       into(&Config::diff, &Diff::rename_similarity)},
      {"timetable.partner_key_file", path_type(), "/etc/edusync/edt-partner-key.pem",
       "PEM file of the ENT partner's RSA private key supplied by Index Éducation, which opens "
       "the encrypted EDT/PRONOTE exports (EXPORT_INDEX_EDUCATION); read only when one is in "
       "the inbox",
       into(&Config::timetable, &Timetable::partner_key_file)},
      {"timetable.memberships", choice_type({"timetable", "siecle", "union"}), "timetable",
       "Members of a group the timetable knows: the timetable's, SIECLE's, or both; divisions "
       "always come from SIECLE, other groups keep SIECLE's members",
       into(&Config::timetable, &Timetable::memberships)},
      {"timetable.stale_after_days", integer_type(0, 3650), "30",
       "Days by which a timetable export may be older than the SIECLE export before it is "
       "reported (TIMETABLE_STALE)",
       into(&Config::timetable, &Timetable::stale_after_days)},
      {"report.language", choice_type({"fr", "en"}), "fr", "Language of reports and account sheets",
       into(&Config::report, &Report::language)},
      {"report.keep_runs", integer_type(1, 99999), "30",
       "Report directories of the last runs always kept; older ones are removed once also older "
       "than keep_days (those whose account sheets still hold initial passwords, the one of the "
       "run in force and a held run awaiting its confirmation are kept)",
       into(&Config::report, &Report::keep_runs)},
      {"report.keep_days", integer_type(0, 36500), "90",
       "Days a report directory is kept whatever keep_runs says",
       into(&Config::report, &Report::keep_days)},
      {"control_socket", path_type(), "/run/edusync/control.sock",
       "Unix socket on which `edusync daemon` takes the commands of `edusync ctl`, created at "
       "mode 0660",
       into(&Config::control_socket)},
      // "none" is stored as the empty text, as optional connector keys are read.
      {"control_group", string_type(), "none",
       "Group whose members may use the control socket, besides root and the user the service "
       "runs as; none: only those two",
       [](Config& config, const Value& value) {
         const auto& group = std::get<std::string>(value);
         config.control_group = group == "none" ? std::string() : group;
       }},
      // Stored by the loader, which checks each item against its type's table.
      {"connectors",
       {Kind::kConnectorList},
       "[]",
       "Targets the directory is pushed to: a list of maps, each with a name, a type and the keys "
       "of that type"},
  };
}

}  // namespace

const std::vector<KeySpec>& core_keys() {
  static const std::vector<KeySpec> keys = [] {
    auto table = make_core_keys();
    check_table(table, "core configuration table");
    return table;
  }();
  return keys;
}

}  // namespace edusync::config
