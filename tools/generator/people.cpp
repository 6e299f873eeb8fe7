#include "people.hpp"

#include "identifiers.hpp"
#include "names.hpp"
#include "reference.hpp"
#include "text.hpp"

namespace gen {

std::string stored_surname(Rng& rng, std::string_view typed) {
  return rng.chance(0.03) ? std::string(typed) : upper_fr(typed);
}

std::string_view given_name(Rng& rng, bool male, bool adult) {
  if (adult) return rng.pick(male ? names::men() : names::women());
  return rng.pick(male ? names::boys() : names::girls());
}

std::size_t new_address(BuildContext& ctx, bool local) {
  Rng& rng = ctx.rng;
  Address a;
  a.id = adresse_id(ctx.ids, ctx.addresses.take());
  std::string number = std::to_string(rng.range(1, 150));
  if (rng.chance(0.05)) number += " bis";
  a.line1 = number + " " + std::string(rng.pick(names::streets()));
  if (rng.chance(0.1)) a.line2 = std::string(rng.pick(names::residences()));
  const std::uint64_t where = rng.below(100);
  if (where < 2) {
    const geo::Country& country = rng.pick(geo::foreign_countries());
    a.country_code = country.code;
    a.country_name = country.name;
    a.foreign_town = country.city;
  } else {
    const geo::Departement& dep =
        local && where < 95 ? *ctx.school.dep : rng.pick(geo::departements());
    const geo::Commune& commune = rng.pick(dep.communes);
    a.postal = commune.postal;
    a.insee = commune.insee;
    a.town = commune.name;
    a.dept = dep.code;
  }
  ctx.school.addresses.push_back(std::move(a));
  return ctx.school.addresses.size() - 1;
}

std::size_t new_person(BuildContext& ctx, int civilite, std::string nom, std::string prenom,
                       std::size_t address, ContactRates rates) {
  Rng& rng = ctx.rng;
  const std::uint64_t index = ctx.persons.take();  // also this person's phone index
  Person p;
  p.id = personne_id(ctx.ids, index);
  p.civilite = civilite;
  if (rng.below(1000) < rates.mobile) p.tel_portable = mobile(ctx.ids, index);
  if (rng.below(1000) < rates.mail) p.mel = email(ctx.ids, index, prenom, nom, rng.index(64));
  p.nom = std::move(nom);
  p.prenom = std::move(prenom);
  if (rng.chance(0.2)) p.tel_perso = "+334" + padded(rng.below(100'000'000), 8);
  if (rng.chance(0.1)) {
    const int area = rng.range(1, 5);
    p.tel_pro = "+33" + std::to_string(area) + padded(rng.below(100'000'000), 8);
  }
  p.accepte_sms = !p.tel_portable.empty() && rng.chance(0.85);
  p.communication_adresse = rng.chance(0.5);
  p.address = address;
  if (rng.chance(0.9)) p.profession = rng.pick(ref::professions());
  ctx.school.persons.push_back(std::move(p));
  return ctx.school.persons.size() - 1;
}

}  // namespace gen
