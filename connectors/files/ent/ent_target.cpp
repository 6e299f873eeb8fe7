#include "connectors/files/ent/ent_target.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "connectors/files/atomic_file.hpp"
#include "connectors/files/records.hpp"
#include "model/acceptance.hpp"

namespace edusync::connectors::files {
namespace {

// A header made of fixed columns then repeated ones: {"Classe", 2} -> Classe;Classe.
struct Repeated {
  const char* label;
  std::size_t count;
};

CsvRow header_of(std::initializer_list<const char*> fixed,
                 std::initializer_list<Repeated> repeated) {
  CsvRow header(fixed.begin(), fixed.end());
  for (const auto& r : repeated)
    header.insert(header.end(), std::max<std::size_t>(r.count, 1), r.label);
  return header;
}

// Appends `values` padded to `width` cells.
void append(CsvRow& row, const std::vector<std::string>& values, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  for (std::size_t i = 0; i < width; ++i)
    row.push_back(i < values.size() ? values[i] : std::string());
}

template <typename Views, typename Size>
std::size_t widest(const Views& views, Size size) {
  std::size_t widest = 0;
  for (const auto& v : views) widest = std::max(widest, size(v));
  return widest;
}

std::string civility_of(const model::Staff& s) {
  if (s.civility == "1") return "M.";
  if (s.civility == "2" || s.civility == "3") return "Mme";
  return {};
}

// What the feeder refuses (model/acceptance.hpp), and a parent without a child in the file.
using Refusal = model::acceptance::Refusal;
using model::acceptance::ent_person_refusal;

std::optional<Refusal> pupil_refusal(const PupilView& p) {
  return model::acceptance::ent_pupil_refusal(*p.pupil, p.division);
}

// Records the refusal, if any, as a warning; true when the record must be left out.
bool refused(const std::optional<Refusal>& refusal, const text::Message& who,
             const std::string& key, std::vector<model::Warning>& warnings) {
  if (!refusal) return false;
  warnings.push_back(record_warning(
      refusal->code,
      text::message("connector.ent.refused",
                    {text::nested("who", who), text::nested("reason", refusal->reason)}),
      key));
  return true;
}

CsvFile pupils_file(const SchoolView& v, std::vector<model::Warning>& warnings) {
  const std::size_t groups = widest(v.pupils, [](const PupilView& p) { return p.groups.size(); });
  CsvFile file{header_of({"Id", "Nom", "Prénom", "Date de naissance", "INE", "Courriel", "Classe"},
                         {{"Regroupement", groups}}),
               {}};
  for (const auto& p : v.pupils) {
    const auto& x = *p.pupil;
    if (refused(pupil_refusal(p), who(p), x.key, warnings)) continue;
    const bool has_ine = !x.key.starts_with("eleve:");
    CsvRow row{platform_id(x),       x.surname, x.given_name, french_date(x.birth_date),
               has_ine ? x.key : "", x.email,   p.division};
    append(row, p.groups, groups);
    file.records.push_back({x.key, who(p), std::move(row)});
  }
  return file;
}

CsvFile teachers_file(const SchoolView& v, std::vector<model::Warning>& warnings) {
  std::vector<const StaffView*> teachers;
  for (const auto& s : v.staff) {
    if (s.teacher) teachers.push_back(&s);
  }
  const auto width = [&](auto member) {
    return widest(teachers, [&](const StaffView* s) { return (s->*member).size(); });
  };
  const std::size_t classes = width(&StaffView::divisions), groups = width(&StaffView::groups);
  const std::size_t subjects = width(&StaffView::subjects), heads = width(&StaffView::head_of);
  CsvFile file{header_of({"Id", "Civilité", "Nom", "Prénom", "Date de naissance", "Fonction"},
                         {{"Classe", classes},
                          {"Regroupement", groups},
                          {"Matière enseignée", subjects},
                          {"Professeur principal", heads}}),
               {}};
  for (const StaffView* s : teachers) {
    const auto& x = *s->staff;
    if (refused(ent_person_refusal(x.surname, x.given_name), who(x), x.key, warnings)) continue;
    CsvRow row{stable_id(x), civility_of(x), x.surname, x.given_name, french_date(x.birth_date),
               x.function};
    append(row, s->divisions, classes);
    append(row, s->groups, groups);
    append(row, s->subjects, subjects);
    append(row, s->head_of, heads);
    file.records.push_back({x.key, who(x), std::move(row)});
  }
  return file;
}

CsvFile personnel_file(const SchoolView& v, std::vector<model::Warning>& warnings) {
  CsvFile file{header_of({"Id", "Civilité", "Nom", "Prénom", "Date de naissance", "Fonction"}, {}),
               {}};
  for (const auto& s : v.staff) {
    const auto& x = *s.staff;
    if (s.teacher || refused(ent_person_refusal(x.surname, x.given_name), who(x), x.key, warnings))
      continue;
    file.records.push_back({x.key,
                            who(x),
                            {stable_id(x), civility_of(x), x.surname, x.given_name,
                             french_date(x.birth_date), x.function}});
  }
  return file;
}

// Parents are linked to their children by the children's Id (the feeder's childExternalId),
// only children the Eleves file holds: an Id the ENT does not know would link nobody.
CsvFile relatives_file(const SchoolView& v, const std::set<std::string>& pupils_written,
                       std::vector<model::Warning>& warnings) {
  std::vector<std::pair<const model::Contact*, std::vector<std::string>>> relatives;
  std::size_t children = 0;
  for (const auto& g : v.guardians) {
    const auto& x = *g.guardian;
    std::vector<std::string> ids;
    for (const auto* child : g.children) {
      if (pupils_written.contains(child->key)) ids.push_back(platform_id(*child));
    }
    const auto refusal = model::acceptance::ent_guardian_refusal(x, !ids.empty());
    if (refused(refusal, who(x), x.key, warnings)) continue;
    children = std::max(children, ids.size());
    relatives.emplace_back(&x, std::move(ids));
  }
  CsvFile file{
      header_of({"Id", "Civilité", "Nom", "Prénom", "Courriel", "Téléphone", "Téléphone portable"},
                {{"Id enfant", children}}),
      {}};
  for (const auto& [x, ids] : relatives) {
    CsvRow row{"R" + x->personne_id,
               x->civility == "MME" ? "Mme" : x->civility,
               x->surname,
               x->given_name,
               x->email,
               x->phone_home,
               x->mobile};
    append(row, ids, children);
    file.records.push_back({x->key, who(*x), std::move(row)});
  }
  return file;
}

}  // namespace

BuiltFiles EntTarget::build(const BuildInput& input) {
  const Charset charset =
      settings().string("encoding") == "utf-8-bom" ? Charset::utf8_bom : Charset::latin1;
  const CsvStyle style{';', "\r\n", false};
  BuiltFiles built;
  CsvFile pupils = pupils_file(input.after, built.warnings);
  std::set<std::string> written;
  for (const auto& record : pupils.records) written.insert(record.key);
  const std::pair<const char*, CsvFile> profiles[] = {
      {"Eleves", std::move(pupils)},
      {"Enseignants", teachers_file(input.after, built.warnings)},
      {"Parents", relatives_file(input.after, written, built.warnings)},
      {"Personnels", personnel_file(input.after, built.warnings)}};
  std::vector<std::pair<std::string, std::string>> members;
  for (const auto& [profile, file] : profiles) {
    auto bytes = encode_csv(file, style, charset, built.warnings);
    built.files.push_back({std::string("_") + profile + ".csv", bytes});
    members.emplace_back(std::string(profile) + ".csv", std::move(bytes));
  }
  if (settings().boolean("zip")) built.files.push_back({".zip", zip_archive(members)});
  return built;
}

}  // namespace edusync::connectors::files
