// What the connectors say (connectors/): records the file targets leave out, characters their
// encodings lack, failures to write, and the SambaEdu directory's errors, drift and notices.
// Names that are not words are the same in both languages: the targets' products (KOXO, ENT,
// Pix, Éléa, Moodle), SIECLE's and STS-web's menus, the columns of their files, LDAP attribute
// names and configuration keys. The server's own words (ldap_err2string, its diagnostic) and DNs
// are arguments, shown as they are.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kConnectors[] = {
    // Shared by every connector.
    {"connector.failed", "{connector} : {error}", "{connector}: {error}"},
    {"connector.unknown_type", "type de connecteur inconnu : {type}",
     "unknown connector type: {type}"},
    // A list joined by commas in both languages (substitutions, values): "{first}, {rest}".
    {"connector.comma_list", "{first}, {rest}", "{first}, {rest}"},

    // Who a file target's message is about.
    {"connector.who.pupil", "{name} (élève {id})", "{name} (pupil {id})"},
    {"connector.who.pupil_in_division", "{name} (élève {id}, {division})",
     "{name} (pupil {id}, {division})"},
    {"connector.who.staff", "{name} (personnel {id})", "{name} (staff {id})"},
    {"connector.who.guardian", "{name} (responsable {id})", "{name} (guardian {id})"},

    // Encodings (CHARSET_TRANSLITERATED).
    {"connector.substitution", "« {original} » -> « {replacement} »",
     "\"{original}\" -> \"{replacement}\""},
    {"connector.charset.record",
     "{who} : caractère(s) absent(s) du jeu de caractères du fichier, remplacé(s) : "
     "{substitutions}. Vérifier l'orthographe dans SIECLE/STS-web ou choisir l'encodage "
     "utf-8-bom.",
     "{who}: character(s) missing from the file's character set, replaced: {substitutions}. "
     "Check the spelling in SIECLE/STS-web or choose the utf-8-bom encoding."},
    {"connector.charset.pix_xml",
     "Pix : caractère(s) absent(s) de l'ISO-8859-15 remplacé(s) : {substitutions}",
     "Pix: character(s) missing from ISO-8859-15, replaced: {substitutions}"},

    // Records a file target leaves out; {reason} is the rule of model/acceptance.hpp.
    {"connector.koxo.refused",
     "KOXO : {who} non écrit : {reason}. À corriger dans SIECLE ou STS-web.",
     "KOXO: {who} not written: {reason}. To be corrected in SIECLE or STS-web."},
    {"connector.ent.refused",
     "ENT : {who} non écrit : {reason}. À corriger dans SIECLE ou STS-web.",
     "ENT: {who} not written: {reason}. To be corrected in SIECLE or STS-web."},
    {"connector.pix.refused",
     "Pix : {who} non écrit : {reason}. À corriger dans SIECLE (Base élèves établissement, fiche "
     "de l'élève), puis déposer un nouvel export.",
     "Pix: {who} not written: {reason}. To be corrected in SIECLE (Base élèves établissement, "
     "fiche de l'élève), then drop a new export."},
    {"connector.pix.ine_duplicate",
     "Pix : {who} non écrit : INE {ine} déjà porté par {twin}. À corriger dans SIECLE (Base "
     "élèves établissement, fiche de l'élève), puis déposer un nouvel export.",
     "Pix: {who} not written: INE {ine} already held by {twin}. To be corrected in SIECLE (Base "
     "élèves établissement, fiche de l'élève), then drop a new export."},
    {"connector.elea.refused", "Éléa : {who} non écrit : {reason}.",
     "Éléa: {who} not written: {reason}."},
    {"connector.elea.no_login",
     "pas d'identifiant de connexion attribué (username obligatoire pour Moodle)",
     "no login assigned (username is required by Moodle)"},
    {"connector.koxo.unknown_encoding", "koxo-csv : encodage inconnu {encoding}",
     "koxo-csv: unknown encoding {encoding}"},

    // Writing the files.
    {"connector.file.output", "sortie : {error}", "output: {error}"},
    {"connector.file.not_a_directory", "dossier de sortie {dir} : pas un dossier",
     "output directory {dir}: not a directory"},
    {"connector.zip.buffer", "zip : création du tampon impossible",
     "zip: the buffer cannot be created"},
    {"connector.zip.open", "zip : ouverture impossible", "zip: the archive cannot be opened"},
    {"connector.zip.add", "zip : ajout impossible de {name}", "zip: {name} cannot be added"},
    {"connector.zip.write", "zip : écriture impossible", "zip: the archive cannot be written"},
    {"connector.zip.reread", "zip : relecture impossible", "zip: the archive cannot be read back"},
    {"connector.zip.incomplete", "zip : relecture incomplète",
     "zip: the archive read back is incomplete"},
    {"connector.journal.failed", "journal {path} : {error}", "journal {path}: {error}"},

    // The SambaEdu directory: connection and operations. {server} is the server's own words.
    {"connector.ldap.error", "{what} : {server}", "{what}: {server}"},
    {"connector.ldap.option.protocol_version", "version du protocole", "protocol version"},
    {"connector.ldap.option.network_timeout", "délai de connexion", "connection timeout"},
    {"connector.ldap.option.timeout", "délai des opérations", "operation timeout"},
    {"connector.ldap.option.referrals", "renvois", "referrals"},
    {"connector.ldap.option.tls_verification", "vérification TLS", "TLS verification"},
    {"connector.ldap.option.tls_context", "contexte TLS", "TLS context"},
    {"connector.ldap.unreachable", "connexion impossible à l'annuaire {uri}",
     "cannot connect to the directory {uri}"},
    {"connector.ldap.bind_refused", "authentification refusée par l'annuaire {uri} pour {who}",
     "authentication refused by the directory {uri} for {who}"},
    {"connector.ldap.invalid_uri", "adresse d'annuaire invalide « {uri} » : {server}",
     "invalid directory address \"{uri}\": {server}"},
    {"connector.ldap.starttls", "StartTLS refusé ou certificat non vérifié ({uri})",
     "StartTLS refused or certificate not verified ({uri})"},
    {"connector.ldap.paging", "contrôle de pagination", "paging control"},
    {"connector.ldap.reading", "lecture de {base}", "reading {base}"},
    {"connector.ldap.not_sent", "non envoyée : arrêt demandé", "not sent: stop requested"},
    {"connector.ldap.no_answer", "pas de réponse de l'annuaire en {seconds} s",
     "no answer from the directory in {seconds} s"},
    {"connector.ldap.connection_lost", "connexion à l'annuaire perdue : {server}",
     "connection to the directory lost: {server}"},
    {"connector.ldap.no_randomness", "getrandom : aléa indisponible pour le sel SSHA",
     "getrandom: no randomness available for the SSHA salt"},
    {"connector.ldap.no_domain_sid",
     "aucun SID de domaine : indiquer domain_sid ou créer l'entrée sambaDomain sous {base}",
     "no domain SID: set domain_sid or create the sambaDomain entry under {base}"},
    {"connector.ldap.no_base", "la base {base} n'existe pas dans l'annuaire",
     "the base {base} does not exist in the directory"},

    // The SambaEdu connector's settings and run.
    {"connector.ldap.secret_unreadable", "bind_password_file {path} illisible",
     "bind_password_file {path} unreadable"},
    {"connector.ldap.no_bind_dn",
     "bind_dn manquant : sans bind_dn, seule l'authentification SASL EXTERNAL sur ldapi:// est "
     "possible",
     "bind_dn missing: without bind_dn, only SASL EXTERNAL authentication over ldapi:// is "
     "possible"},
    {"connector.ldap.no_base_dn", "base_dn manquant", "base_dn missing"},
    {"connector.ldap.secret_exposed",
     "ldap-sambaedu {connector} : le fichier du mot de passe de liaison {path} est accessible à "
     "d'autres que son propriétaire (mode {mode}) : tout compte de la machine peut lire le mot de "
     "passe de l'annuaire. Corriger avec « chmod 600 {path} » (ou 640 avec le groupe d'edusync), "
     "puis changer ce mot de passe.",
     "ldap-sambaedu {connector}: the bind password file {path} can be read by others than its "
     "owner (mode {mode}): any account on the machine can read the directory's password. Fix it "
     "with \"chmod 600 {path}\" (or 640 with edusync's group), then change that password."},
    {"connector.ldap.stopped_reconnecting",
     "arrêt demandé pendant la reconnexion à l'annuaire (après {attempts|tentative|tentatives} "
     "sur {max}, la dernière : {last}) : rien de plus n'a été écrit ; le prochain passage relit "
     "l'annuaire et reprend",
     "stop requested while reconnecting to the directory (after {attempts|attempt|attempts} of "
     "{max}, the last one: {last}): nothing more was written; the next pass reads the directory "
     "again and resumes"},
    {"connector.ldap.stopped_writing",
     "arrêt demandé pendant l'écriture dans l'annuaire : {sent|écriture envoyée|écritures "
     "envoyées} sur {total}, pas les autres ; l'annuaire reste cohérent et le prochain passage le "
     "relit et termine",
     "stop requested while writing to the directory: {sent|write sent|writes sent} of {total}, "
     "not the others; the directory stays consistent and the next pass reads it again and "
     "finishes"},
    {"connector.ldap.reconnect_log",
     "ldap-sambaedu {connector} : LDAP_RECONNECT : {error} ; nouvel essai dans {delay} ms",
     "ldap-sambaedu {connector}: LDAP_RECONNECT: {error}; retrying in {delay} ms"},
    {"connector.ldap.drift_log", "ldap-sambaedu {connector} : LDAP_DRIFT : {line}",
     "ldap-sambaedu {connector}: LDAP_DRIFT: {line}"},
    {"connector.ldap.notice_log", "ldap-sambaedu {connector} : LDAP_NOTICE : {line}",
     "ldap-sambaedu {connector}: LDAP_NOTICE: {line}"},
    {"connector.ldap.refused.add", "{dn} : ajout refusé(e) par l'annuaire : {server}",
     "{dn}: addition refused by the directory: {server}"},
    {"connector.ldap.refused.modify", "{dn} : modification refusé(e) par l'annuaire : {server}",
     "{dn}: change refused by the directory: {server}"},
    {"connector.ldap.refused.rename", "{dn} : déplacement refusé(e) par l'annuaire : {server}",
     "{dn}: move refused by the directory: {server}"},
    {"connector.ldap.refused.remove", "{dn} : suppression refusé(e) par l'annuaire : {server}",
     "{dn}: deletion refused by the directory: {server}"},
    {"connector.ldap.refused.write", "{dn} : écriture refusé(e) par l'annuaire : {server}",
     "{dn}: write refused by the directory: {server}"},

    // Reconciliation: what is refused, drift repaired (LDAP_DRIFT), notices (LDAP_NOTICE).
    {"connector.ldap.account_of_someone_else",
     "le compte {dn} existe déjà pour une autre personne (uidNumber {uid_number}, employeeNumber "
     "« {employee_number} ») : rien n'est écrit pour {name} ({number})",
     "the account {dn} already exists for another person (uidNumber {uid_number}, employeeNumber "
     "\"{employee_number}\"): nothing is written for {name} ({number})"},
    {"connector.ldap.uid_number_taken",
     "uidNumber {uid_number} de {login} déjà porté par {holder} : compte non créé (adopter "
     "l'annuaire existant ou libérer ce numéro)",
     "uidNumber {uid_number} of {login} already held by {holder}: account not created (adopt the "
     "existing directory or free that number)"},
    {"connector.ldap.recreated_without_password",
     "uid={login} recréé sans mot de passe (l'initial n'est plus connu) : à réinitialiser depuis "
     "l'interface SambaEdu",
     "uid={login} recreated without a password (the initial one is no longer known): to be reset "
     "from the SambaEdu interface"},
    {"connector.ldap.user_recreated", "uid={login} supprimé de l'annuaire : recréé",
     "uid={login} deleted from the directory: recreated"},
    {"connector.ldap.attribute_restored",
     "uid={login} : {attribute} modifié dans l'annuaire (« {found} »), rétabli à « {wanted} »",
     "uid={login}: {attribute} changed in the directory (\"{found}\"), restored to \"{wanted}\""},
    {"connector.ldap.unknown_accounts",
     "{count} compte(s) de ou=People inconnu(s) d'edusync, laissé(s) tel(s) quel(s) : {logins}",
     "{count|account|accounts} of ou=People unknown to edusync, left as they are: {logins}"},
    {"connector.ldap.upper_gid_range",
     "{count} groupe(s) Classe_/Equipe_/Matiere_ numérotés dans la plage haute [10000, 64000] : "
     "la plage [2000, 4999] de SambaEdu est pleine",
     "{count|Classe_/Equipe_/Matiere_ group|Classe_/Equipe_/Matiere_ groups} numbered in the "
     "upper range [10000, 64000]: the SambaEdu range [2000, 4999] is full"},
    {"connector.ldap.group_recreated", "cn={cn} supprimé de l'annuaire : recréé",
     "cn={cn} deleted from the directory: recreated"},
    {"connector.ldap.group_other_class",
     "cn={cn} existe avec une autre classe d'objet (posixGroup / groupOfNames) : laissé tel quel",
     "cn={cn} exists with another object class (posixGroup / groupOfNames): left as it is"},
    {"connector.ldap.members_restored", "cn={cn} : membres modifiés dans l'annuaire, rétablis",
     "cn={cn}: members changed in the directory, restored"},
    {"connector.ldap.no_free_gid",
     "cn={cn} : plus aucun gidNumber libre dans les plages de SambaEdu [2000, 4999] et [10000, "
     "64000], groupe non créé",
     "cn={cn}: no free gidNumber left in the SambaEdu ranges [2000, 4999] and [10000, 64000], "
     "group not created"},
};

}  // namespace

std::span<const Entry> connector_entries() {
  return kConnectors;
}

}  // namespace edusync::text
