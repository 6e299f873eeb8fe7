#include "sources/xml/record_stream.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "common/errors.hpp"
#include "sources/xml/encoding_sniffer.hpp"
#include "sources/xml/latin9_decoder.hpp"

namespace edusync::xml {
namespace {

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(text));
}

// Never loads anything: installed process-wide as a second line of defence behind the
// refusal of DTDs, so that no code path of libxml2 can reach a file or the network.
xmlParserInputPtr refuse_external_entity(const char*, const char*, xmlParserCtxtPtr) {
  return nullptr;
}

void initialise_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external_entity);
    register_latin9_decoder();
  });
}

struct ContextFree {
  void operator()(xmlParserCtxtPtr context) const { xmlFreeParserCtxt(context); }
};

// One parse of one document. The static callbacks receive `this` as libxml2's user data.
class SaxSession {
 public:
  SaxSession(input::ByteSource& source, DocumentHandler& handler, const StreamLimits& limits)
      : source_(source), handler_(handler), limits_(limits), tree_(limits.record) {}

  void run();

 private:
  static xmlSAXHandler make_sax_handler();
  static SaxSession& self(void* user_data) { return *static_cast<SaxSession*>(user_data); }
  static void on_start(void* user, const xmlChar* name, const xmlChar*, const xmlChar*, int,
                       const xmlChar**, int nb_attributes, int, const xmlChar** attributes);
  static void on_end(void* user, const xmlChar*, const xmlChar*, const xmlChar*);
  static void on_characters(void* user, const xmlChar* text, int length);
  static void on_internal_subset(void* user, const xmlChar* name, const xmlChar*, const xmlChar*);
  static void on_error(void* user, xmlError* error);  // libxml2 2.9: non-const

  void start_element(std::string_view name, int nb_attributes, const xmlChar** attributes);
  void end_element();
  void start_root(std::string_view name, int nb_attributes, const xmlChar** attributes);
  bool copy_attributes(std::int32_t element, int nb_attributes, const xmlChar** attributes);
  std::optional<std::size_t> match_record_path() const;
  void fail(const std::string& message, int line = -1, int column = 0);
  void stop() { xmlStopParser(context_.get()); }
  int current_line() const { return xmlSAX2GetLineNumber(context_.get()); }
  void check_encoding(std::string_view head);

  input::ByteSource& source_;
  DocumentHandler& handler_;
  const StreamLimits& limits_;
  std::unique_ptr<xmlParserCtxt, ContextFree> context_;
  RecordTree tree_;
  const std::vector<RecordPath>* record_paths_ = nullptr;
  std::vector<std::string_view> path_;     // open elements outside any record, root first
  std::vector<std::int32_t> open_nodes_;  // open elements of the current record
  std::size_t record_path_index_ = 0;
  std::optional<InputError> error_;
  bool stopped_by_handler_ = false;
};

xmlSAXHandler SaxSession::make_sax_handler() {
  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.internalSubset = on_internal_subset;
  sax.serror = on_error;
  // Left null on purpose: externalSubset, resolveEntity, entityDecl, getEntity (only the five
  // predefined entities exist), startDocument (no libxml2 document is ever built).
  return sax;
}

