// National reference data: subjects (matières), MEFs and the small code lists
// of Nomenclature.xml. Values are plausible national codes; keep them as
// strings, leading zeros are part of the code ("020700").
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace gen::ref {

// Indices into subjects(); the order of the table below.
enum SubjectId : std::size_t {
  kFranc,
  kMaths,
  kHiGeo,
  kEmc,
  kAgl1,
  kEsp2,
  kAll2,
  kSvt,
  kPhCh,
  kTechn,
  kEps,
  kAPla,
  kEdMus,
  kLcaLatin,
  kIta2,
  kAp,
  kVieClasse,
  kScTech,
  kSubjectCount
};

struct Subject {
  std::string_view code;     // CODE_MATIERE / MATIERE@CODE, 6 chars
  std::string_view gestion;  // CODE_GESTION mnemonic
  std::string_view court, long_label, edition;
  std::string_view discipline;  // STS DISCIPLINE@CODE of its teachers ("" = none)
  std::string_view discipline_label;
  int centi_hours;  // weekly hours per structure x100 (HEURES_STRUCTURE)
  int capacity;     // structures one full-time teacher takes
};

std::span<const Subject> subjects();
inline const Subject& subject(std::size_t id) {
  return subjects()[id];
}

enum MefId : std::size_t {
  kMef6,
  kMef5,
  kMef4,
  kMef3,
  kMef4Segpa,
  kMef3Segpa,
  kMef2nde,
  kMefCount
};

struct Mef {
  std::string_view code;       // 11 chars
  std::string_view formation;  // FORMATION ("6EME")
  std::string_view long_label, edition;
  std::string_view mefstat;  // CODE_MEFSTAT / MEFSTAT11
  int level;                 // 6..3 for collège, 2 for seconde
};

std::span<const Mef> mefs();
inline const Mef& mef(std::size_t id) {
  return mefs()[id];
}

// A simple Nomenclature list: <LIST><ITEM ATTR="code"><LIBELLE_COURT/>…
struct CodeLabel {
  std::string_view code, court, long_label;
};
struct CodeList {
  std::string_view list, item, attr;
  std::span<const CodeLabel> items;
};

// Lists parsers must skip (REGIMES, LIENS_PARENTE, NIVEAUX_RESPONSABILITE…).
std::span<const CodeList> misc_code_lists();

// PCS profession codes for CODE_PROFESSION.
std::span<const std::string_view> professions();

// Post-2018 CODE_PARENTE -> pre-2018 CODE_PARENTE (10 mère -> 2, 20 père -> 1…).
std::string_view pre2018_parente(std::string_view post_code);

}  // namespace gen::ref
