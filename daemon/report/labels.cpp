#include "report/labels.hpp"

namespace edusync::report {

const Labels& labels(const std::string& language) {
  static const Labels kFrench{
      "Rapport de synchronisation edusync", "Passage", "État", "Année scolaire", "Exports lus",
      "Fichiers ignorés", "Annuaire", "Changements", "élèves", "responsables", "personnels", "divisions",
      "groupes", "appartenances", "ajoutés", "modifiés", "partis", "revenus", "supprimés", "renommés",
      "Renommages", "Départs", "suppression le", "Avertissements", "Garde-fous", "Cibles",
      "Nouveaux comptes", "aucun", "Changement d'année scolaire : les divisions et groupes de l'an passé sont retirés",
      "Simulation (--dry-run) : rien n'a été appliqué",
      "Rien n'a été appliqué. Si ces changements sont voulus : edusync run --confirm",
      "Changements par division", "Exports identiques à ceux du passage",
      "rien à recalculer ni à appliquer ; chiffres et avertissements dans son rapport :",
      "liste complète :", "autres"};
  static const Labels kEnglish{
      "edusync synchronisation report", "Run", "Status", "School year", "Exports read", "Ignored files",
      "Directory", "Changes", "pupils", "guardians", "staff", "divisions", "groups", "memberships", "added",
      "updated", "departed", "returned", "removed", "renamed", "Renames", "Leavers", "removal on", "Warnings",
      "Safety gates", "Targets", "New accounts", "none",
      "School-year rollover: last year's divisions and groups are retired", "Dry run: nothing was applied",
      "Nothing was applied. If these changes are intended: edusync run --confirm", "Changes by division",
      "Same exports as run", "nothing to recompute or apply; figures and warnings in its report:",
      "full list:", "more"};
  return language == "en" ? kEnglish : kFrench;
}

}  // namespace edusync::report
