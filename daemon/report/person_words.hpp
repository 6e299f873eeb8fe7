#pragma once
// How the text and HTML reports say who changed: the group a person is listed under and what
// changed for them, in the report's language.
#include <string>

#include "report/run_report.hpp"

namespace edusync::report {

// The class a pupil is listed under, or "responsables", "personnels", "élèves sans classe".
std::string group_of(const std::string& language, const PersonChange& change);

// "prénom : Lætitia → Laetitia ; classe : 4E 1 → 3E 1" for a change, "suppression le
// 27/12/2025" for a departure, empty otherwise. Dates as the language writes them.
std::string change_detail(const std::string& language, const PersonChange& change);

// What a target would be sent, in words: "comptes : 1 à créer, 3 à désactiver ; groupes :
// 1 à renommer ; appartenances : 4 à ajouter, 8 à retirer", or "rien à envoyer". Only the
// counts that are not zero; accounts are pupils and staff, guardians are counted apart.
std::string preview_detail(const std::string& language, const ConnectorPreview& preview);
// "2 fichiers à écrire, 642 lignes : koxo_…_full.csv (630 lignes, 45 Ko), …" for a file target
// (the first few named); empty for a server or when nothing would be written.
std::string preview_files_detail(const std::string& language, const ConnectorPreview& preview);

// Initial passwords erased by the run: the heading, the sentence ("3 mots de passe initiaux
// effacés de la base d'état…, 2 fichiers réécrits sans mot de passe") and the words before a
// file that could not be rewritten.
const char* expiry_heading(const std::string& language);
std::string expiry_sentence(const std::string& language, const PasswordExpiry& expiry);
const char* expiry_failure(const std::string& language);

}  // namespace edusync::report
