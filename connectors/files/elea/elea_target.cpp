#include "connectors/files/elea/elea_target.hpp"

#include <algorithm>
#include <map>

#include "connectors/files/records.hpp"
#include "model/acceptance.hpp"

namespace edusync::connectors::files {
namespace {

// What one Moodle row says about a person, whatever their kind.
struct EleaPerson {
  std::string key;
  text::Message who;
  std::string login, given_name, surname, email, id, division;
  std::vector<std::string> cohorts;
  bool suspended = false;
};

class MoodleBuilder {
 public:
  MoodleBuilder(const config::ConnectorConfig& settings, const std::string& uai)
      : settings_(settings), uai_(uai) {}

  // The number of cohort columns a rendering of `v` needs: a pupil's class and groups, a
  // teacher's classes and groups.
  static std::size_t cohort_width(const SchoolView& v) {
    std::size_t cohorts = 1;
    for (const auto& p : v.pupils) cohorts = std::max(cohorts, 1 + p.groups.size());
    for (const auto& s : v.staff) cohorts = std::max(cohorts, s.divisions.size() + s.groups.size());
    return cohorts;
  }

  // Renders one state with `cohorts` cohort columns (the same for the two states a delta
  // compares); refusals are collected when `warnings` is given.
  CsvFile render(const SchoolView& v, std::size_t cohorts,
                 const std::map<std::string, std::string>& passwords,
                 std::vector<model::Warning>* warnings) const {
    std::vector<EleaPerson> people;
    for (const auto& p : v.pupils) people.push_back(pupil(p, false));
    for (const auto& s : v.staff) people.push_back(staff(s, false));
    for (const auto* p : v.departed_pupils) people.push_back(pupil(PupilView{p, {}, {}}, true));
    for (const auto* s : v.departed_staff)
      people.push_back(staff(StaffView{s, {}, {}, {}, {}, false}, true));
    CsvFile file{header(cohorts), {}};
    for (const auto& p : people) add(file, p, cohorts, passwords, warnings);
    return file;
  }

 private:
  bool manual() const { return settings_.string("auth") == "manual"; }
  std::string profile_field() const { return settings_.string("profile_field_division"); }

  CsvRow header(std::size_t cohorts) const {
    CsvRow h{"username", "firstname", "lastname", "email", "auth", "idnumber"};
    if (manual()) h.push_back("password");
    h.push_back("suspended");
    for (std::size_t i = 1; i <= cohorts; ++i) h.push_back("cohort" + std::to_string(i));
    if (profile_field() != "none") h.push_back("profile_field_" + profile_field());
    return h;
  }

  std::string email_of(const std::string& email, const std::string& login) const {
    const std::string domain = settings_.string("email_domain");
    if (!email.empty() || domain == "none" || login.empty()) return email;
    return login + "@" + domain;
  }

  // Cohorts by idnumber: "<UAI>-<class>" for a class, "<UAI>-groupe-<code>" for a teaching
  // group, whose code may repeat a class's. Moodle creates a cohort it does not know.
  std::string division_cohort(const std::string& division) const { return uai_ + "-" + division; }
  std::string group_cohort(const std::string& group) const { return uai_ + "-groupe-" + group; }

  EleaPerson pupil(const PupilView& v, bool departed) const {
    const auto& x = *v.pupil;
    EleaPerson p{x.key,          who(v),     x.account.login,
                 x.given_name,   x.surname,  email_of(x.email, x.account.login),
                 platform_id(x), v.division, {},
                 departed};
    if (!v.division.empty()) p.cohorts.push_back(division_cohort(v.division));
    for (const auto& g : v.groups) p.cohorts.push_back(group_cohort(g));
    return p;
  }

  EleaPerson staff(const StaffView& v, bool departed) const {
    const auto& x = *v.staff;
    EleaPerson p{x.key,        who(x),    x.account.login,
                 x.given_name, x.surname, email_of({}, x.account.login),
                 stable_id(x), {},        {},
                 departed};
    for (const auto& d : v.divisions) p.cohorts.push_back(division_cohort(d));
    for (const auto& g : v.groups) p.cohorts.push_back(group_cohort(g));
    return p;
  }