void SaxSession::run() {
  initialise_libxml_once();
  std::vector<char> buffer(limits_.chunk_bytes);
  // A source may hand out fewer bytes than asked: gather a head large enough to hold the
  // byte order mark and the XML declaration before judging the encoding.
  std::size_t got = 0;
  for (std::size_t n = 1; n > 0 && got < std::min<std::size_t>(4096, buffer.size());) {
    n = source_.read(buffer.data() + got, buffer.size() - got);
    got += n;
  }
  check_encoding(std::string_view(buffer.data(), got));
  xmlSAXHandler sax = make_sax_handler();
  const int head = static_cast<int>(std::min<std::size_t>(got, 4));
  context_.reset(xmlCreatePushParserCtxt(&sax, this, buffer.data(), head,
                                         source_.display_name().c_str()));
  if (!context_) throw InputError({source_.display_name()}, "analyseur XML indisponible");
  xmlCtxtUseOptions(context_.get(), XML_PARSE_NONET | XML_PARSE_NOCDATA);
  std::size_t offset = static_cast<std::size_t>(head);
  bool at_end = got == 0;
  while (!error_ && !stopped_by_handler_) {
    const int rc = xmlParseChunk(context_.get(), buffer.data() + offset,
                                 static_cast<int>(got - offset), at_end ? 1 : 0);
    if (error_ || stopped_by_handler_) break;
    if (rc != 0) fail("document XML invalide");
    if (at_end) break;
    got = source_.read(buffer.data(), buffer.size());
    offset = 0;
    at_end = got == 0;
  }
  if (error_) throw *error_;
  if (!stopped_by_handler_ && record_paths_ == nullptr) {
    throw InputError({source_.display_name()}, "le fichier ne contient aucun élément XML");
  }
}

void SaxSession::check_encoding(std::string_view head) {
  const auto encoding = declared_encoding(head);
  if (encoding && !is_supported_encoding(*encoding)) {
    throw InputError({source_.display_name(), 1},
                     "encodage « " + *encoding +
                         " » déclaré mais non pris en charge. Les exports SIECLE et STS-web "
                         "sont en ISO-8859-15 : utilisez le fichier tel que téléchargé, sans "
                         "le modifier, ou enregistrez-le en UTF-8.");
  }
}

void SaxSession::on_start(void* user, const xmlChar* name, const xmlChar*, const xmlChar*, int,
                          const xmlChar**, int nb_attributes, int, const xmlChar** attributes) {
  auto& session = self(user);
  if (session.error_ || session.stopped_by_handler_) return;
  try {
    session.start_element(view(name), nb_attributes, attributes);
  } catch (const InputError& error) {
    session.error_ = error;
    session.stop();
  }
}

void SaxSession::on_end(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto& session = self(user);
  if (session.error_ || session.stopped_by_handler_) return;
  try {
    session.end_element();
  } catch (const InputError& error) {
    session.error_ = error;
    session.stop();
  }
}

void SaxSession::on_characters(void* user, const xmlChar* text, int length) {
  auto& session = self(user);
  if (session.open_nodes_.empty() || session.error_) return;
  const std::string_view chunk(reinterpret_cast<const char*>(text),
                               static_cast<std::size_t>(length));
  if (!session.tree_.append_text(session.open_nodes_.back(), chunk)) {
    session.fail("enregistrement trop volumineux (plus de " +
                 std::to_string(session.limits_.record.max_text_bytes) + " octets de texte)");
  }
}

void SaxSession::on_internal_subset(void* user, const xmlChar* name, const xmlChar*,
                                    const xmlChar*) {
  self(user).fail("déclaration DOCTYPE « " + std::string(view(name)) +
                  " » refusée : les exports SIECLE et STS-web n'en contiennent jamais, et une "
                  "DTD peut servir à une attaque (entités, fichiers externes). Utilisez le "
                  "fichier tel qu'exporté.");
}

void SaxSession::on_error(void* user, xmlError* error) {
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  auto& session = self(user);
  std::string message = error->message == nullptr ? "erreur XML" : error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  // libxml2's push parser words a truncated file "Extra content at the end of the document".
  const bool open_elements = !session.path_.empty() || !session.open_nodes_.empty();
  if (error->code == XML_ERR_DOCUMENT_END && open_elements) {
    const std::string_view open = session.open_nodes_.empty() ? session.path_.back() : std::string_view("enregistrement");
    message = "fin de fichier prématurée, élément « " + std::string(open) + " » non fermé (fichier tronqué ?)";
  }
  session.fail("XML mal formé : " + message, error->line, error->int2);
}

void SaxSession::fail(const std::string& message, int line, int column) {
  if (error_) return;  // the first error is the one that explains the others
  if (line < 0) line = context_ ? current_line() : 0;
  error_ = InputError({source_.display_name(), line, column}, message);
  if (context_) stop();
}


