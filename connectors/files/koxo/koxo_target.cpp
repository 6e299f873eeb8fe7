#include "connectors/files/koxo/koxo_target.hpp"

#include <functional>
#include <map>
#include <stdexcept>

#include "connectors/files/records.hpp"

namespace edusync::connectors::files {
namespace {

// One person as a KOXO row sees it, whatever their kind.
struct KoxoPerson {
  std::string key, who, civility, surname, given_name, birth_date, unique_id, group, email, login,
      function;
  std::string password;  // only for an account created in this run
};

std::vector<std::string> split_columns(const std::string& text) {
  std::vector<std::string> columns;
  std::string current;
  for (const char c : text + ";") {
    if (c == ';' || c == ',') {
      if (!current.empty()) columns.push_back(current);
      current.clear();
    } else if (c != ' ') {
      current += c;
    }
  }
  return columns;
}

// Value of a named column; names outside KOXO's list (and the ones edusync has no data for:
// Telephone, Fax, PageWeb...) give empty fields, so that an operator can keep a placeholder.
std::string cell(const std::string& column, const KoxoPerson& p) {
  static const std::map<std::string, std::function<std::string(const KoxoPerson&)>> values = {
      {"Civilite", [](const KoxoPerson& x) { return x.civility; }},
      {"Nom", [](const KoxoPerson& x) { return x.surname; }},
      {"Prenom", [](const KoxoPerson& x) { return x.given_name; }},
      {"DateNaissance", [](const KoxoPerson& x) { return x.birth_date; }},
      {"IdentifiantUnique", [](const KoxoPerson& x) { return x.unique_id; }},
      {"GroupeSecondaire", [](const KoxoPerson& x) { return x.group; }},
      {"Email", [](const KoxoPerson& x) { return x.email; }},
      {"Fonction", [](const KoxoPerson& x) { return x.function; }},
      {"MotDePasse", [](const KoxoPerson& x) { return x.password; }},
      {"Login", [](const KoxoPerson& x) { return x.login; }},
  };
  const auto found = values.find(column);
  return found == values.end() ? std::string() : found->second(p);
}

std::string civility_of(model::Sex sex) {
  if (sex == model::Sex::male) return "M.";
  if (sex == model::Sex::female) return "Mme";
  return {};
}

std::string staff_civility(const model::Staff& s) {
  if (s.civility == "1") return "M.";
  if (s.civility == "2" || s.civility == "3") return "Mme";
  return civility_of(s.sex);
}

class KoxoBuilder {
 public:
  explicit KoxoBuilder(const Settings& settings) : settings_(settings) {}

  // Renders one state; refusals are collected only for `after` (warnings != nullptr).
  CsvFile render(const SchoolView& view, const std::map<std::string, std::string>& passwords,
                 std::vector<model::Warning>* warnings) const {
    CsvFile file{split_columns(settings_.value("columns", koxo_default_columns())), {}};
    for (const auto& p : view.pupils) add(file, pupil(p, passwords), p.division.empty(), warnings);
    for (const auto& s : view.staff) add(file, staff(s, passwords), false, warnings);
    return file;
  }

 private:
  KoxoPerson pupil(const PupilView& p, const std::map<std::string, std::string>& passwords) const {
    const auto& x = *p.pupil;
    return {x.key,           who(p),       civility_of(x.sex),
            x.surname,       x.given_name, x.birth_date,
            stable_id(x),    p.division,   x.email,
            x.account.login, "Eleve",      password_of(x.key, passwords)};
  }

  KoxoPerson staff(const StaffView& v, const std::map<std::string, std::string>& passwords) const {
    const auto& x = *v.staff;
    return {x.key,
            who(x),
            staff_civility(x),
            x.surname,
            x.given_name,
            x.birth_date,
            stable_id(x),
            settings_.value("staff_group", "Profs"),
            "",
            x.account.login,
            v.teacher ? "Enseignant" : x.function,
            password_of(x.key, passwords)};
  }

  static std::string password_of(const std::string& key,
                                 const std::map<std::string, std::string>& passwords) {
    const auto found = passwords.find(key);
    return found == passwords.end() ? std::string() : found->second;
  }

  // The rules of a KOXO Synchro row: a unique id to match on, a name, a secondary group.
  static void add(CsvFile& file, const KoxoPerson& p, bool no_group,
                  std::vector<model::Warning>* warnings) {
    std::string refusal, code;
    if (p.unique_id.empty()) {
      code = "KOXO_NO_UNIQUE_ID";
      refusal =
          "pas d'identifiant unique (ELENOET ou identifiant STS-web absent de l'export, ou ELENOET "
          "porté aussi par un autre élève : voir DUPLICATE_ELENOET)";
    } else if (p.surname.empty() || p.given_name.empty()) {
      code = "KOXO_NAME_MISSING";
      refusal = "nom ou prénom vide";
    } else if (no_group) {
      code = "KOXO_NO_GROUP";
      refusal = "élève sans division (GroupeSecondaire vide)";
    }
    if (!refusal.empty()) {
      if (warnings != nullptr) {
        warnings->push_back(record_warning(
            code,
            "KOXO : " + p.who + " non écrit : " + refusal + ". À corriger dans SIECLE ou STS-web.",
            p.key));
      }
      return;
    }
    Record record{p.key, p.who, {}};
    for (const auto& column : file.header) record.cells.push_back(cell(column, p));
    file.records.push_back(std::move(record));
  }

  const Settings& settings_;
};

}  // namespace

const char* koxo_default_columns() {
  return "Civilite;Nom;Prenom;DateNaissance;IdentifiantUnique;GroupeSecondaire;Email;Telephone;"
         "TelephoneMobile;Fax;PageWeb;ChampLibre;Fonction;MotDePasse";
}

KoxoTarget::KoxoTarget(Settings settings) : FileTarget(std::move(settings)) {
  if (!charset_from_name(this->settings().value("encoding", "utf-8-bom"))) {
    throw std::invalid_argument("koxo-csv : encodage inconnu " +
                                this->settings().value("encoding"));
  }
}

BuiltFiles KoxoTarget::build(const BuildInput& input) {
  const KoxoBuilder builder(settings());
  const Charset charset = *charset_from_name(settings().value("encoding", "utf-8-bom"));
  const CsvStyle style{';', "\r\n", false};
  BuiltFiles built;
  const CsvFile full = builder.render(input.after, input.context.new_passwords, &built.warnings);
  built.files.push_back({"_full.csv", encode_csv(full, style, charset, built.warnings)});
  if (settings().value("delta", "true") == "true") {
    const CsvFile previous = builder.render(input.before, {}, nullptr);
    std::vector<model::Warning> repeated;  // already reported with the full file
    built.files.push_back(
        {"_delta.csv", encode_csv(changed_records(previous, full), style, charset, repeated)});
  }
  return built;
}

}  // namespace edusync::connectors::files
