#include "connectors/files/pix/pix_target.hpp"

#include <map>

#include "connectors/files/atomic_file.hpp"
#include "connectors/files/pix/siecle_writer.hpp"
#include "connectors/files/records.hpp"

namespace edusync::connectors::files {
namespace {

struct Rule {
  const char* code;
  const char* message;
};

// The first rule of Pix's import that `p` breaks, or nullptr. `csv` adds the CSV's own rules.
const Rule* broken_rule(const PupilView& p, bool csv) {
  static const Rule no_ine{"PIX_INE_MISSING", "pas d'INE (ID_NATIONAL)"};
  static const Rule no_division{"PIX_NO_DIVISION", "pas de division"};
  static const Rule no_sex{"PIX_SEX_MISSING", "sexe inconnu (CODE_SEXE)"};
  static const Rule no_birth{"PIX_BIRTH_DATE_MISSING",
                             "date de naissance absente ou illisible (DATE_NAISS)"};
  static const Rule no_commune{
      "PIX_BIRTH_CITY_CODE_MISSING",
      "né(e) en France sans code INSEE de commune de naissance (CODE_COMMUNE_INSEE_NAISS)"};
  static const Rule no_country{"PIX_BIRTH_COUNTRY_MISSING", "pays de naissance absent (CODE_PAYS)"};
  static const Rule no_city{"PIX_BIRTH_CITY_MISSING",
                            "né(e) à l'étranger sans commune de naissance (VILLE_NAISS)"};
  static const Rule bad_status{"PIX_STATUS_INVALID", "statut ni ST ni AP (CODE_STATUT)"};
  static const Rule no_mef{"PIX_MEF_MISSING", "pas de code MEF (CODE_MEF)"};
  const auto& x = *p.pupil;
  if (x.key.starts_with("eleve:")) return &no_ine;
  if (p.division.empty()) return &no_division;
  if (x.sex == model::Sex::unknown) return &no_sex;
  if (x.birth_date.empty()) return &no_birth;
  if (x.birth_country == "100" && x.birth_commune.empty()) return &no_commune;
  if (!csv) return nullptr;
  if (x.birth_country.empty()) return &no_country;
  if (x.birth_country != "100" && x.birth_city.empty()) return &no_city;
  if (x.status != "ST" && x.status != "AP") return &bad_status;
  if (x.mef.empty()) return &no_mef;
  return nullptr;
}

// The pupils Pix will take, in directory order; a warning for each one left out.
std::vector<const PupilView*> accepted(const SchoolView& v, bool csv,
                                       std::vector<model::Warning>& warnings) {
  std::vector<const PupilView*> pupils;
  std::map<std::string, const PupilView*> by_ine;
  for (const auto& p : v.pupils) {
    const Rule* rule = broken_rule(p, csv);
    const auto [twin, first] = by_ine.try_emplace(p.pupil->key, &p);
    if (rule == nullptr && !first) {
      warnings.push_back({"PIX_INE_DUPLICATE",
                          "Pix : " + who(p) + " non écrit : INE " + p.pupil->key +
                              " déjà porté par " + who(*twin->second) + ". À corriger dans SIECLE.",
                          {p.pupil->key},
                          {}});
      continue;
    }
    if (rule != nullptr) {
      warnings.push_back(record_warning(
          rule->code,
          "Pix : " + who(p) + " non écrit : " + rule->message + ". À corriger dans SIECLE.",
          p.pupil->key));
      continue;
    }
    pupils.push_back(&p);
  }
  return pupils;
}

// FORMATS-OUTPUT.md §4.2: labels exactly as Pix's fr.json has them, asterisks included.
CsvFile pix_csv(const std::vector<const PupilView*>& pupils) {
  CsvFile file{
      {"Identifiant unique*", "Premier prénom*", "Deuxième prénom", "Troisième prénom",
       "Nom de famille*", "Nom d'usage", "Code sexe*", "Date de naissance (jj/mm/aaaa)*",
       "Code commune naissance**", "Libellé commune naissance**", "Code département naissance*",
       "Code pays naissance*", "Statut*", "Code MEF*", "Division*"},
      {}};
  for (const auto* p : pupils) {
    const auto& x = *p->pupil;
    const auto [second, third] = second_and_third_names(x.other_given_names);
    const std::string family = x.birth_surname.empty() ? x.surname : x.birth_surname;
    const bool france = x.birth_country == "100";
    file.records.push_back(
        {x.key,
         who(*p),
         {x.key, x.given_name, second, third, family, x.surname == family ? "" : x.surname,
          x.sex == model::Sex::male ? "Masculin" : "Féminin", french_date(x.birth_date),
          france ? x.birth_commune : "", france ? "" : x.birth_city, x.birth_department,
          "99" + x.birth_country, x.status, x.mef, p->division}});
  }
  return file;
}

}  // namespace

BuiltFiles PixTarget::build(const BuildInput& input) {
  BuiltFiles built;
  const bool csv = settings().value("format", "siecle") == "csv";
  const auto pupils = accepted(input.after, csv, built.warnings);
  if (csv) {
    built.files.push_back({"_eleves.csv", encode_csv(pix_csv(pupils), CsvStyle{';', "\r\n", false},
                                                     Charset::utf8_bom, built.warnings)});
    return built;
  }
  const SiecleHeader header{input.after.uai, input.context.after.school_year, input.context.today};
  std::vector<Substitution> substitutions;
  std::string xml = encode(siecle_eleves_xml(header, pupils), Charset::latin9, substitutions);
  if (!substitutions.empty()) {
    built.warnings.push_back(
        {"CHARSET_TRANSLITERATED",
         "Pix : caractère(s) absent(s) de l'ISO-8859-15 remplacé(s) : " + describe(substitutions),
         {},
         {}});
  }
  if (settings().value("zip", "false") == "true") {
    built.files.push_back(
        {"_ElevesSansAdresses.zip", zip_archive({{"ElevesSansAdresses.xml", xml}})});
  } else {
    built.files.push_back({"_ElevesSansAdresses.xml", std::move(xml)});
  }
  return built;
}

}  // namespace edusync::connectors::files
