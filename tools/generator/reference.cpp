#include "reference.hpp"

namespace gen::ref {
namespace {

// LIBELLE_EDITION keeps accents; one label carries '&' to exercise escaping.
constexpr Subject kSubjects[] = {
    {"020700", "FRANC", "FRANCAIS", "FRANCAIS", "Français", "L0202", "LETTRES MODERNES", 450, 4},
    {"061300", "MATHS", "MATHEMATIQUES", "MATHEMATIQUES", "Mathématiques", "L1300", "MATHEMATIQUES",
     350, 5},
    {"040600", "HI-GE", "HISTOIRE-GEOGRAPHIE", "HISTOIRE-GEOGRAPHIE", "Histoire-géographie",
     "L1000", "HIST. GEOGRAPHIE", 250, 6},
    {"040700", "EMC", "ENS. MORAL & CIVIQUE", "ENSEIGNEMENT MORAL ET CIVIQUE",
     "Enseignement moral et civique", "L1000", "HIST. GEOGRAPHIE", 50, 0},
    {"030201", "AGL1", "ANGLAIS LV1", "ANGLAIS LV1", "Anglais LV1", "L0422", "ANGLAIS", 300, 6},
    {"030602", "ESP2", "ESPAGNOL LV2", "ESPAGNOL LV2", "Espagnol LV2", "L0426", "ESPAGNOL", 250, 7},
    {"030102", "ALL2", "ALLEMAND LV2", "ALLEMAND LV2", "Allemand LV2", "L0421", "ALLEMAND", 250, 7},
    {"062900", "SVT", "SCIENCES VIE & TERRE", "SCIENCES DE LA VIE ET DE LA TERRE",
     "Sciences de la vie et de la Terre", "L1600", "SC. VIE & TERRE", 150, 12},
    {"061800", "PH-CH", "PHYSIQUE-CHIMIE", "PHYSIQUE-CHIMIE", "Physique-chimie", "L1500",
     "SC. PHYSIQUES & CHIM.", 150, 12},
    {"070600", "TECHN", "TECHNOLOGIE", "TECHNOLOGIE", "Technologie", "L1400", "TECHNOLOGIE", 150,
     12},
    {"100100", "EPS", "ED.PHYSIQUE & SPORT.", "EDUCATION PHYSIQUE ET SPORTIVE",
     "Éducation physique et sportive", "L1900", "EDUCATION PHYSIQUE ET SPORTIVE", 300, 6},
    {"080100", "A-PLA", "ARTS PLASTIQUES", "ARTS PLASTIQUES", "Arts plastiques", "L1800",
     "ARTS PLASTIQUES", 100, 18},
    {"081100", "EDMUS", "EDUCATION MUSICALE", "EDUCATION MUSICALE", "Éducation musicale", "L1700",
     "EDUCATION MUSICALE", 100, 18},
    {"020300", "LCALA", "LCA LATIN", "LANGUES ET CULTURES DE L'ANTIQUITE LATIN",
     "Langues et cultures de l'Antiquité latin", "L0201", "LETTRES CLASSIQUES", 200, 9},
    {"030402", "ITA2", "ITALIEN LV2", "ITALIEN LV2", "Italien LV2", "L0429", "ITALIEN", 250, 7},
    {"000800", "AP", "ACCOMPAGNEMT. PERSO.", "ACCOMPAGNEMENT PERSONNALISE",
     "Accompagnement personnalisé", "", "", 100, 0},
    {"001600", "VIE-C", "VIE DE CLASSE", "HEURE DE VIE DE CLASSE", "Heure de vie de classe", "", "",
     50, 0},
    {"068400", "SC-TE", "SCIENCES & TECHNO.", "SCIENCES ET TECHNOLOGIE", "Sciences et technologie",
     "L1500", "SC. PHYSIQUES & CHIM.", 400, 4},
};
static_assert(std::size(kSubjects) == kSubjectCount);

constexpr Mef kMefs[] = {
    {"10010012110", "6EME", "6EME", "6ème", "10010012110", 6},
    {"10110001110", "5EME", "5EME", "5ème", "10110001110", 5},
    {"10210001110", "4EME", "4EME", "4ème", "10210001110", 4},
    {"10310019110", "3EME", "3EME", "3ème", "10310019110", 3},
    {"16710001110", "4SEGPA", "4EME SEGPA", "4ème SEGPA", "16710001110", 4},
    {"16810001110", "3SEGPA", "3EME SEGPA", "3ème SEGPA", "16810001110", 3},
    {"20010017110", "2NDE GT", "2NDE GENERALE ET TECHNOLOGIQUE", "2nde générale et technologique",
     "20010017110", 2},
};
static_assert(std::size(kMefs) == kMefCount);

constexpr CodeLabel kRegimes[] = {
    {"0", "EXTERN LIBRE", "EXTERNE LIBRE"},
    {"2", "DP DANS L'ETAB", "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT"},
    {"21", "DP 1 JOUR", "DEMI-PENSIONNAIRE 1 JOUR"},
    {"24", "DP 4 JOURS", "DEMI-PENSIONNAIRE 4 JOURS"},
    {"29", "DP AU TICKET", "DEMI-PENSIONNAIRE AU TICKET"},
};
constexpr CodeLabel kLiens[] = {
    {"10", "MERE", "MERE"},
    {"20", "PERE", "PERE"},
    {"37", "FRATRIE", "FRATRIE"},
    {"38", "ASCENDANT", "ASCENDANT"},
    {"39", "AUTRE MEMBRE FAMILLE", "AUTRE MEMBRE DE LA FAMILLE"},
    {"41", "EDUCATEUR", "EDUCATEUR"},
    {"42", "ASSISTANT FAMILIAL", "ASSISTANT FAMILIAL"},
    {"50", "TUTEUR", "TUTEUR"},
    {"51", "AIDE SOCIALE ENFANCE", "AIDE SOCIALE A L'ENFANCE"},
    {"70", "ELEVE LUI-MEME", "ELEVE LUI-MEME"},
    {"90", "AUTRE LIEN", "AUTRE LIEN"},
};
constexpr CodeLabel kNiveaux[] = {
    {"1", "REPRESENTANT LEGAL", "REPRESENTANT LEGAL"},
    {"2", "PERS. EN CHARGE", "PERSONNE EN CHARGE DE L'ELEVE"},
    {"3", "PERS. A CONTACTER", "PERSONNE A CONTACTER"},
};
constexpr CodeLabel kModalites[] = {
    {"S", "TRONC COMMUN", "TRONC COMMUN"},
    {"O", "OPTION OBLIGATOIRE", "OPTION OBLIGATOIRE"},
    {"F", "OPTION FACULTATIVE", "OPTION FACULTATIVE"},
};
constexpr CodeLabel kMotifs[] = {
    {"10", "2ND DEG PUB ACAD", "SUITE ETUDES 2ND DEGRE MEN PUBLIC ACADEMIE"},
    {"11", "2ND DEG PUB HORS ACAD", "SUITE ETUDES 2ND DEGRE MEN PUBLIC HORS ACADEMIE"},
    {"12", "2ND DEG PRIVE ACAD", "SUITE ETUDES 2ND DEGRE MEN PRIVE ACADEMIE"},
    {"13", "2ND DEG PRIVE HORS ACAD", "SUITE ETUDES 2ND DEGRE MEN PRIVE HORS ACADEMIE"},
    {"27", "CNED", "SUITE D'ETUDES AU CNED"},
    {"42", "DEPART ETRANGER", "DEPART A L'ETRANGER"},
    {"99", "INCONNU", "MOTIF INCONNU"},
};
constexpr CodeLabel kStatuts[] = {
    {"ST", "SCOLAIRE", "SCOLAIRE"},
    {"AP", "APPRENTI", "APPRENTI"},
};
constexpr CodeLabel kCivilites[] = {{"1", "M.", "MONSIEUR"}, {"2", "MME", "MADAME"}};
constexpr CodeLabel kModesCours[] = {
    {"CG", "COURS GENERAL", "COURS GENERAL"},
    {"TP", "TRAVAUX PRATIQUES", "TRAVAUX PRATIQUES"},
    {"AP", "ATELIER PRATIQUE", "ATELIER DE PRATIQUE"},
};
constexpr CodeLabel kBourses[] = {
    {"1", "NATIONALE", "BOURSE NATIONALE"},
    {"8", "COLLEGE", "BOURSE DE COLLEGE"},
};

constexpr CodeList kLists[] = {
    {"MODALITES_ELECTION", "MODALITE_ELECTION", "CODE_MODALITE_ELECT", kModalites},
    {"REGIMES", "REGIME", "CODE_REGIME", kRegimes},
    {"LIENS_PARENTE", "LIEN_PARENTE", "CODE_PARENTE", kLiens},
    {"NIVEAUX_RESPONSABILITE", "N_NIVEAU_RESPONSABILITE", "NIVEAU_RESPONSABILITE", kNiveaux},
    {"BOURSES", "BOURSE", "CODE_BOURSE", kBourses},
    {"MOTIFS_SORTIE", "MOTIF_SORTIE", "CODE_MOTIF_SORTIE", kMotifs},
    {"STATUTS_ELEVE", "STATUT_ELEVE", "CODE_STATUT", kStatuts},
    {"CIVILITES", "CIVILITE", "CODE_CIVILITE", kCivilites},
    {"MODALITES_COURS", "MODALITE_COURS", "CODE_MODALITE_COURS", kModesCours},
};

constexpr std::string_view kProfessions[] = {
    "10", "21", "22", "23", "31", "33", "34", "35", "37", "38", "42", "43", "44", "45", "46", "47",
    "48", "52", "53", "54", "55", "56", "61", "66", "69", "71", "72", "73", "76", "81", "82", "99",
};

}  // namespace

std::span<const Subject> subjects() {
  return kSubjects;
}
std::span<const Mef> mefs() {
  return kMefs;
}
std::span<const CodeList> misc_code_lists() {
  return kLists;
}
std::span<const std::string_view> professions() {
  return kProfessions;
}

std::string_view pre2018_parente(std::string_view post_code) {
  if (post_code == "20") return "1";                                            // père
  if (post_code == "10") return "2";                                            // mère
  if (post_code == "50") return "3";                                            // tuteur
  if (post_code == "37" || post_code == "38" || post_code == "39") return "4";  // famille
  if (post_code == "51") return "5";                                            // ASE
  if (post_code == "70") return "7";                                            // élève lui-même
  return "6";  // autre cas (éducateur, assistant familial, autre lien)
}

}  // namespace gen::ref
