// Families: guardians and other responsible persons, their links to the
// children (siblings share the same persons), and the children's names.
#include "identifiers.hpp"
#include "names.hpp"
#include "people.hpp"

namespace gen {
namespace {

enum class Kind { TwoParents, SingleMother, SingleFather, ThreeLegal, Tutor, InCare, NoLink };

Kind draw_kind(Rng& rng) {
  const std::uint64_t r = rng.below(1000);
  if (r < 700) return Kind::TwoParents;
  if (r < 850) return Kind::SingleMother;
  if (r < 900) return Kind::SingleFather;
  if (r < 940) return Kind::ThreeLegal;  // two parents + a step-parent with legal level
  if (r < 960) return Kind::Tutor;
  if (r < 985) return Kind::InCare;  // no legal guardian, a person in charge
  return Kind::NoLink;               // nobody recorded at all
}

struct Role {
  std::size_t person;
  int niveau;
  std::string_view parente;  // post-2018 CODE_PARENTE
  bool lives_with;
};

struct FamilyDraft {
  Kind kind = Kind::TwoParents;
  std::string_view father_name, mother_name;  // typed surnames
  std::size_t home = 0;
  std::vector<Role> roles;
};

// Note: never two Rng draws in one argument list (evaluation order is
// unspecified, determinism would depend on the compiler).
std::size_t adult(BuildContext& ctx, bool male, std::string_view surname, std::size_t address,
                  ContactRates rates) {
  std::string nom = stored_surname(ctx.rng, surname);
  std::string prenom(given_name(ctx.rng, male, true));
  return new_person(ctx, male ? 1 : 2, std::move(nom), std::move(prenom), address, rates);
}

void add_parents(BuildContext& ctx, FamilyDraft& f) {
  Rng& rng = ctx.rng;
  const bool mother = f.kind != Kind::SingleFather;
  const bool father = f.kind != Kind::SingleMother;
  if (mother) {
    const bool married_name = father && rng.chance(0.55);
    const std::size_t m =
        adult(ctx, false, married_name ? f.father_name : f.mother_name, f.home, kLegalContact);
    if (!married_name && father && rng.chance(0.03)) {
      ctx.school.persons[m].nom_usage = stored_surname(rng, f.father_name);
    }
    f.roles.push_back({m, 1, "10", true});
  }
  if (father) {
    const bool separated = mother && rng.chance(0.3);
    const std::size_t home = separated ? new_address(ctx, true) : f.home;
    f.roles.push_back({adult(ctx, true, f.father_name, home, kLegalContact), 1, "20", !separated});
  }
  if (f.kind == Kind::ThreeLegal) {
    const std::string_view step = ctx.rng.pick(names::surnames());
    const bool male = rng.chance(0.7);
    f.roles.push_back({adult(ctx, male, step, f.home, kLegalContact), 1, "90", true});
  }
}

void add_others(BuildContext& ctx, FamilyDraft& f) {
  Rng& rng = ctx.rng;
  const std::string_view other = rng.pick(names::surnames());
  if (f.kind == Kind::Tutor) {
    const bool male = rng.chance(0.5);
    f.roles.push_back({adult(ctx, male, other, f.home, kLegalContact), 1, "50", true});
  } else if (f.kind == Kind::InCare) {
    const bool foster = rng.chance(0.6);  // assistant familial hosts the child
    const std::size_t address = foster ? f.home : new_address(ctx, true);
    const bool male = rng.chance(0.3);
    f.roles.push_back(
        {adult(ctx, male, other, address, kOtherContact), 2, foster ? "42" : "51", foster});
  }
  if (f.kind != Kind::InCare && f.kind != Kind::NoLink && rng.chance(0.05)) {
    const bool male = rng.chance(0.4);
    const std::string_view surname = rng.chance(0.5) ? f.father_name : f.mother_name;
    const bool local = rng.chance(0.7);
    const std::size_t address = new_address(ctx, local);
    f.roles.push_back({adult(ctx, male, surname, address, kOtherContact), 2, "38", false});
  }
  const std::size_t contacts = f.kind == Kind::NoLink ? 0
                               : rng.chance(0.2)      ? (rng.chance(0.25) ? 2 : 1)
                                                      : 0;
  for (std::size_t i = 0; i < contacts; ++i) {
    const bool relative = rng.chance(0.6);
    const bool male = rng.chance(0.5);
    const std::string_view surname = relative ? f.father_name : rng.pick(names::surnames());
    const std::size_t address = new_address(ctx, true);
    const std::size_t c = adult(ctx, male, surname, address, kOtherContact);
    if (rng.chance(0.01)) ctx.school.persons[c].prenom.clear();  // PRENOM can be empty
    f.roles.push_back({c, 3, relative ? "39" : "90", false});
  }
}

void name_child(BuildContext& ctx, const FamilyDraft& f, std::size_t index) {
  Pupil& p = ctx.school.pupils[index];
  Rng& rng = ctx.rng;
  const std::uint64_t r = rng.below(100);
  const bool has_father = f.kind != Kind::SingleMother || rng.chance(0.5);
  std::string_view typed = has_father && r < 92 ? f.father_name : f.mother_name;
  std::string nom = stored_surname(rng, typed);
  if (has_father && r < 7 && f.father_name != f.mother_name) {  // double-barrelled
    nom = stored_surname(rng, std::string(f.father_name) + "-" + std::string(f.mother_name));
    if (rng.chance(0.5)) {
      p.nom_usage = stored_surname(rng, f.father_name);
      p.nom_usage_form = NomUsage::Value;
    }
  }
  p.nom = std::move(nom);
  const std::uint64_t u = rng.below(100);
  if (p.nom_usage_form == NomUsage::Absent && u < 6) {
    p.nom_usage_form = u < 3   ? NomUsage::EmptySelfClosing
                       : u < 5 ? NomUsage::EmptyPair
                               : NomUsage::Value;
    if (p.nom_usage_form == NomUsage::Value) p.nom_usage = p.nom;  // same as NOM_DE_FAMILLE
  }
  const bool male = p.sexe == 1;
  p.prenom = given_name(rng, male, false);
  if (rng.chance(0.16)) p.prenom2 = given_name(rng, male, false);
  if (!p.prenom2.empty() && rng.chance(0.5)) p.prenom3 = given_name(rng, male, false);
  if (rng.chance(0.15)) {
    p.mel =
        email(ctx.ids, ctx.school.plan->pupil_phones.base + index, p.prenom, p.nom, rng.index(64));
  }
  p.address = f.home;
}

// One link per (child, role). Payment and priority contact are decided once
// per family so siblings get the same flags.
void link_children(BuildContext& ctx, const FamilyDraft& f, Family& fam) {
  std::vector<std::size_t> legal;
  for (std::size_t r = 0; r < f.roles.size(); ++r) {
    if (f.roles[r].niveau == 1) legal.push_back(r);
  }
  const std::size_t payer =
      legal.empty() ? kNone : legal[ctx.rng.index(std::min<std::size_t>(2, legal.size()))];
  const std::size_t priority = legal.empty() ? (f.roles.empty() ? kNone : 0) : legal[0];
  fam.link_first = ctx.school.links.size();
  for (std::size_t c = fam.first; c < fam.first + fam.count; ++c) {
    for (std::size_t r = 0; r < f.roles.size(); ++r) {
      const Role& role = f.roles[r];
      Link link;
      link.eleve_id = ctx.school.pupils[c].eleve_id;
      link.pupil = c;
      link.person = role.person;
      link.niveau = role.niveau;
      link.parente = role.parente;
      link.paie = link.aides = r == payer;
      link.contact = r == priority;
      link.heberge = role.lives_with;
      ctx.school.links.push_back(link);
    }
  }
  fam.link_count = ctx.school.links.size() - fam.link_first;
}

}  // namespace

void build_families(BuildContext& ctx) {
  for (Family& fam : ctx.school.families) {
    FamilyDraft f;
    f.kind = draw_kind(ctx.rng);
    f.father_name = ctx.rng.pick(names::surnames());
    f.mother_name = ctx.rng.pick(names::surnames());
    f.home = new_address(ctx, true);
    if (f.kind == Kind::TwoParents || f.kind == Kind::SingleMother ||
        f.kind == Kind::SingleFather || f.kind == Kind::ThreeLegal) {
      add_parents(ctx, f);
    }
    add_others(ctx, f);
    for (std::size_t c = fam.first; c < fam.first + fam.count; ++c) name_child(ctx, f, c);
    link_children(ctx, f, fam);
  }
}

}  // namespace gen
