#pragma once
// Everything a run report says, built once from the run's result at its end
// (run/make_report.hpp); rendered as JSON (the stable contract, schemas/report.schema.json),
// text (terminal, e-mail) and HTML (a self-contained page). Plain values: report/ depends on
// the model, the plan and the sources' value types, never on run/ or state/.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/warning.hpp"
#include "plan/plan.hpp"
#include "sources/exports.hpp"

namespace edusync {
class FileWriter;
}

namespace edusync::report {

// A safety gate that held the run: stable code and its message.
struct Gate {
  std::string code;
  text::Message message;
};

// A file of the inbox that was not read, and why.
struct IgnoredInput {
  std::string path;
  text::Message reason;
};

struct ConnectorOutcome {
  std::string name;
  std::string type;
  std::string status;  // ok, failed, skipped
  std::uint64_t applied = 0;
  std::uint64_t failed = 0;
  text::Message error;
  std::vector<text::Message> failures;  // per item, the target's message
  // Records the target would refuse, left out of what it was given (file targets), with code
  // and French message; they do not make the connector fail.
  std::vector<model::Warning> warnings;
};

// What a target would be sent by a dry run or a held run: its own plan (from the snapshot it
// acknowledged), counted as the report's `changes`.
// A file a target would write: its name, data rows (-1: not counted) and size.
struct PreviewFile {
  std::string name;
  std::int64_t rows = -1;
  std::uint64_t bytes = 0;
};

struct ConnectorPreview {
  std::string name;
  std::string type;
  bool live_target = false;        // a server (SambaEdu) rather than files for an importer
  bool disables_accounts = false;  // a leaver's account is disabled there
  std::map<std::string, std::map<std::string, std::uint64_t>> changes;
  text::Message error;  // the connector could not be made from its settings, or build its files
  std::vector<PreviewFile> files;  // a file target: what it would write, per school
};

// A new account, for the report and the account sheets (the password is read from the state
// store by the sheets only).
struct NewAccount {
  std::string key;
  std::string kind;  // pupil, staff
  std::string login;
  std::string surname, given_name;
  std::string division;  // pupils
};

// A person the run changed, named as the operator knows them: the plan's item (which names
// people by key) with the person's name and class. Built by run/person_changes.hpp.
struct PersonChange {
  std::string kind;  // pupil, guardian, staff
  std::string op;    // added, updated, departed, returned, removed
  std::string uai;   // the school (staff: their first); guardians: the school of their base
  std::string key, name, login;
  std::string division;                   // pupils: their class (before, for a removal)
  std::vector<plan::FieldChange> fields;  // updated: field, before, after
  std::string removal_on;                 // departed: when the grace period ends (ISO)
};

// A leaver, with the date the grace period ends.
struct Leaver {
  std::string key, kind, name, login, departed_on, removal_on;
};

// Initial passwords erased by this run because identity.password_retention_days had passed:
// how many from the state store, and the files written earlier (target files, account sheets)
// from which they were erased. A file that could not be rewritten is in `failures` with the
// reason; it is retried on the next run.
struct PasswordExpiry {
  std::uint64_t passwords = 0;
  std::vector<std::string> files;
  std::vector<std::string> failures;
  bool empty() const { return passwords == 0 && files.empty() && failures.empty(); }
};

struct RunReport {
  std::string id;
  std::string language = "fr";    // report.language: fr or en (labels; messages stay French)
  std::string started, finished;  // ISO 8601 UTC
  bool dry_run = false;
  std::string status;      // ok, held, failed, partial
  bool confirmed = false;  // held earlier, applied by --confirm
  std::string school_year;
  std::vector<std::string> uais;
  std::string error;  // status failed: what stopped the run
  // The inputs were those of this applied run and nothing was due: nothing was recomputed;
  // figures and warnings are in that run's report (unchanged_report, its directory).
  std::string unchanged_since;
  std::string unchanged_report;
  std::vector<sources::ParsedExport> sources;  // data already moved out
  // The schools whose exports this run parsed, and those whose exports were byte for byte the
  // ones their stored part came from, reused without parsing (UAIs, in the inbox's order).
  std::vector<std::string> schools_reread, schools_reused;
  std::vector<IgnoredInput> ignored_inputs;
  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  plan::Plan plan;  // from the last applied state to the new one
  // The plan's persons, named, in the order the report lists them: school, class, operation,
  // name (run/person_changes.hpp).
  std::vector<PersonChange> person_changes;
  std::vector<model::Warning> warnings;
  std::vector<Gate> gates;
  std::vector<ConnectorOutcome> connectors;
  std::vector<ConnectorPreview> previews;  // dry run and held run: what each target would get
  std::vector<NewAccount> new_accounts;
  std::vector<Leaver> leavers;
  PasswordExpiry expired_passwords;
};

// report.json; written item by item (see report_json.cpp).
void write_json(const RunReport& report, FileWriter& out);
std::string to_text(const RunReport& report);
std::string to_html(const RunReport& report);

// Writes report.json, report.txt and report.html into `dir` (created 0700), with the complete
// lists as JSON Lines files beside them (report_lists.hpp), each through a temporary file
// renamed into place. Returns `dir`.
std::string write_report_files(const RunReport& report, const std::string& dir);

}  // namespace edusync::report
