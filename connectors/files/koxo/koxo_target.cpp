#include "connectors/files/koxo/koxo_target.hpp"

#include <functional>
#include <map>
#include <stdexcept>

#include "connectors/files/records.hpp"
#include "model/acceptance.hpp"

namespace edusync::connectors::files {
namespace {

// One person as a KOXO row sees it, whatever their kind.
struct KoxoPerson {
  std::string key;
  text::Message who;
  std::string civility, surname, given_name, birth_date, unique_id, group, email, login, function;
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
  explicit KoxoBuilder(const config::ConnectorConfig& settings) : settings_(settings) {}

  // Renders one state; refusals are collected only for `after` (warnings != nullptr).
  CsvFile render(const SchoolView& view, const std::map<std::string, std::string>& passwords,
                 std::vector<model::Warning>* warnings) const {
    CsvFile file{split_columns(settings_.string("columns")), {}};
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
            settings_.string("staff_group"),
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

  // The rules of a KOXO Synchro row (model/acceptance.hpp).
  static void add(CsvFile& file, const KoxoPerson& p, bool no_group,
                  std::vector<model::Warning>* warnings) {
    const auto refusal =
        model::acceptance::koxo_refusal(!p.unique_id.empty(), p.surname, p.given_name, no_group);
    if (refusal) {
      if (warnings != nullptr) {
        warnings->push_back(record_warning(
            refusal->code,
            text::message("connector.koxo.refused",
                          {text::nested("who", p.who), text::nested("reason", refusal->reason)}),
            p.key));
      }
      return;
    }
    Record record{p.key, p.who, {}};
    for (const auto& column : file.header) record.cells.push_back(cell(column, p));
    file.records.push_back(std::move(record));
  }

  const config::ConnectorConfig& settings_;
};

}  // namespace

KoxoTarget::KoxoTarget(config::ConnectorConfig settings) : FileTarget(std::move(settings)) {
  if (!charset_from_name(this->settings().string("encoding"))) {
    throw InvalidSettings(
        text::message("connector.koxo.unknown_encoding",
                      {text::arg("encoding", this->settings().string("encoding"))}));
  }
}

BuiltFiles KoxoTarget::build(const BuildInput& input) {
  const KoxoBuilder builder(settings());
  const Charset charset = *charset_from_name(settings().string("encoding"));
  const CsvStyle style{';', "\r\n", false};
  BuiltFiles built;
  const CsvFile full = builder.render(input.after, input.context.new_passwords, &built.warnings);
  built.files.push_back({"_full.csv", encode_csv(full, style, charset, built.warnings),
                         column_if_filled(full, "MotDePasse"), style.separator});
  if (settings().boolean("delta")) {
    const CsvFile previous = builder.render(input.before, {}, nullptr);
    const CsvFile delta = changed_records(previous, full);
    std::vector<model::Warning> repeated;  // already reported with the full file
    built.files.push_back({"_delta.csv", encode_csv(delta, style, charset, repeated),
                           column_if_filled(delta, "MotDePasse"), style.separator});
  }
  return built;
}

}  // namespace edusync::connectors::files