void SaxSession::start_element(std::string_view name, int nb_attributes,
                               const xmlChar** attributes) {
  if (path_.size() + open_nodes_.size() >= limits_.max_depth) {
    fail("imbrication trop profonde (plus de " + std::to_string(limits_.max_depth) +
         " éléments ouverts) : ce n'est pas un export SIECLE ou STS-web");
    return;
  }
  if (!open_nodes_.empty()) {  // inside a record: grow its tree
    const auto element = tree_.open_element(open_nodes_.back(), name, current_line());
    if (element < 0) {
      fail("enregistrement « " + std::string(tree_.root().name()) +
           " » trop volumineux (limite de " + std::to_string(limits_.record.max_elements) +
           " éléments et attributs)");
      return;
    }
    if (!copy_attributes(element, nb_attributes, attributes)) {
      fail("enregistrement « " + std::string(tree_.root().name()) + " » trop volumineux (plus de " +
           std::to_string(limits_.record.max_text_bytes) + " octets de texte, ou trop d'attributs)");
      return;
    }
    open_nodes_.push_back(element);
    return;
  }
  if (path_.empty()) {
    start_root(name, nb_attributes, attributes);
    return;
  }
  path_.push_back(name);
  if (const auto index = match_record_path()) {
    tree_.clear();
    const auto root = tree_.open_element(-1, name, current_line());
    if (!copy_attributes(root, nb_attributes, attributes)) {
      fail("enregistrement « " + std::string(name) + " » trop volumineux (plus de " +
           std::to_string(limits_.record.max_text_bytes) + " octets de texte, ou trop d'attributs)");
      return;
    }
    open_nodes_.push_back(root);
    record_path_index_ = *index;
  }
}

void SaxSession::start_root(std::string_view name, int nb_attributes,
                            const xmlChar** attributes) {
  path_.push_back(name);
  tree_.clear();
  const auto root = tree_.open_element(-1, name, current_line());
  if (!copy_attributes(root, nb_attributes, attributes)) {
    fail("élément racine trop volumineux");
    return;
  }
  record_paths_ = &handler_.on_root(tree_.root());
  tree_.clear();
}

void SaxSession::end_element() {
  if (open_nodes_.empty()) {
    if (!path_.empty()) path_.pop_back();
    return;
  }
  open_nodes_.pop_back();
  if (!open_nodes_.empty()) return;
  path_.pop_back();
  if (!handler_.on_record(record_path_index_, tree_.root())) {
    stopped_by_handler_ = true;
    stop();
  }
}

bool SaxSession::copy_attributes(std::int32_t element, int nb_attributes,
                                 const xmlChar** attributes) {
  // libxml2 passes five pointers per attribute: localname, prefix, URI, value, end of value.
  for (int i = 0; i < nb_attributes; ++i) {
    const xmlChar** attribute = attributes + static_cast<std::ptrdiff_t>(5) * i;
    const auto* value = reinterpret_cast<const char*>(attribute[3]);
    const auto* value_end = reinterpret_cast<const char*>(attribute[4]);
    if (!tree_.add_attribute(element, view(attribute[0]),
                             std::string_view(value, static_cast<std::size_t>(value_end - value)))) {
      return false;
    }
  }
  return true;
}

// The index of the record path equal to the open elements below the root, if any.
std::optional<std::size_t> SaxSession::match_record_path() const {
  const std::size_t depth = path_.size() - 1;
  for (std::size_t i = 0; i < record_paths_->size(); ++i) {
    const RecordPath& candidate = (*record_paths_)[i];
    if (candidate.size() != depth) continue;
    if (std::equal(candidate.begin(), candidate.end(), path_.begin() + 1)) return i;
  }
  return std::nullopt;
}

}  // namespace

void stream_document(input::ByteSource& source, DocumentHandler& handler,
                     const StreamLimits& limits) {
  SaxSession(source, handler, limits).run();
}

}  // namespace edusync::xml
