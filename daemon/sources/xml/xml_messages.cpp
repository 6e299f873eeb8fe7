#include "sources/xml/xml_messages.hpp"

#include <string_view>

namespace edusync::xml {
namespace {

std::string quoted(const char* text) {
  return "« " + std::string(text == nullptr ? "?" : text) + " »";
}

std::string english_text(const xmlError& error) {
  std::string message = error.message == nullptr ? "" : error.message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// " (octets 0xE9 0x6C ...)" when libxml2 names the bytes it could not decode ("Bytes: ...").
std::string offending_bytes(const xmlError& error) {
  std::string_view text = error.str1 == nullptr ? "" : error.str1;
  if (!text.starts_with("Bytes: ")) return {};
  text.remove_prefix(7);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return " (octets " + std::string(text) + ")";
}

// The elements and attributes of a start tag or an end tag.
std::string describe_markup_error(const xmlError& error) {
  switch (error.code) {
    case XML_ERR_TAG_NAME_MISMATCH:
      return "balise fermante " + quoted(error.str2) + " alors que l'élément " +
             quoted(error.str1) + " ouvert ligne " + std::to_string(error.int1) +
             " n'est pas fermé";
    case XML_ERR_TAG_NOT_FINISHED:
      return "fin de fichier prématurée, élément " + quoted(error.str1) + " ouvert ligne " +
             std::to_string(error.int1) + " non fermé (fichier tronqué ?)";
    case XML_ERR_GT_REQUIRED: return "balise ouvrante " + quoted(error.str1) + " sans « > » final";
    case XML_ERR_LTSLASH_REQUIRED: return "balise fermante attendue (« </ »)";
    case XML_ERR_NAME_REQUIRED:
      return "nom d'élément ou d'entité attendu (un « < » ou un « & » isolé ? il s'écrit &lt; ou "
             "&amp;)";
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return "attribut " + quoted(error.str1) + " répété dans le même élément";
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_EQUAL_REQUIRED: return "attribut sans valeur (« nom=\"valeur\" » attendu)";
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_STRING_NOT_CLOSED: return "valeur d'attribut sans guillemets ouvrants ou fermants";
    case XML_ERR_LT_IN_ATTRIBUTE:
      return "caractère « < » dans une valeur d'attribut (il s'écrit &lt;)";
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return "préfixe d'espace de noms " + quoted(error.str1) + " non déclaré";
    default: return {};
  }
}

// Characters, references, comments and the document as a whole.
std::string describe_content_error(const xmlError& error) {
  switch (error.code) {
    case XML_ERR_DOCUMENT_EMPTY:
      return "aucun élément XML au début du fichier (fichier vide, ou ce n'est pas un fichier XML)";
    case XML_ERR_DOCUMENT_END: return "contenu après la fin de l'élément racine";
    case XML_ERR_EXTRA_CONTENT:
    case XML_ERR_NOT_WELL_BALANCED: return "éléments mal imbriqués";
    case XML_ERR_UNDECLARED_ENTITY:
      return "référence à l'entité '" + std::string(error.str1 == nullptr ? "?" : error.str1) +
             "' non définie (seules &amp; &lt; &gt; &quot; &apos; existent ; un « & » seul "
             "s'écrit &amp;)";
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return "référence d'entité sans « ; » final (un « & » seul s'écrit &amp;)";
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return "caractère interdit en XML ou octets illisibles dans l'encodage déclaré" +
             offending_bytes(error) +
             " (fichier ISO-8859-15 sans déclaration d'encodage, ou fichier binaire ?)";
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF: return "référence de caractère (&#...;) invalide";
    case XML_ERR_COMMENT_NOT_FINISHED:
    case XML_ERR_HYPHEN_IN_COMMENT: return "commentaire mal formé ou non fermé";
    case XML_ERR_PI_NOT_FINISHED: return "instruction de traitement (<?...?>) non fermée";
    case XML_ERR_CDATA_NOT_FINISHED:
    case XML_ERR_MISPLACED_CDATA_END: return "section CDATA mal formée";
    case XML_ERR_RESERVED_XML_NAME:
      return "déclaration <?xml ...?> ailleurs qu'au tout début du fichier (deux fichiers "
             "collés bout à bout ?)";
    case XML_ERR_VERSION_MISSING:
    case XML_ERR_SPACE_REQUIRED: return "déclaration XML ou balise mal formée";
    case XML_ERR_UNSUPPORTED_ENCODING: return "encodage déclaré non pris en charge";
    case XML_ERR_NAME_TOO_LONG: return "nom d'élément ou d'attribut démesuré";
    case XML_ERR_NO_MEMORY: return "mémoire insuffisante pour lire le fichier";
    case XML_ERR_INTERNAL_ERROR:
      return "document hors des limites de l'analyseur (imbrication ou texte démesurés)";
    default: return {};
  }
}

}  // namespace

std::string describe_xml_error(const xmlError& error) {
  std::string french = describe_markup_error(error);
  if (french.empty()) french = describe_content_error(error);
  if (french.empty()) {
    return "erreur de syntaxe XML n° " + std::to_string(error.code) +
           " (libxml2 : " + english_text(error) + ")";
  }
  return french;
}

}  // namespace edusync::xml