  // Moodle refuses a new user without username, firstname or lastname (uploaduser process.php).
  void add(CsvFile& file, const EleaPerson& p, std::size_t cohorts,
           const std::map<std::string, std::string>& passwords,
           std::vector<model::Warning>* warnings) const {
    // The login first: without it nothing else matters.
    const char* code = nullptr;
    text::Message reason;
    if (p.login.empty()) {
      code = "ELEA_NO_LOGIN";
      reason = text::message("connector.elea.no_login");
    } else if (const auto refusal = model::acceptance::elea_name_refusal(p.surname, p.given_name)) {
      code = refusal->code;
      reason = refusal->reason;
    }
    if (code != nullptr) {
      if (warnings != nullptr) {
        warnings->push_back(record_warning(
            code,
            text::message("connector.elea.refused",
                          {text::nested("who", p.who), text::nested("reason", std::move(reason))}),
            p.key));
      }
      return;
    }
    CsvRow row{p.login, p.given_name, p.surname, p.email, settings_.string("auth"), p.id};
    if (manual()) {
      const auto found = passwords.find(p.key);
      row.push_back(found == passwords.end() ? std::string() : found->second);
    }
    row.push_back(p.suspended ? "1" : "0");
    for (std::size_t i = 0; i < cohorts; ++i)
      row.push_back(i < p.cohorts.size() ? p.cohorts[i] : std::string());
    if (profile_field() != "none") row.push_back(p.division);
    file.records.push_back({p.key, p.who, std::move(row)});
  }

  const config::ConnectorConfig& settings_;
  const std::string& uai_;
};

std::string join(const std::vector<std::string>& values) {
  std::string text;
  for (const auto& v : values) text += (text.empty() ? "" : ", ") + v;
  return text;
}

// The ENT "export classique" (entcore export.id.txt with the fr.json labels).
CsvFile ent_export(const SchoolView& v, std::vector<model::Warning>& warnings) {
  CsvFile file{{"Id", "Identifiant SIECLE", "Type", "Nom", "Prénom", "Identifiant",
                "Login personnalisé (Alias)", "Code d'activation", "Fonctions", "Établissements",
                "Classes", "Enfants", "Parents", "Dernière connexion", "Courriel", "Téléphone"},
               {}};
  const auto refused = [&](const text::Message& who, const std::string& key,
                           const std::string& surname, const std::string& given_name) {
    const auto refusal = model::acceptance::elea_name_refusal(surname, given_name);
    if (!refusal) return false;
    warnings.push_back(record_warning(
        refusal->code,
        text::message("connector.elea.refused",
                      {text::nested("who", who), text::nested("reason", refusal->reason)}),
        key));
    return true;
  };
  for (const auto& p : v.pupils) {
    const auto& x = *p.pupil;
    if (refused(who(p), x.key, x.surname, x.given_name)) continue;
    file.records.push_back(
        {x.key,
         who(p),
         {platform_id(x), x.eleve_id, "Élève", x.surname, x.given_name, x.account.login, "", "", "",
          v.uai, p.division, "", "", "", x.email, ""}});
  }
  for (const auto& s : v.staff) {
    const auto& x = *s.staff;
    if (refused(who(x), x.key, x.surname, x.given_name)) continue;
    file.records.push_back(
        {x.key,
         who(x),
         {stable_id(x), x.sts_id, s.teacher ? "Enseignant" : "Personnel", x.surname, x.given_name,
          x.account.login, "", "", x.function, v.uai, join(s.divisions), "", "", "", "", ""}});
  }
  return file;
}

}  // namespace

BuiltFiles EleaTarget::build(const BuildInput& input) {
  BuiltFiles built;
  if (settings().string("format") == "ent-export") {
    const CsvStyle style{';', "\r\n", true};
    built.files.push_back({"_export.csv", encode_csv(ent_export(input.after, built.warnings), style,
                                                     Charset::utf8_bom, built.warnings)});
    return built;
  }
  const MoodleBuilder builder(settings(), input.after.uai);
  const CsvStyle style{',', "\n", false};
  const bool delta = settings().boolean("delta");
  std::size_t cohorts = MoodleBuilder::cohort_width(input.after);
  if (delta) cohorts = std::max(cohorts, MoodleBuilder::cohort_width(input.before));
  const CsvFile full =
      builder.render(input.after, cohorts, input.context.new_passwords, &built.warnings);
  built.files.push_back({"_full.csv", encode_csv(full, style, Charset::utf8, built.warnings),
                         column_if_filled(full, "password"), style.separator});
  if (delta) {
    const CsvFile previous = builder.render(input.before, cohorts, {}, nullptr);
    const CsvFile changes = changed_records(previous, full);
    std::vector<model::Warning> repeated;
    built.files.push_back({"_delta.csv", encode_csv(changes, style, Charset::utf8, repeated),
                           column_if_filled(changes, "password"), style.separator});
  }
  return built;
}

}  // namespace edusync::connectors::files
