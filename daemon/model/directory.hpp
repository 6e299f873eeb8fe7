#pragma once
// The canonical directory: one school year, one or more schools (UAI), everyone and every
// structure edusync synchronises. Built from the exports by assemble/, compared and pushed by
// the later stages. Keys are stable identifiers (see the rules in assemble/), never logins.
#include <cstdint>
#include <string>
#include <vector>

namespace edusync::model {

enum class Sex : std::uint8_t { unknown, male, female };

// Which export a fact comes from. Memberships and services carry it so that timetable
// exports (EDT, UDT) can add theirs beside SIECLE's and STS-web's.
enum class Origin : std::uint8_t { siecle, sts, edt, udt };

enum class StructureKind : std::uint8_t { division, group };

// Where a record was read: index into Directory::sources and the line of its element.
struct RecordOrigin {
  std::uint32_t source = 0;
  std::uint32_t line = 0;
};

struct School {
  std::string uai;
};

// What the identity stage attaches to a person with an account (pupils, staff). Allocated
// once, stored, never recomputed: a corrected name does not change the login.
struct Account {
  std::string login;
  std::uint32_t uid_number = 0;
};

struct Pupil {
  std::string key;  // the INE (ID_NATIONAL, else INE_RNIE), else "eleve:<UAI>:<ELEVE_ID>"
  std::string uai;
  std::string eleve_id;           // SIECLE's join key between files
  std::string elenoet;            // the school's pupil number (SambaEdu's employeeNumber)
  std::vector<std::string> ines;  // every INE seen: ID_NATIONAL, INE_RNIE, INE_BEA
  std::string surname;            // NOM_USAGE, else NOM_DE_FAMILLE, else NOM
  std::string birth_surname;      // NOM_DE_FAMILLE (or NOM)
  std::string given_name;         // PRENOM
  std::string other_given_names;  // PRENOM2 PRENOM3
  Sex sex = Sex::unknown;
  std::string birth_date;  // ISO, empty when absent or unreadable
  std::string exit_date;   // ISO DATE_SORTIE after the export date (still current), else empty
  std::string mef;         // CODE_MEF
  std::string email;
  // Birth place and status as BEE_ELEVES gives them, for Pix Orga (docs/output.md §4). Not
  // compared by diff/ nor kept in the state's snapshots: only the current export's values.
  std::string birth_country;     // CODE_PAYS, 3 digits (100 = France)
  std::string birth_department;  // CODE_DEPARTEMENT_NAISS
  std::string birth_commune;     // CODE_COMMUNE_INSEE_NAISS (born in France)
  std::string birth_city;        // VILLE_NAISS (born abroad)
  std::string status;            // CODE_STATUT: ST (pupil), AP (apprentice)
  Account account;
  // Date edusync first found the pupil absent from the exports; empty while present. A
  // departed pupil stays in the directory (account kept, disabled, out of every class and
  // group) until the grace period ends.
  std::string departed_on;
  RecordOrigin origin;
};

// NIVEAU_RESPONSABILITE (post-2018) or RESP_LEGAL (pre-2018) of one person for one pupil.
enum class Responsibility : std::uint8_t {
  legal,      // représentant légal (level 1; RESP_LEGAL 1 or 2)
  in_charge,  // personne en charge de l'élève (level 2)
  contact,    // personne à contacter (level 3; RESP_LEGAL 0)
};

struct PupilLink {
  std::string pupil_key;
  Responsibility responsibility = Responsibility::contact;
  std::string kinship;  // CODE_PARENTE as exported (its code list changed in 2018)
  bool pays_fees = false;
};

// A person of BEE_RESPONSABLES linked to at least one current pupil. A guardian has at least
// one legal link; the others (persons in charge, contacts) are kept but get no account.
struct Contact {
  std::string key;  // "personne:<UAI>:<PERSONNE_ID>"
  std::string personne_id;
  std::string civility;  // LC_CIVILITE: "M." or "MME"
  std::string surname;
  std::string birth_surname;
  std::string given_name;
  std::string mobile;
  std::string phone_home;
  std::string phone_work;
  std::string email;
  std::vector<PupilLink> pupils;
  std::string departed_on;  // see Pupil::departed_on
  RecordOrigin origin;
};

// An STS-web INDIVIDU with a FONCTION, or without one but with a teaching service.
struct Staff {
  std::string key;  // "sts:<ID>"
  std::string sts_id;
  std::vector<std::string> uais;
  std::string sts_type;  // "epp" (national HR) or "local"
  Sex sex = Sex::unknown;
  std::string civility;       // CIVILITE code: 1 M., 2 Mme, 3 Mlle
  std::string surname;        // NOM_USAGE
  std::string birth_surname;  // NOM_PATRONYMIQUE
  std::string given_name;
  std::string birth_date;
  std::string function;  // FONCTION (ENS, EDU, DIR, DOC...), empty when absent
  std::string grade;
  Account account;
  std::string departed_on;  // see Pupil::departed_on
  RecordOrigin origin;
};

struct Division {
  std::string uai;
  std::string code;  // CODE_STRUCTURE / DIVISION@CODE, trimmed, inner spaces kept
  std::string label;
  std::vector<std::string> mefs;
};

struct Group {
  std::string uai;
  std::string code;
  std::string label;
  std::vector<std::string> divisions;  // DIVISIONS_APPARTENANCE
};

struct Subject {
  std::string code;             // 6-character national code (CODE_MATIERE / MATIERE@CODE)
  std::string management_code;  // CODE_GESTION, e.g. "AGL1"
  std::string short_label;
  std::string long_label;
};

struct Mef {
  std::string code;
  std::string formation;
  std::string label;
};

// A teacher teaching a subject to a division or a group.
struct Service {
  std::string staff_key;
  std::string uai;
  StructureKind structure_kind = StructureKind::division;
  std::string structure_code;
  std::string subject_code;
  std::string course_mode;  // CODE_MOD_COURS (CG, TD...)
  Origin origin = Origin::sts;
};

struct HeadTeacher {
  std::string staff_key;
  std::string uai;
  std::string division_code;
};

// A pupil in a division or a group.
struct Membership {
  std::string pupil_key;
  std::string uai;
  StructureKind structure_kind = StructureKind::division;
  std::string structure_code;
  Origin origin = Origin::siecle;
};

// Records read but not part of the directory, counted so that nothing disappears silently.
struct IgnoredCounts {
  std::uint64_t departed_pupils = 0;       // DATE_SORTIE on or before the export date
  std::uint64_t pupils_without_class = 0;  // no D structure, or only "Inactifs"
  std::uint64_t unlinked_persons = 0;      // no link to a current pupil
  std::uint64_t staff_without_role = 0;    // no FONCTION and no service
};

struct Directory {
  std::string school_year;  // starting year, "2025" for 2025-2026
  std::vector<School> schools;
  std::vector<Pupil> pupils;
  std::vector<Contact> guardians;
  std::vector<Contact> other_contacts;
  std::vector<Staff> staff;
  std::vector<Division> divisions;
  std::vector<Group> groups;
  std::vector<Subject> subjects;
  std::vector<Mef> mefs;
  std::vector<Service> services;
  std::vector<HeadTeacher> head_teachers;
  std::vector<Membership> memberships;
  IgnoredCounts ignored;
};

const char* to_string(Sex sex);
const char* to_string(Origin origin);
const char* to_string(StructureKind kind);
const char* to_string(Responsibility responsibility);

// A person's login, for code written once over the three kinds: guardians have no account.
inline const std::string& login_of(const Pupil& p) {
  return p.account.login;
}
inline const std::string& login_of(const Staff& s) {
  return s.account.login;
}
inline std::string login_of(const Contact&) {
  return {};
}

}  // namespace edusync::model
