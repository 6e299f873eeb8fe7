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
};

// The report's name of a kind: "siecle-eleves", "sts-emp"...
std::string_view to_string(ExportKind kind);

struct ExportHeader {
  std::string uai;
  std::string school_year;  // starting year
  std::string export_date;  // ISO; DATE_EXPORT, else the date of HORODATAGE; empty for STS
  std::string timestamp;    // HORODATAGE as written, when present
  std::string version;      // the root's VERSION attribute (BEE files only)
  int line = 0;             // line of PARAMETRES, for messages
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

using ExportData = std::variant<ElevesExport, ResponsablesExport, StructuresExport,
                                NomenclaturesExport, StsExport>;

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
