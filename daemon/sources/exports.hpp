#pragma once
// What each export parser produces: the header common to all exports, and per kind the
// records that the model builder (assemble/) needs. Record fields are already trimmed and
// normalised (dates in ISO form); empty means absent.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/directory.hpp"
#include "text/message.hpp"

namespace edusync::sources {

enum class ExportKind : std::uint8_t {
  siecle_eleves,         // BEE_ELEVES (ElevesSansAdresses / ElevesAvecAdresses)
  siecle_responsables,   // BEE_RESPONSABLES
  siecle_structures,     // BEE_STRUCTURES
  siecle_nomenclatures,  // BEE_NOMENCLATURES
  sts_emp,               // STS_EDT (sts_emp_<UAI>_<year>.xml)
  edt,          // ExportEmploiDuTemps of EDT/PRONOTE, clear or inside EXPORT_INDEX_EDUCATION
  udt,          // one UDCal_*.xml member of an UnDeuxTemps export (a zip)
  edt_courses,  // EDT's course export EXP_COURS.xml (root TABLE)
  udt_courses,  // UDT's 12-column course text file (Jour;Heure;Div;Matière;Professeur;...)
};

// The kinds a timetable program writes: no PARAMETRES, often no UAI (docs/timetables.md).
inline bool is_timetable(ExportKind kind) {
  return kind == ExportKind::edt || kind == ExportKind::udt || kind == ExportKind::edt_courses ||
         kind == ExportKind::udt_courses;
}

// The report's name of a kind: "siecle-eleves", "sts-emp"...
std::string_view to_string(ExportKind kind);

struct ExportHeader {
  // Timetable exports: the root's UAI (EDT), else the `<UAI>_` prefix of the file name, else
  // empty (assemble/ gives such a file the inbox's single school, or refuses it).
  std::string uai;
  std::string school_year;  // starting year; empty for the timetable kinds that carry none
  // ISO; DATE_EXPORT, else the date of HORODATAGE; empty for STS. Timetables: the container's
  // DATEHEURE, else the timestamp of a drop name `<UAI>_<yyyyMMddHHmmss>_...`, else empty.
  std::string export_date;
  std::string timestamp;  // HORODATAGE as written, when present
  std::string version;    // the root's VERSION attribute (BEE files only)
  int line = 0;           // line of PARAMETRES, for messages
};

struct PupilRecord {
  model::Pupil pupil;       // key not yet chosen; exit_date holds any DATE_SORTIE
  std::string id_national;  // ID_NATIONAL, kept apart to choose the key
  std::string ine_rnie;
  std::string raw_birth_date;  // DATE_NAISS as written when it could not be read
};

// One STRUCTURE of a STRUCTURES_ELEVE: a pupil in a division (D) or a group (G).
struct StructureRecord {
  std::string eleve_id;
  std::string code;
  char type = 'D';
  std::uint32_t line = 0;
};

// Deques, not vectors: they grow without copying everything (no 2x peak while a large export
// is read) and give memory back block by block as the model builder consumes them.
struct ElevesExport {
  std::deque<PupilRecord> pupils;
  std::deque<StructureRecord> structures;
};

struct PersonRecord {
  model::Contact person;  // links are filled by assemble/
};

struct LinkRecord {
  std::string eleve_id;
  std::string personne_id;
  model::Responsibility responsibility = model::Responsibility::contact;
  std::string kinship;
  bool pays_fees = false;
  bool pre_2018 = false;  // RESP_LEGAL format
  std::uint32_t line = 0;
};

struct ResponsablesExport {
  std::deque<PersonRecord> persons;
  std::deque<LinkRecord> links;
};

struct StructuresExport {
  std::vector<model::Division> divisions;
  std::vector<model::Group> groups;
};

struct NomenclaturesExport {
  std::vector<model::Mef> mefs;
  std::vector<model::Subject> subjects;
};

struct StaffRecord {
  model::Staff staff;
  std::vector<std::string> head_teacher_of;  // PROFS_PRINC/PROF_PRINC/CODE_STRUCTURE
};

struct ServiceRecord {
  std::string staff_id;  // ENSEIGNANT@ID, refers to INDIVIDU@ID
  model::StructureKind structure_kind = model::StructureKind::division;
  std::string structure_code;
  std::string subject_code;
  std::string course_mode;
  std::uint32_t line = 0;
};

struct StsExport {
  std::vector<model::Subject> subjects;
  std::vector<model::Mef> mefs;
  std::vector<StaffRecord> staff;
  std::vector<model::Division> divisions;
  std::vector<model::Group> groups;
  std::vector<ServiceRecord> services;
};

// What a timetable export says, as tables keyed by the timetable's own identifiers (EDT
// Ident, UDT code), which are local to one timetable base like SIECLE's. References between
// tables are resolved by assemble/ once every member of an export is read (a UDT zip spreads
// its tables over several members). Every field is trimmed; empty means absent.
struct TimetablePerson {
  std::string id;  // Ident (EDT), code (UDT)
  std::string surname;
  std::string given_name;
  std::string birth_date;  // ISO
  std::string ine;         // only a valid INE (the 13-digit NumeroNational of EDT is not one)
  std::uint32_t line = 0;
};

struct TimetableSubject {
  std::string id;
  std::string management_code;  // EDT Matiere@Code: SIECLE/STS CODE_GESTION
  std::string national_code;    // UDT mat@code_gep1: the 6-character national code
  std::string label;
};

// A class (division) or a teaching group as the timetable names it.
struct TimetableStructure {
  std::string id;
  model::StructureKind kind = model::StructureKind::group;
  std::string code;  // EDT Nom, UDT div@code or gpe@code_sts: the STS/SIECLE code when mapped
  std::string label;
  std::vector<std::string> divisions;  // codes of the classes a group draws from
  // Ids of the structures whose pupils this one unites (a UDT regroupement of groups or
  // classes); its members are theirs.
  std::vector<std::string> parts;
  std::uint32_t line = 0;
};

// A pupil in a structure, between two dates (ISO, empty: unbounded).
struct TimetableMembership {
  std::string pupil_id;
  std::string structure_id;
  std::string entry_date;
  std::string exit_date;
  std::uint32_t line = 0;
};

// Who teaches what to whom. A reference (`*_id`) points into the tables; course-only files
// have none and name things directly (`teacher_name`, `subject_code`, `structure_code`).
struct TimetableService {
  std::string teacher_id;
  std::string teacher_surname;     // when known by name only ("NOM" of "NOM Prénom")
  std::string teacher_given_name;  // may be empty: UDT's CSV writes one display name
  std::string subject_id;
  std::string subject_code;  // management or national code, or a label, when no id
  std::string structure_id;
  std::string structure_code;  // a class or group name, when no id
  std::uint32_t line = 0;
};

struct TimetableExport {
  model::Origin origin = model::Origin::edt;
  std::deque<TimetablePerson> pupils;
  std::vector<TimetablePerson> teachers;
  std::vector<TimetableSubject> subjects;
  std::vector<TimetableStructure> structures;
  std::deque<TimetableMembership> memberships;
  std::vector<TimetableService> services;
};

using ExportData = std::variant<ElevesExport, ResponsablesExport, StructuresExport,
                                NomenclaturesExport, StsExport, TimetableExport>;

// A record-level problem: the record is skipped or a field ignored, the file is still used.
struct ParseIssue {
  std::uint32_t line = 0;
  text::Message message;  // for the operator, in their language
};

// One parsed export file (or zip member).
struct ParsedExport {
  std::string path;  // display name: "x.zip:member.xml" for zip members
  ExportKind kind = ExportKind::siecle_eleves;
  ExportHeader header;
  std::uint64_t records = 0;  // record elements read (ELEVE, PERSONNE, INDIVIDU...)
  std::uint64_t bytes = 0;    // XML bytes read (after decompression)
  std::string sha256;         // of those bytes, hex
  std::vector<ParseIssue> issues;
  ExportData data;
};

}  // namespace edusync::sources
