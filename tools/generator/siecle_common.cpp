#include <charconv>

#include "writers.hpp"

namespace gen {

std::string num(std::uint64_t value) {
  char buf[24];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

std::string centi(int value) {
  std::string out = num(static_cast<std::uint64_t>(value / 100)) + ".";
  const int cents = value % 100;
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

void write_bee_parametres(XmlWriter& w, const School& school) {
  w.open("PARAMETRES");
  w.leaf("UAJ", school.uai);
  w.leaf("ANNEE_SCOLAIRE", num(static_cast<std::uint64_t>(school.year)));
  w.leaf("DATE_EXPORT", format_dmy(school.export_date));
  w.leaf("HORODATAGE", school.horodatage);
  w.close("PARAMETRES");
}

// Empty address lines are written as <LIGNE2_ADRESSE/> like SIECLE does.
void write_adresse(XmlWriter& w, const Address& a) {
  w.open("ADRESSE", {{"ADRESSE_ID", num(a.id)}});
  w.leaf("LIGNE1_ADRESSE", a.line1);
  if (a.line2.empty())
    w.empty("LIGNE2_ADRESSE");
  else
    w.leaf("LIGNE2_ADRESSE", a.line2);
  w.empty("LIGNE3_ADRESSE");
  w.empty("LIGNE4_ADRESSE");
  if (!a.foreign_town.empty()) w.leaf("COMMUNE_ETRANGERE", a.foreign_town);
  w.opt("CODE_POSTAL", a.postal);
  w.leaf("CODE_PAYS", a.country_code);
  w.opt("CODE_COMMUNE_INSEE", a.insee);
  w.leaf("LL_PAYS", a.country_name);
  w.opt("CODE_DEPARTEMENT", a.dept);
  w.opt("LIBELLE_POSTAL", a.town);
  w.close("ADRESSE");
}

}  // namespace gen
