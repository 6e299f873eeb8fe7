// Messages of the input files (sources/): exports refused, records skipped, XML, zip and
// encoding errors. Names of SIECLE and STS-web menus, XML element names and the roots of exports
// (ELEVE_ID, STRUCTURES_ELEVE, « Exports > Emploi du temps »...) are proper names, the same in
// both languages.
#include "text/catalogue.hpp"

namespace edusync::text {
namespace {

constexpr Entry kInputs[] = {
    // The kind of export, found at the root element (parsers/export_parser.cpp).
    {"input.expected_roots",
     "edusync lit les exports SIECLE (BEE_ELEVES, BEE_RESPONSABLES, BEE_STRUCTURES, "
     "BEE_NOMENCLATURES), STS-web (STS_EDT) et d'emploi du temps (EDT, PRONOTE, UDT)",
     "edusync reads the exports of SIECLE (BEE_ELEVES, BEE_RESPONSABLES, BEE_STRUCTURES, "
     "BEE_NOMENCLATURES), STS-web (STS_EDT) and timetables (EDT, PRONOTE, UDT)"},
    {"input.root.edt_sts",
     "ce fichier (racine EDT_STS) est celui qu'un logiciel d'emploi du temps (EDT, UDT) produit "
     "pour remonter les services VERS STS-web ; edusync attend l'export fait PAR STS-web : "
     "« Exports > Emploi du temps », fichier sts_emp_<UAI>_<année>.xml (racine STS_EDT). "
     "Téléchargez-le depuis STS-web.",
     "this file (root EDT_STS) is the one a timetable program (EDT, UDT) produces to send the "
     "services up TO STS-web; edusync expects the export made BY STS-web: \"Exports > Emploi du "
     "temps\", file sts_emp_<UAI>_<year>.xml (root STS_EDT). Download it from STS-web."},
    {"input.root.bee_commun",
     "Communs.xml (racine BEE_COMMUN) n'est pas utile à la synchronisation ; {expected}",
     "Communs.xml (root BEE_COMMUN) is of no use to the synchronisation; {expected}"},
    {"input.root.aaf",
     "fichier d'alimentation AAF (racine ficAlimMENESR) : il n'est pas lu ; {expected}",
     "an AAF feed file (root ficAlimMENESR): it is not read; {expected}"},
    {"input.root.unknown",
     "élément racine « {root} » inconnu : ce n'est pas un export attendu ; {expected}",
     "unknown root element \"{root}\": this is not an expected export; {expected}"},
    {"input.root.wrong_kind", "export « {found} » trouvé, « {expected} » attendu",
     "\"{found}\" export found, \"{expected}\" expected"},
    {"input.header.missing",
     "section PARAMETRES absente : impossible de connaître l'établissement (UAJ) et l'année "
     "scolaire de cet export",
     "no PARAMETRES section: there is no knowing the school (UAJ) or the school year of this "
     "export"},
    {"input.header.no_uai", "UAJ absent de PARAMETRES : établissement inconnu",
     "no UAJ in PARAMETRES: unknown school"},
    {"input.header.bad_year",
     "ANNEE_SCOLAIRE absente ou illisible (« {value} », année de début sur 4 chiffres attendue)",
     "ANNEE_SCOLAIRE missing or unreadable (\"{value}\"; the starting year in 4 digits is "
     "expected)"},

    // Records skipped (parsers/*_parser.cpp): the file is still used. The element and the
    // attribute are XML names; French agrees the participle with the element.
    {"input.record.no_attribute", "{element} sans {attribute} ignoré",
     "{element} without {attribute} ignored"},
    {"input.record.no_attribute_f", "{element} sans {attribute} ignorée",
     "{element} without {attribute} ignored"},
    {"input.pupil.no_id", "élève sans ELEVE_ID ignoré (enregistrement incomplet)",
     "pupil without ELEVE_ID ignored (incomplete record)"},
    {"input.person.no_id", "PERSONNE sans PERSONNE_ID ignorée (enregistrement incomplet)",
     "PERSONNE without PERSONNE_ID ignored (incomplete record)"},
    {"input.pupil.bad_exit_date",
     "DATE_SORTIE illisible « {raw} » pour l'élève {id} : date ignorée (format attendu "
     "JJ/MM/AAAA)",
     "unreadable DATE_SORTIE \"{raw}\" for pupil {id}: date ignored (expected format "
     "DD/MM/YYYY)"},
    {"input.pupil.bad_structure",
     "STRUCTURE sans code ou de type inconnu « {type} » ignorée pour l'élève {id}",
     "STRUCTURE without a code or of unknown type \"{type}\" ignored for pupil {id}"},
    {"input.link.missing_ids", "RESPONSABLE_ELEVE sans ELEVE_ID ou PERSONNE_ID ignoré",
     "RESPONSABLE_ELEVE without ELEVE_ID or PERSONNE_ID ignored"},
    {"input.link.unknown_level",
     "NIVEAU_RESPONSABILITE inconnu « {level} » (lien élève {eleve_id}, personne {personne_id}) "
     ": lien ignoré",
     "unknown NIVEAU_RESPONSABILITE \"{level}\" (link between pupil {eleve_id} and person "
     "{personne_id}): link ignored"},
    {"input.link.no_level",
     "lien élève {eleve_id}, personne {personne_id} sans NIVEAU_RESPONSABILITE ni RESP_LEGAL "
     "valide : lien ignoré",
     "link between pupil {eleve_id} and person {personne_id} without a valid "
     "NIVEAU_RESPONSABILITE or RESP_LEGAL: link ignored"},

    // Records refused for a name no person can have (parsers/header_parser.cpp).
    {"input.who.pupil", "l'élève ELEVE_ID {id}", "pupil ELEVE_ID {id}"},
    {"input.who.person", "la personne PERSONNE_ID {id}", "person PERSONNE_ID {id}"},
    {"input.who.staff", "l'individu ID {id}", "staff member ID {id}"},
    {"input.name.refused",
     "fiche de {who} refusée : {defect}. Elle n'est écrite dans aucune cible ; corrigez-la dans "
     "{source} puis exportez de nouveau.",
     "record of {who} refused: {defect}. It is written to no target; correct it in {source}, "
     "then export again."},
    {"input.name.control_character",
     "{element} contient le caractère de contrôle U+{code} (invisible, il n'a pas sa place dans "
     "un nom : fichier converti deux fois ?)",
     "{element} holds the control character U+{code} (invisible, it has no place in a name: a "
     "file converted twice?)"},
    {"input.name.too_long",
     "{element} fait {length} caractères, au-delà de {max} : ce n'est pas un nom",
     "{element} is {length} characters long, beyond {max}: this is not a name"},

    // The bytes of the file, before XML (xml/record_stream.cpp, xml/content_checks.cpp).
    {"input.file.empty",
     "fichier vide (0 octet) : téléchargement ou copie interrompus ? Téléchargez l'export de "
     "nouveau.",
     "empty file (0 bytes): an interrupted download or copy? Download the export again."},
    {"input.binary.advice",
     "{what} edusync lit les exports XML de SIECLE et STS-web : donnez le fichier .xml, ou "
     "l'archive .zip telle que téléchargée.",
     "{what} edusync reads the XML exports of SIECLE and STS-web: give the .xml file, or the "
     ".zip archive as downloaded."},
    {"input.binary.gzip",
     "fichier compressé gzip (.gz), pas un fichier XML : décompressez-le (gunzip FICHIER) et "
     "donnez le .xml obtenu.",
     "a gzip-compressed file (.gz), not an XML file: decompress it (gunzip FILE) and give the "
     ".xml it yields."},
    {"input.binary.bzip2",
     "fichier compressé bzip2 (.bz2), pas un fichier XML : décompressez-le (bunzip2 FICHIER) et "
     "donnez le .xml obtenu.",
     "a bzip2-compressed file (.bz2), not an XML file: decompress it (bunzip2 FILE) and give "
     "the .xml it yields."},
    {"input.binary.xz",
     "fichier compressé xz (.xz), pas un fichier XML : décompressez-le (unxz FICHIER) et donnez "
     "le .xml obtenu.",
     "an xz-compressed file (.xz), not an XML file: decompress it (unxz FILE) and give the .xml "
     "it yields."},
    {"input.binary.zstd",
     "fichier compressé zstd (.zst), pas un fichier XML : décompressez-le (unzstd FICHIER) et "
     "donnez le .xml obtenu.",
     "a zstd-compressed file (.zst), not an XML file: decompress it (unzstd FILE) and give the "
     ".xml it yields."},
    {"input.binary.7z",
     "archive 7-Zip (.7z), que edusync ne lit pas : extrayez-en les fichiers .xml.",
     "a 7-Zip archive (.7z), which edusync does not read: extract its .xml files."},
    {"input.binary.rar", "archive RAR, que edusync ne lit pas : extrayez-en les fichiers .xml.",
     "a RAR archive, which edusync does not read: extract its .xml files."},
    {"input.binary.zip",
     "archive zip que edusync ne peut pas ouvrir ici (archive dans une archive, ou archive "
     "abîmée) : extrayez-en les fichiers .xml.",
     "a zip archive that edusync cannot open here (an archive inside an archive, or a damaged "
     "archive): extract its .xml files."},
    {"input.binary.pdf", "document PDF, pas un export.", "a PDF document, not an export."},
    {"input.binary.office",
     "document Microsoft Office (tableur .xls, .doc...), pas un export : un export ouvert puis "
     "enregistré par un tableur n'est plus lisible.",
     "a Microsoft Office document (.xls spreadsheet, .doc...), not an export: an export opened "
     "and then saved by a spreadsheet can no longer be read."},
    {"input.binary.html",
     "page web (HTML) enregistrée à la place de l'export (session expirée pendant le "
     "téléchargement ?) : téléchargez de nouveau l'export.",
     "a web page (HTML) saved instead of the export (a session that expired during the "
     "download?): download the export again."},
    {"input.encoding.unsupported",
     "encodage « {encoding} » déclaré mais non pris en charge. Les exports SIECLE et STS-web "
     "sont en ISO-8859-15 : utilisez le fichier tel que téléchargé, sans le modifier, ou "
     "enregistrez-le en UTF-8.",
     "encoding \"{encoding}\" declared but not supported. SIECLE and STS-web exports are in "
     "ISO-8859-15: use the file as downloaded, without changing it, or save it in UTF-8."},
    {"input.encoding.utf8_in_latin",
     "le fichier déclare l'encodage « {declared} » mais il est écrit en UTF-8 (ligne {line} : "
     "« {sequence} » en octets {bytes}, qui se liraient « {mojibake} ») : un outil (éditeur, "
     "tableur, script de conversion) l'a converti sans changer sa déclaration, et chaque accent "
     "serait écrit faux dans les annuaires. Utilisez l'export tel que téléchargé depuis SIECLE "
     "ou STS-web, ou corrigez la première ligne en <?xml version=\"1.0\" encoding=\"UTF-8\"?>.",
     "the file declares the encoding \"{declared}\" but is written in UTF-8 (line {line}: "
     "\"{sequence}\" in bytes {bytes}, which would read \"{mojibake}\"): a tool (an editor, a "
     "spreadsheet, a conversion script) converted it without changing its declaration, and every "
     "accent would be written wrong in the directories. Use the export as downloaded from "
     "SIECLE or STS-web, or correct the first line to <?xml version=\"1.0\" "
     "encoding=\"UTF-8\"?>."},

    // The XML reader (xml/record_stream.cpp): limits, DTDs, truncation.
    {"input.xml.parser_unavailable", "analyseur XML indisponible", "XML parser unavailable"},
    {"input.xml.invalid_document", "document XML invalide", "invalid XML document"},
    {"input.xml.no_element", "le fichier ne contient aucun élément XML",
     "the file holds no XML element"},
    {"input.xml.doctype",
     "déclaration DOCTYPE « {name} » refusée : les exports SIECLE et STS-web n'en contiennent "
     "jamais, et une DTD peut servir à une attaque (entités, fichiers externes). Utilisez le "
     "fichier tel qu'exporté.",
     "DOCTYPE declaration \"{name}\" refused: SIECLE and STS-web exports never hold one, and a "
     "DTD can serve an attack (entities, external files). Use the file as exported."},
    {"input.xml.too_deep",
     "imbrication trop profonde (plus de {max} éléments ouverts) : ce n'est pas un export SIECLE "
     "ou STS-web",
     "nesting too deep (more than {max} open elements): this is not a SIECLE or STS-web export"},
    {"input.xml.root_too_large", "élément racine trop volumineux", "root element too large"},
    {"input.xml.record_too_many_elements",
     "enregistrement « {record} » trop volumineux (limite de {max} éléments et attributs)",
     "record \"{record}\" too large (limit of {max} elements and attributes)"},
    {"input.xml.record_too_large",
     "enregistrement « {record} » trop volumineux (plus de {bytes} octets de texte, ou trop "
     "d'attributs)",
     "record \"{record}\" too large (more than {bytes} bytes of text, or too many attributes)"},
    {"input.xml.record_too_much_text",
     "enregistrement trop volumineux (plus de {bytes} octets de texte)",
     "record too large (more than {bytes} bytes of text)"},
    {"input.xml.stray_text",
     "texte directement dans l'élément « {element} », hors de tout enregistrement (plus de "
     "{bytes} octets) : un export SIECLE ou STS-web n'y met que des éléments. Le fichier a été "
     "modifié ou n'est pas un export : utilisez-le tel que téléchargé.",
     "text directly inside element \"{element}\", outside any record (more than {bytes} "
     "bytes): a SIECLE or STS-web export puts only elements there. The file was modified or is "
     "not an export: use it as downloaded."},
    {"input.xml.malformed",
     "XML mal formé : {detail}. Utilisez le fichier tel que téléchargé depuis SIECLE ou STS-web "
     "(de nouveau au besoin), sans l'ouvrir dans un éditeur ni un tableur.",
     "malformed XML: {detail}. Use the file as downloaded from SIECLE or STS-web (again if need "
     "be), without opening it in an editor or a spreadsheet."},
    {"input.xml.truncated",
     "fin de fichier prématurée, {element} non fermé : fichier tronqué (téléchargement ou copie "
     "interrompus ?)",
     "premature end of file, {element} not closed: a truncated file (an interrupted download or "
     "copy?)"},
    {"input.xml.truncated_in_markup",
     "{detail}, à la fin des données : {element} non fermé, fichier tronqué (téléchargement ou "
     "copie interrompus ?)",
     "{detail}, at the end of the data: {element} not closed, a truncated file (an interrupted "
     "download or copy?)"},
    {"input.xml.open_element", "élément « {name} »", "element \"{name}\""},
    {"input.xml.open_element_line", "élément « {name} » (ouvert ligne {line})",
     "element \"{name}\" (opened on line {line})"},
    {"input.xml.open_element_in_record",
     "élément « {name} » (ouvert ligne {line}, dans l'enregistrement « {record} » de la ligne "
     "{record_line})",
     "element \"{name}\" (opened on line {line}, in the \"{record}\" record of line "
     "{record_line})"},

    // libxml2's errors, by code (xml/xml_messages.cpp).
    {"input.xml.tag_mismatch",
     "balise fermante « {closing} » alors que l'élément « {open} » ouvert ligne {line} n'est pas "
     "fermé",
     "closing tag \"{closing}\" while element \"{open}\", opened on line {line}, is not closed"},
    {"input.xml.tag_not_finished",
     "fin de fichier prématurée, élément « {name} » ouvert ligne {line} non fermé (fichier "
     "tronqué ?)",
     "premature end of file, element \"{name}\" opened on line {line} not closed (a truncated "
     "file?)"},
    {"input.xml.gt_required", "balise ouvrante « {name} » sans « > » final",
     "opening tag \"{name}\" without its final \">\""},
    {"input.xml.ltslash_required", "balise fermante attendue (« </ »)",
     "closing tag expected (\"</\")"},
    {"input.xml.name_required",
     "nom d'élément ou d'entité attendu (un « < » ou un « & » isolé ? il s'écrit &lt; ou &amp;)",
     "element or entity name expected (a lone \"<\" or \"&\"? they are written &lt; and &amp;)"},
    {"input.xml.attribute_redefined", "attribut « {name} » répété dans le même élément",
     "attribute \"{name}\" repeated in the same element"},
    {"input.xml.attribute_without_value", "attribut sans valeur (« nom=\"valeur\" » attendu)",
     "attribute without a value (name=\"value\" expected)"},
    {"input.xml.attribute_quotes", "valeur d'attribut sans guillemets ouvrants ou fermants",
     "attribute value without its opening or closing quote"},
    {"input.xml.lt_in_attribute", "caractère « < » dans une valeur d'attribut (il s'écrit &lt;)",
     "character \"<\" in an attribute value (it is written &lt;)"},
    {"input.xml.undefined_namespace", "préfixe d'espace de noms « {prefix} » non déclaré",
     "namespace prefix \"{prefix}\" not declared"},
    {"input.xml.document_empty",
     "aucun élément XML au début du fichier (fichier vide, ou ce n'est pas un fichier XML)",
     "no XML element at the start of the file (an empty file, or not an XML file)"},
    {"input.xml.document_end", "contenu après la fin de l'élément racine",
     "content after the end of the root element"},
    {"input.xml.not_well_balanced", "éléments mal imbriqués", "badly nested elements"},
    {"input.xml.undeclared_entity",
     "référence à l'entité '{name}' non définie (seules &amp; &lt; &gt; &quot; &apos; existent ; "
     "un « & » seul s'écrit &amp;)",
     "reference to the undefined entity '{name}' (only &amp; &lt; &gt; &quot; &apos; exist; a "
     "lone \"&\" is written &amp;)"},
    {"input.xml.entity_semicolon",
     "référence d'entité sans « ; » final (un « & » seul s'écrit &amp;)",
     "entity reference without its final \";\" (a lone \"&\" is written &amp;)"},
    {"input.xml.invalid_char",
     "caractère interdit en XML ou octets illisibles dans l'encodage déclaré (fichier "
     "ISO-8859-15 sans déclaration d'encodage, ou fichier binaire ?)",
     "a character forbidden in XML, or bytes unreadable in the declared encoding (an "
     "ISO-8859-15 file without an encoding declaration, or a binary file?)"},
    {"input.xml.invalid_char_bytes",
     "caractère interdit en XML ou octets illisibles dans l'encodage déclaré (octets {bytes}) "
     "(fichier ISO-8859-15 sans déclaration d'encodage, ou fichier binaire ?)",
     "a character forbidden in XML, or bytes unreadable in the declared encoding (bytes "
     "{bytes}) (an ISO-8859-15 file without an encoding declaration, or a binary file?)"},
    {"input.xml.invalid_charref", "référence de caractère (&#...;) invalide",
     "invalid character reference (&#...;)"},
    {"input.xml.bad_comment", "commentaire mal formé ou non fermé",
     "malformed or unclosed comment"},
    {"input.xml.pi_not_finished", "instruction de traitement (<?...?>) non fermée",
     "unclosed processing instruction (<?...?>)"},
    {"input.xml.bad_cdata", "section CDATA mal formée", "malformed CDATA section"},
    {"input.xml.reserved_name",
     "déclaration <?xml ...?> ailleurs qu'au tout début du fichier (deux fichiers collés bout à "
     "bout ?)",
     "<?xml ...?> declaration elsewhere than at the very start of the file (two files pasted end "
     "to end?)"},
    {"input.xml.bad_declaration", "déclaration XML ou balise mal formée",
     "malformed XML declaration or tag"},
    {"input.xml.unsupported_encoding", "encodage déclaré non pris en charge",
     "declared encoding not supported"},
    {"input.xml.name_too_long", "nom d'élément ou d'attribut démesuré",
     "element or attribute name far too long"},
    {"input.xml.no_memory", "mémoire insuffisante pour lire le fichier",
     "not enough memory to read the file"},
    {"input.xml.internal_error",
     "document hors des limites de l'analyseur (imbrication ou texte démesurés)",
     "document beyond the parser's limits (nesting or text far too large)"},
    // {libxml2} is libxml2's own English text, quoted as it is.
    {"input.xml.other", "erreur de syntaxe XML n° {code} (libxml2 : {libxml2})",
     "XML syntax error no. {code} (libxml2: {libxml2})"},

    // Zip archives (input/zip_source.cpp).
    {"input.zip.unreadable", "archive zip illisible : {reason}",
     "unreadable zip archive: {reason}"},
    {"input.zip.download_again",
     "{reason} : téléchargez l'archive de nouveau (ou donnez les fichiers .xml qu'elle contient)",
     "{reason}: download the archive again (or give the .xml files it holds)"},
    {"input.zip.not_zip",
     "ce n'est pas une archive zip valide (répertoire central introuvable : archive tronquée ?)",
     "this is not a valid zip archive (no central directory found: a truncated archive?)"},
    {"input.zip.inconsistent",
     "archive zip incohérente ou tronquée (téléchargement ou copie interrompus ?)",
     "inconsistent or truncated zip archive (an interrupted download or copy?)"},
    {"input.zip.bad_data", "données compressées abîmées (somme de contrôle fausse)",
     "damaged compressed data (wrong checksum)"},
    {"input.zip.compression_not_supported",
     "méthode de compression non prise en charge : recompressez les fichiers .xml en zip "
     "standard (deflate), ou donnez-les directement",
     "compression method not supported: compress the .xml files again as a standard zip "
     "(deflate), or give them directly"},
    {"input.zip.encrypted",
     "archive chiffrée (protégée par un mot de passe) : extrayez-en les fichiers .xml et "
     "donnez-les directement",
     "encrypted archive (protected by a password): extract its .xml files and give them "
     "directly"},
    {"input.zip.multidisk",
     "archive zip en plusieurs volumes, non prise en charge : donnez les fichiers .xml",
     "zip archive in several volumes, which is not supported: give the .xml files"},
    {"input.zip.no_memory", "mémoire insuffisante pour lire l'archive",
     "not enough memory to read the archive"},
    {"input.zip.read_failed", "impossible de lire l'archive : {reason}",
     "cannot read the archive: {reason}"},
    {"input.zip.io_error", "erreur d'entrée-sortie", "input/output error"},
    {"input.zip.member_vanished",
     "membre introuvable dans l'archive (modifiée pendant la lecture ?)",
     "member not found in the archive (changed while it was being read?)"},
    {"input.zip.other", "archive zip illisible (erreur libzip n° {code})",
     "unreadable zip archive (libzip error no. {code})"},
    {"input.zip.no_xml",
     "l'archive zip ne contient aucun fichier XML (export SIECLE ou STS-web attendu)",
     "the zip archive holds no XML file (a SIECLE or STS-web export is expected)"},
    {"input.zip.member_not_found", "membre introuvable", "member not found"},
    {"input.zip.member_too_large",
     "membre refusé : il se décompresse en {size} Mio, au-delà de la limite de {limit} Mio "
     "(bombe zip ?)",
     "member refused: it decompresses to {size} MiB, beyond the limit of {limit} MiB (a zip "
     "bomb?)"},
    {"input.zip.member_ratio",
     "membre refusé : taux de compression anormal ({size} Mio pour {compressed} octets "
     "compressés ; bombe zip ?)",
     "member refused: abnormal compression ratio ({size} MiB for {compressed} compressed bytes; "
     "a zip bomb?)"},
    {"input.zip.member_unreadable", "membre illisible : {reason}", "unreadable member: {reason}"},
    {"input.zip.decompression", "erreur de décompression : {reason}",
     "decompression error: {reason}"},
    {"input.zip.member_beyond_limits",
     "membre refusé : décompression au-delà des limites après {size} Mio (bombe zip ?)",
     "member refused: decompression beyond the limits after {size} MiB (a zip bomb?)"},

    // Files (input/file_source.cpp) and the system's reasons (input/system_reason.hpp).
    {"input.file.open_failed", "impossible d'ouvrir le fichier : {reason}",
     "cannot open the file: {reason}"},
    {"input.file.read_failed", "erreur de lecture : {reason}", "read error: {reason}"},
    {"input.system.no_entry", "fichier ou dossier absent", "no such file or directory"},
    {"input.system.permission", "permission refusée", "permission denied"},
    {"input.system.read_only", "système de fichiers en lecture seule", "read-only file system"},
    {"input.system.is_directory", "c'est un dossier", "it is a directory"},
    {"input.system.not_directory", "un élément du chemin n'est pas un dossier",
     "a component of the path is not a directory"},
    {"input.system.disk_full", "disque plein", "disk full"},
    {"input.system.io", "erreur d'entrée-sortie du disque", "disk input/output error"},
    {"input.system.too_many_files", "trop de fichiers ouverts", "too many open files"},
    {"input.system.name_too_long", "nom de fichier trop long", "file name too long"},
    // {text} is the C library's own text (strerror), quoted as it is.
    {"input.system.other", "erreur système {code} ({text})", "system error {code} ({text})"},
};

}  // namespace

std::span<const Entry> input_entries() {
  return kInputs;
}

}  // namespace edusync::text
