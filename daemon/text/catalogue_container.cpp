// Messages of Index Éducation's encrypted container (sources/timetable/index_container.cpp): a
// key missing or wrong, a container damaged or over its limits, each with what to do.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kEntries[] = {
    // The partner key (timetable.partner_key_file, inspect --edt-key).
    {"input.container.no_key",
     "export chiffré d'Index Éducation (EXPORT_INDEX_EDUCATION) : aucune clé de partenaire n'est "
     "configurée pour l'ouvrir ; indiquez le fichier PEM de la clé privée fournie par Index "
     "Éducation dans timetable.partner_key_file (inspect : --edt-key FICHIER), ou exportez "
     "l'emploi du temps en clair",
     "Index Éducation encrypted export (EXPORT_INDEX_EDUCATION): no partner key is configured "
     "to open it; give the PEM file of the private key Index Éducation supplied in "
     "timetable.partner_key_file (inspect: --edt-key FILE), or export the timetable in clear"},
    {"input.container.key_unreadable",
     "export chiffré d'Index Éducation : impossible de lire le fichier de la clé de partenaire "
     "{key_file} ({reason}) ; vérifiez le chemin donné dans timetable.partner_key_file "
     "(inspect : --edt-key FICHIER) et les droits de lecture du fichier",
     "Index Éducation encrypted export: cannot read the partner key file {key_file} ({reason}); "
     "check the path given in timetable.partner_key_file (inspect: --edt-key FILE) and that the "
     "file can be read"},
    {"input.container.key_not_pem",
     "export chiffré d'Index Éducation : {key_file} n'est pas une clé privée au format PEM, ou "
     "elle est protégée par une phrase secrète (non prise en charge) ; indiquez le fichier PEM "
     "de la clé privée fournie par Index Éducation, sans phrase secrète",
     "Index Éducation encrypted export: {key_file} is not a private key in PEM format, or it is "
     "protected by a passphrase (not supported); give the PEM file of the private key Index "
     "Éducation supplied, without a passphrase"},
    {"input.container.key_not_rsa",
     "export chiffré d'Index Éducation : {key_file} est une clé privée PEM, mais pas une clé "
     "RSA ; ces exports s'ouvrent avec la clé RSA de partenaire fournie par Index Éducation",
     "Index Éducation encrypted export: {key_file} is a PEM private key but not an RSA key; "
     "these exports open with the RSA partner key Index Éducation supplied"},
    {"input.container.key_mismatch",
     "export chiffré d'Index Éducation : la clé {key_file} n'ouvre aucune des clés de partenaire "
     "de l'export (partenaires : {partners}) ; ce n'est pas la clé du partenaire pour lequel cet "
     "export a été fait : vérifiez le partenaire choisi dans l'export d'EDT, ou demandez à Index "
     "Éducation la clé de ce partenaire",
     "Index Éducation encrypted export: the key {key_file} opens none of the export's partner "
     "keys (partners: {partners}); it is not the key of the partner this export was made for: "
     "check the partner chosen in EDT's export, or ask Index Éducation for that partner's key"},

    // The container itself.
    {"input.container.not_container",
     "ce fichier n'est pas un export chiffré d'Index Éducation (élément racine « {root} », "
     "EXPORT_INDEX_EDUCATION attendu)",
     "this file is not an Index Éducation encrypted export (root element \"{root}\", "
     "EXPORT_INDEX_EDUCATION expected)"},
    {"input.container.no_partner",
     "export chiffré d'Index Éducation sans aucune clé de partenaire (PARTENAIRE dans CLES) : le "
     "fichier est incomplet ; exportez l'emploi du temps de nouveau depuis EDT",
     "Index Éducation encrypted export without any partner key (PARTENAIRE in CLES): the file is "
     "incomplete; export the timetable again from EDT"},
    {"input.container.too_many_partners",
     "export chiffré d'Index Éducation refusé : plus de {max} clés de partenaire (PARTENAIRE), ce "
     "qu'EDT et PRONOTE n'écrivent jamais ; exportez l'emploi du temps de nouveau depuis EDT",
     "Index Éducation encrypted export refused: more than {max} partner keys (PARTENAIRE), which "
     "EDT and PRONOTE never write; export the timetable again from EDT"},
    {"input.container.missing",
     "export chiffré d'Index Éducation incomplet : l'élément {element} manque ou est vide ; le "
     "fichier a sans doute été coupé : exportez-le de nouveau et vérifiez que la copie est "
     "complète",
     "incomplete Index Éducation encrypted export: the element {element} is missing or empty; "
     "the file was probably cut: export it again and check that the copy is complete"},
    {"input.container.duplicate",
     "export chiffré d'Index Éducation refusé : l'élément {element} y figure deux fois, ce "
     "qu'EDT et PRONOTE n'écrivent jamais ; exportez l'emploi du temps de nouveau depuis EDT",
     "Index Éducation encrypted export refused: the element {element} appears twice, which EDT "
     "and PRONOTE never write; export the timetable again from EDT"},
    {"input.container.bad_flag",
     "export chiffré d'Index Éducation refusé : l'attribut CompresseAvantChiffrement de CONTENU "
     "vaut « {value} » (true ou false attendu) ; exportez l'emploi du temps de nouveau depuis "
     "EDT",
     "Index Éducation encrypted export refused: the CompresseAvantChiffrement attribute of "
     "CONTENU is \"{value}\" (true or false expected); export the timetable again from EDT"},
    {"input.container.base64_invalid",
     "export chiffré d'Index Éducation abîmé : le texte de {element} n'est pas du base64 valide "
     "(caractère interdit) ; exportez l'emploi du temps de nouveau et transmettez le fichier "
     "sans le modifier",
     "damaged Index Éducation encrypted export: the text of {element} is not valid base64 (a "
     "character out of place); export the timetable again and pass the file on unchanged"},
    {"input.container.base64_truncated",
     "export chiffré d'Index Éducation abîmé : le base64 de {element} est tronqué (sa longueur "
     "est incomplète) ; le fichier a sans doute été coupé : exportez-le de nouveau et vérifiez "
     "que la copie est complète",
     "damaged Index Éducation encrypted export: the base64 of {element} is truncated (its length "
     "is incomplete); the file was probably cut: export it again and check that the copy is "
     "complete"},
    {"input.container.content_too_large",
     "export chiffré d'Index Éducation refusé : son contenu (CONTENU) dépasse la limite de "
     "{limit} Mio, bien au-delà de l'emploi du temps d'un établissement ; vérifiez que c'est le "
     "bon fichier",
     "Index Éducation encrypted export refused: its content (CONTENU) is over the limit of "
     "{limit} MiB, far beyond the timetable of a school; check that this is the right file"},
    {"input.container.decrypt_failed",
     "export chiffré d'Index Éducation abîmé : la clé l'ouvre, mais son contenu ne se déchiffre "
     "pas (bourrage AES invalide ou longueur incomplète) ; le fichier a été abîmé ou coupé : "
     "exportez-le de nouveau",
     "damaged Index Éducation encrypted export: the key opens it, but its content does not "
     "decrypt (invalid AES padding or incomplete length); the file was damaged or cut: export "
     "it again"},
    {"input.container.digest_mismatch",
     "export chiffré d'Index Éducation abîmé : l'empreinte SHA-256 du contenu déchiffré ne "
     "correspond pas à VERIFICATION ; le fichier a été abîmé ou coupé : exportez-le de nouveau",
     "damaged Index Éducation encrypted export: the SHA-256 digest of the decrypted content does "
     "not match VERIFICATION; the file was damaged or cut: export it again"},
    // {zlib} is zlib's own English text, quoted as it is.
    {"input.container.inflate_failed",
     "export chiffré d'Index Éducation abîmé : son contenu déchiffré ne se décompresse pas "
     "(zlib : {zlib}) ; exportez l'emploi du temps de nouveau",
     "damaged Index Éducation encrypted export: its decrypted content does not decompress "
     "(zlib: {zlib}); export the timetable again"},
    {"input.container.inflate_truncated",
     "export chiffré d'Index Éducation abîmé : son contenu compressé s'arrête avant la fin ; "
     "exportez l'emploi du temps de nouveau",
     "damaged Index Éducation encrypted export: its compressed content stops before its end; "
     "export the timetable again"},
    {"input.container.clear_too_large",
     "export chiffré d'Index Éducation refusé : son contenu se décompresse au-delà de la limite "
     "de {limit} Mio (bombe de décompression ?) ; vérifiez que c'est le bon fichier",
     "Index Éducation encrypted export refused: its content decompresses beyond the limit of "
     "{limit} MiB (a decompression bomb?); check that this is the right file"},
    {"input.container.clear_ratio",
     "export chiffré d'Index Éducation refusé : taux de compression anormal ({size} Mio déjà "
     "décompressés pour {compressed} octets compressés ; bombe de décompression ?) ; vérifiez "
     "que c'est le bon fichier",
     "Index Éducation encrypted export refused: abnormal compression ratio ({size} MiB already "
     "decompressed for {compressed} compressed bytes; a decompression bomb?); check that this is "
     "the right file"},
};

}  // namespace

std::span<const Entry> container_entries() {
  return kEntries;
}

}  // namespace edusync::text
