#include "connectors/files/pix/pix_target.hpp"

#include <map>

#include "connectors/files/atomic_file.hpp"
#include "connectors/files/pix/siecle_writer.hpp"
#include "connectors/files/records.hpp"
#include "model/acceptance.hpp"

namespace edusync::connectors::files {
namespace {

using model::acceptance::PixFormat;

// The pupils Pix will take, in directory order; a warning for each one left out.
std::vector<const PupilView*> accepted(const SchoolView& v, PixFormat format,
                                       const model::acceptance::SharedInes& shared,
                                       std::vector<model::Warning>& warnings) {
  std::vector<const PupilView*> pupils;
  std::map<std::string, const PupilView*> by_ine;
  for (const auto& p : v.pupils) {
    const auto refusal = model::acceptance::pix_refusal(*p.pupil, p.division, format, shared);
    if (refusal) {
      warnings.push_back(record_warning(
          refusal->code,
          text::message("connector.pix.refused",
                        {text::nested("who", who(p)), text::nested("reason", refusal->reason)}),
          p.pupil->key));
      continue;
    }
    const auto [twin, first] = by_ine.try_emplace(p.pupil->key, &p);
    if (!first) {
      warnings.push_back(
          record_warning("PIX_INE_DUPLICATE",
                         text::message("connector.pix.ine_duplicate",
                                       {text::nested("who", who(p)), text::arg("ine", p.pupil->key),
                                        text::nested("twin", who(*twin->second))}),
                         p.pupil->key));
      continue;
    }
    pupils.push_back(&p);
  }
  return pupils;
}

// docs/output.md §4.2: labels exactly as Pix's fr.json has them, asterisks included.
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
          france ? x.birth_commune : "", france ? "" : x.birth_city,
          model::acceptance::pix_birth_department(x), "99" + x.birth_country, x.status, x.mef,
          p->division}});
  }
  return file;
}

}  // namespace

BuiltFiles PixTarget::build(const BuildInput& input) {
  BuiltFiles built;
  const bool csv = settings().string("format") == "csv";
  if (indexed_ != &input.context.after) {  // once per apply, not once per school
    shared_ines_.emplace(input.context.after.pupils);
    indexed_ = &input.context.after;
  }
  const auto pupils = accepted(input.after, csv ? PixFormat::csv : PixFormat::siecle, *shared_ines_,
                               built.warnings);
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
         text::message("connector.charset.pix_xml",
                       {text::nested("substitutions", describe(substitutions))}),
         {},
         {}});
  }
  if (settings().boolean("zip")) {
    built.files.push_back(
        {"_ElevesSansAdresses.zip", zip_archive({{"ElevesSansAdresses.xml", xml}})});
  } else {
    built.files.push_back({"_ElevesSansAdresses.xml", std::move(xml)});
    built.files.back().rows = static_cast<std::int64_t>(pupils.size());
  }
  return built;
}

}  // namespace edusync::connectors::files
