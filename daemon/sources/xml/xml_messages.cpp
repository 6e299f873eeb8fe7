#include "sources/xml/xml_messages.hpp"

#include <string_view>

namespace edusync::xml {
namespace {

using text::arg;
using text::message;

// An element or attribute name libxml2 reports, "?" when it gives none.
std::string name_of(const char* text) {
  return text == nullptr ? "?" : text;
}

// libxml2's own text, without its final newline.
std::string english_text(const xmlError& error) {
  std::string message = error.message == nullptr ? "" : error.message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// "0xE9 0x6C ..." when libxml2 names the bytes it could not decode ("Bytes: ..."), else "".
std::string offending_bytes(const xmlError& error) {
  std::string_view text = error.str1 == nullptr ? "" : error.str1;
  if (!text.starts_with("Bytes: ")) return {};
  text.remove_prefix(7);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

// The elements and attributes of a start tag or an end tag.
text::Message describe_markup_error(const xmlError& error) {
  switch (error.code) {
    case XML_ERR_TAG_NAME_MISMATCH:
      return message("input.xml.tag_mismatch",
                     {arg("closing", name_of(error.str2)), arg("open", name_of(error.str1)),
                      arg("line", std::to_string(error.int1))});
    case XML_ERR_TAG_NOT_FINISHED:
      return message("input.xml.tag_not_finished",
                     {arg("name", name_of(error.str1)), arg("line", std::to_string(error.int1))});
    case XML_ERR_GT_REQUIRED:
      return message("input.xml.gt_required", {arg("name", name_of(error.str1))});
    case XML_ERR_LTSLASH_REQUIRED: return message("input.xml.ltslash_required");
    case XML_ERR_NAME_REQUIRED: return message("input.xml.name_required");
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return message("input.xml.attribute_redefined", {arg("name", name_of(error.str1))});
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_EQUAL_REQUIRED: return message("input.xml.attribute_without_value");
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_STRING_NOT_CLOSED: return message("input.xml.attribute_quotes");
    case XML_ERR_LT_IN_ATTRIBUTE: return message("input.xml.lt_in_attribute");
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return message("input.xml.undefined_namespace", {arg("prefix", name_of(error.str1))});
    default: return {};
  }
}

// Characters, references, comments and the document as a whole.
text::Message describe_content_error(const xmlError& error) {
  switch (error.code) {
    case XML_ERR_DOCUMENT_EMPTY: return message("input.xml.document_empty");
    case XML_ERR_DOCUMENT_END: return message("input.xml.document_end");
    case XML_ERR_EXTRA_CONTENT:
    case XML_ERR_NOT_WELL_BALANCED: return message("input.xml.not_well_balanced");
    case XML_ERR_UNDECLARED_ENTITY:
      return message("input.xml.undeclared_entity", {arg("name", name_of(error.str1))});
    case XML_ERR_ENTITYREF_SEMICOL_MISSING: return message("input.xml.entity_semicolon");
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING: {
      std::string bytes = offending_bytes(error);
      if (bytes.empty()) return message("input.xml.invalid_char");
      return message("input.xml.invalid_char_bytes", {arg("bytes", std::move(bytes))});
    }
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF: return message("input.xml.invalid_charref");
    case XML_ERR_COMMENT_NOT_FINISHED:
    case XML_ERR_HYPHEN_IN_COMMENT: return message("input.xml.bad_comment");
    case XML_ERR_PI_NOT_FINISHED: return message("input.xml.pi_not_finished");
    case XML_ERR_CDATA_NOT_FINISHED:
    case XML_ERR_MISPLACED_CDATA_END: return message("input.xml.bad_cdata");
    case XML_ERR_RESERVED_XML_NAME: return message("input.xml.reserved_name");
    case XML_ERR_VERSION_MISSING:
    case XML_ERR_SPACE_REQUIRED: return message("input.xml.bad_declaration");
    case XML_ERR_UNSUPPORTED_ENCODING: return message("input.xml.unsupported_encoding");
    case XML_ERR_NAME_TOO_LONG: return message("input.xml.name_too_long");
    case XML_ERR_NO_MEMORY: return message("input.xml.no_memory");
    case XML_ERR_INTERNAL_ERROR: return message("input.xml.internal_error");
    default: return {};
  }
}

}  // namespace

text::Message describe_xml_error(const xmlError& error) {
  text::Message described = describe_markup_error(error);
  if (described.empty()) described = describe_content_error(error);
  if (described.empty()) {
    // A code not described here: libxml2's own (English) text, quoted as it is.
    return message("input.xml.other",
                   {arg("code", std::to_string(error.code)), arg("libxml2", english_text(error))});
  }
  return described;
}

}  // namespace edusync::xml
