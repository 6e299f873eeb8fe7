// The ground-truth population of one school, held in memory.
//
// Writers serialise it and expected.cpp counts from it; neither decides
// anything random. Text is UTF-8. Codes are strings (leading zeros kept).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dates.hpp"
#include "geo.hpp"
#include "plan.hpp"

namespace gen {

inline constexpr std::int32_t kNoDivision = -1;  // no STRUCTURES_ELEVE at all
inline constexpr std::int32_t kInactifs = -2;    // D structure "Inactifs"
inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Service {
  std::size_t subject = 0;
  std::string_view mod_cours = "CG";    // SERVICE@CODE_MOD_COURS
  std::vector<std::uint32_t> teachers;  // ENSEIGNANT@ID (may name no INDIVIDU)
};

struct Division {
  std::string code, label;
  std::size_t mef = 0;
  int level = 6;
  bool segpa = false;
  std::uint32_t seats = 0;  // current pupils placed here
  std::vector<Service> services;
};

struct Group {
  std::string code, label;
  std::size_t subject = 0;
  int level = 6;
  std::vector<std::size_t> divisions;  // DIVISIONS_APPARTENANCE
  std::vector<std::size_t> mefs;
  bool in_siecle = false;  // members written as G in BEE_ELEVES STRUCTURES
  std::uint32_t members = 0;
  std::vector<Service> services;
};

// Why an ELEVE record is in the file (the oracle recomputes "current" from
// the fields, this is only the builder's intent).
enum class Fate : std::uint8_t {
  Current,
  FutureExit,
  LeftWithClass,
  LeftNoClass,
  InactifWithExit,
  InactifNoExit
};

enum class NomUsage : std::uint8_t { Absent, Value, EmptySelfClosing, EmptyPair };

struct PupilOption {
  std::size_t subject;
  char modalite;  // CODE_MODALITE_ELECT
};

struct Pupil {
  Fate fate = Fate::Current;
  std::uint32_t eleve_id = 0, elenoet = 0;
  std::string id_eleve_etab;
  std::string ine, ine_rnie, ine_bea;  // "" = element absent
  std::string nom, nom_usage, prenom, prenom2, prenom3;
  NomUsage nom_usage_form = NomUsage::Absent;
  int sexe = 1;  // 1 M, 2 F, 0 = CODE_SEXE absent
  Date naiss, entree, modification, sortie;
  std::string_view motif_sortie, regime, provenance, bourse;
  bool doublement = false, accepte_sms = false, transport = false;
  std::string_view pays, dept_naiss, commune_naiss, ville_naiss;
  std::string mel, tel_portable;
  std::string last_division;  // SCOLARITE_AN_DERNIER (empty = all children empty)
  std::size_t last_mef = kNone;
  int level = 6;  // 6..3 (for departed pupils: the level they left from)
  bool segpa = false;
  std::size_t mef = kNone;  // CODE_MEF (kNone = absent)
  std::int32_t division = kNoDivision, division2 = kNoDivision;
  std::vector<std::uint32_t> groups;
  std::vector<PupilOption> options;
  std::size_t family = 0, address = 0;
};

struct Address {
  std::uint32_t id = 0;
  std::string line1, line2;
  std::string_view postal, insee, town, dept, country_code = "100", country_name = "FRANCE";
  std::string_view foreign_town;  // COMMUNE_ETRANGERE (then no postal code)
};

struct Person {
  std::uint32_t id = 0;
  int civilite = 2;  // 1 M., 2 MME
  std::string nom, nom_usage, prenom;
  std::string tel_perso, tel_portable, tel_pro, mel;
  bool accepte_sms = false, communication_adresse = false;
  std::size_t address = 0;
  std::string_view profession;
};

struct Link {
  std::uint32_t eleve_id = 0;
  std::size_t pupil = kNone;  // kNone: ELEVE_ID absent from the Eleves file
  std::size_t person = 0;
  int niveau = 1;            // NIVEAU_RESPONSABILITE 1/2/3 (post-2018)
  std::string_view parente;  // post-2018 CODE_PARENTE
  bool paie = false, contact = false, aides = false, heberge = false;
  int resp_legal = 0;  // pre-2018 RESP_LEGAL 1/2/0, derived
};

struct Individu {
  std::uint32_t id = 0;
  bool local = false;  // TYPE="local" (else "epp")
  int sexe = 1;        // 0 = <SEXE></SEXE>
  std::string nom_usage, nom_patro, prenom;
  Date naiss;
  std::string_view grade, fonction;  // fonction "" = element absent
  std::size_t discipline = kNone;    // subject whose DISCIPLINE the person holds
  std::vector<std::size_t> head_of;  // PROF_PRINC divisions
};

// What the builders planted on purpose; checked against the oracle.
struct Planted {
  std::size_t missing_ine = 0, duplicate_ine = 0, missing_sex = 0, missing_birthdate = 0;
  std::size_t multiple_divisions = 0, duplicate_guardian = 0, teacher_without_service = 0;
  std::size_t unknown_pupil_ref = 0, unknown_staff_ref = 0;
  std::size_t ine_rnie_only = 0, exit_on_export_date = 0, co_taught_services = 0;
};

struct Family {
  std::size_t first = 0, count = 0;            // pupils [first, first+count)
  std::size_t link_first = 0, link_count = 0;  // its links in School::links
};

struct School {
  const SchoolPlan* plan = nullptr;
  const geo::Departement* dep = nullptr;
  std::string uai, eponym, horodatage;
  int hour = 0, minute = 0, second = 0;  // time part of HORODATAGE
  std::string street;                    // school's own address (STS UAJ)
  const geo::Commune* commune = nullptr;
  int year = 2025;
  Date export_date, year_start;
  bool bourses_empty = false, lv2_groups_in_siecle = false;
  std::vector<Division> divisions;
  std::vector<Group> groups;
  std::vector<Pupil> pupils;
  std::vector<Family> families;
  std::vector<Address> addresses;
  std::vector<Person> persons;
  std::vector<Link> links;
  std::vector<Individu> staff;
  std::uint32_t unknown_staff_id = 0;
  Planted planted;
};

// Hands out global indexes from a school's slice; throws if it runs out
// (that would break the uniqueness guarantee of plan.hpp).
class IdAllocator {
 public:
  explicit IdAllocator(Slice slice) : slice_(slice) {}
  std::uint64_t take() {
    if (used_ >= slice_.span) throw std::logic_error("identifier slice exhausted");
    return slice_.base + used_++;
  }
  std::uint64_t peek_last() const { return slice_.base + slice_.span - 1; }

 private:
  Slice slice_;
  std::uint64_t used_ = 0;
};

}  // namespace gen
