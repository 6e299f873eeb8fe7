// The report's sentences and column headings beyond its fixed labels (report/labels.cpp): the
// to-do list, the tables' headings, the account sheets' notes.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kReport[] = {
    {"report.file", "fichier", "file"},
    {"report.files", "fichiers", "files"},
    {"report.record", "enregistrement", "record"},
    {"report.records", "enregistrements", "records"},
    {"report.to_do", "À faire", "To do"},
    {"report.nothing", " rien", " nothing"},
    {"report.what_each_target_would_be_sent", "Ce que chaque cible recevrait",
     "What each target would be sent"},
    {"report.cannot_be_made", "inutilisable : ", "cannot be made: "},
    {"report.nothing_2", "rien", "nothing"},
    {"report.schools_with_changes", "Établissements avec des changements", "Schools with changes"},
    {"report.of", " sur ", " of "},
    {"report.filter_name_login_class", "Filtrer : nom, identifiant, classe…",
     "Filter: name, login, class…"},
    {"report.class", "Classe", "Class"},
    {"report.name", "Nom", "Name"},
    {"report.login", "Identifiant", "Login"},
    {"report.change", "Changement", "Change"},
    {"report.detail", "Détail", "Detail"},
    {"report.left_on", "Parti le", "Left on"},
    {"report.removal_on", "Suppression le", "Removal on"},
    {"report.target", "Cible", "Target"},
    {"report.would_be_sent", "Recevrait", "Would be sent"},
    {"report.status", "État", "Status"},
    {"report.operations_applied", "Opérations appliquées", "Operations applied"},
    {"report.failures", "Échecs", "Failures"},
    {"report.error", "Erreur", "Error"},
    {"report.staff", "Personnels", "Staff"},
    {"report.accounts_created", "Comptes créés — ", "Accounts created — "},
    {"report.no_account_created_by_this_run", "Aucun compte créé par ce passage.",
     "No account created by this run."},
    {"report.surname", "Nom", "Surname"},
    {"report.first_name", "Prénom", "First name"},
    {"report.initial_password", "Mot de passe initial", "Initial password"},
    {"report.expired", "(expiré)", "(expired)"},
    {"report.accounts_created_on", "Comptes créés le ", "Accounts created on "},
    {"report.where_to_log_in", "Où se connecter", "Where to log in"},
    {"report.at_the_first_login_choose_a_new_password",
     "À la première connexion, choisissez un nouveau mot de passe : celui-ci est provisoire",
     "At the first login, choose a new password: this one is temporary"},
    {"report.and_is_erased_from_our_files_on", " et sera effacé de nos fichiers le ",
     " and is erased from our files on "},
    {"report.never_give_it_to_anyone", ". Ne le communiquez à personne.",
     ". Never give it to anyone."},
    {"report.size.bytes", "{n|octet|octets}", "{n|byte|bytes}"},
    {"report.size.kb", "{n} Ko", "{n} KB"},
    {"report.preview.file", "{name} ({size})", "{name} ({size})"},
    {"report.preview.file_rows", "{name} ({rows|ligne|lignes}, {size})",
     "{name} ({rows|row|rows}, {size})"},
    {"report.preview.more_files", "{count|autre|autres}", "{count|other|others}"},
    {"report.preview.files",
     "{count|fichier à écrire|fichiers à écrire}, {rows|ligne|lignes} : {files}",
     "{count|file to write|files to write}, {rows|row|rows}: {files}"},
    {"report.todo.failed", "Le passage a échoué, rien n'a été appliqué : {error}",
     "The run failed, nothing was applied: {error}"},
    {"report.todo.held",
     "Retenu par {codes} : rien n'a été appliqué. Lisez les garde-fous ci-dessous ; si les "
     "changements sont voulus : edusync run --confirm",
     "Held by {codes}: nothing was applied. Read the safety gates below; if the changes are "
     "intended: edusync run --confirm"},
    {"report.schools_reused",
     "Établissements : {reused|repris tel quel|repris tels quels} (exports identiques à ceux de "
     "leur dernière lecture, non relus), {reread|relu|relus} : {uais}",
     "Schools: {reused|reused as is|reused as is} (exports identical to those of their last "
     "reading, not read again), {reread|read again|read again}: {uais}"},
    {"report.todo.refused", "{count|refus|refus}", "{count|item refused|items refused}"},
    {"report.todo.target_failed",
     "La cible « {name} » a échoué ({why}) ; elle rattrapera au prochain passage",
     "Target « {name} » failed ({why}); it catches up at the next run"},
    {"report.todo.left_out",
     "{count|enregistrement non écrit|enregistrements non écrits} par « {name} » : {codes}, à "
     "corriger dans SIECLE ou STS-web",
     "{count|record|records} left out by « {name} »: {codes}, to fix in SIECLE or STS-web"},
    {"report.todo.passwords_left",
     "{count|fichier contient|fichiers contiennent} encore des mots de passe initiaux expirés "
     "(voir plus bas)",
     "{count|file still holds|files still hold} expired initial passwords (see below)"},
    {"report.todo.ignored_inputs",
     "{count|fichier de la boîte de dépôt non lu|fichiers de la boîte de dépôt non lus} (le "
     "premier : {path} — {reason})",
     "{count|file of the inbox not read|files of the inbox not read} (first: {path} — {reason})"},
    {"report.todo.warnings",
     "{count|avertissement|avertissements} sur les exports, à corriger à la source : {codes}",
     "{count|warning|warnings} on the exports, to fix at the source: {codes}"},
};

}  // namespace

std::span<const Entry> report_entries() {
  return kReport;
}

}  // namespace edusync::text
