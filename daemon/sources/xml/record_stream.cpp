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
#include "common/text.hpp"
#include "sources/xml/content_checks.hpp"
#include "sources/xml/encoding_sniffer.hpp"
#include "sources/xml/latin9_decoder.hpp"
#include "sources/xml/record_pipeline.hpp"
#include "sources/xml/xml_messages.hpp"

namespace edusync::xml {
namespace {

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view{}
                         : std::string_view(reinterpret_cast<const char*>(text));
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

// Text directly inside the root or a list element (ELEVES, DONNEES...) is never part of an
// export: beyond these bounds the file is refused rather than read as an export of 0 records.
constexpr std::size_t kMaxStrayText = 1u << 10;  // non-blank bytes, whole document
constexpr std::size_t kMaxBlankRun = 16u << 20;  // blank bytes between two tags

// Errors that a file cut in the middle of a tag, an attribute or a reference ends with.
bool is_unfinished_markup(int code) {
  switch (code) {
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_EQUAL_REQUIRED:
    case XML_ERR_SPACE_REQUIRED:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_STRING_NOT_CLOSED:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_COMMENT_NOT_FINISHED:
    case XML_ERR_PI_NOT_FINISHED:
    case XML_ERR_CDATA_NOT_FINISHED:
    case XML_ERR_TAG_NOT_FINISHED: return true;
    default: return false;
  }
}

struct ContextFree {
  void operator()(xmlParserCtxtPtr context) const { xmlFreeParserCtxt(context); }
};

// One parse of one document. The static callbacks receive `this` as libxml2's user data.
class SaxSession {
 public:
  SaxSession(input::ByteSource& source, DocumentHandler& handler, const StreamLimits& limits)
      : source_(source),
        handler_(handler),
        limits_(limits),
        pipeline_(handler, limits.record, limits.handler_thread) {}

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
  void fail(text::Message message, int line = -1, int column = 0);
  void stop() { xmlStopParser(context_.get()); }
  int current_line() const { return xmlSAX2GetLineNumber(context_.get()); }
  void check_encoding(std::string_view head);
  void check_head(std::string_view head);
  void feed_evidence(std::string_view bytes);
  void check_utf8_evidence();
  bool in_list_element() const;
  void count_stray_text(std::string_view text);
  text::Message describe_open_element() const;
  text::Message record_too_large(std::string_view record) const;
  void finish_records();
  RecordTree& tree() { return pipeline_.filling().tree; }
  const RecordTree& tree() const { return pipeline_.filling().tree; }

  input::ByteSource& source_;
  DocumentHandler& handler_;
  const StreamLimits& limits_;
  std::unique_ptr<xmlParserCtxt, ContextFree> context_;
  RecordPipeline pipeline_;
  const std::vector<RecordPath>* record_paths_ = nullptr;
  std::vector<std::string_view> path_;    // open elements outside any record, root first
  std::vector<std::int32_t> open_nodes_;  // open elements of the current record
  std::size_t record_path_index_ = 0;
  std::optional<InputError> error_;
  bool stopped_by_handler_ = false;
  bool at_end_ = false;                        // the last chunk was handed to libxml2
  std::optional<std::string> latin_encoding_;  // declared, when it is a Latin one
  Utf8Evidence utf8_evidence_;
  std::size_t stray_text_bytes_ = 0;
  std::size_t blank_run_bytes_ = 0;
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
  check_head(std::string_view(buffer.data(), got));
  check_encoding(std::string_view(buffer.data(), got));
  feed_evidence(std::string_view(buffer.data(), got));
  xmlSAXHandler sax = make_sax_handler();
  const int head = static_cast<int>(std::min<std::size_t>(got, 4));
  context_.reset(
      xmlCreatePushParserCtxt(&sax, this, buffer.data(), head, source_.display_name().c_str()));
  if (!context_)
    throw InputError({source_.display_name()}, text::message("input.xml.parser_unavailable"));
  xmlCtxtUseOptions(context_.get(), XML_PARSE_NONET | XML_PARSE_NOCDATA);
  std::size_t offset = static_cast<std::size_t>(head);
  bool at_end = got == 0;
  try {
    while (!error_ && !stopped_by_handler_) {
      at_end_ = at_end;
      const int rc = xmlParseChunk(context_.get(), buffer.data() + offset,
                                   static_cast<int>(got - offset), at_end ? 1 : 0);
      if (error_ || stopped_by_handler_) break;
      if (rc != 0) fail(text::message("input.xml.invalid_document"));
      if (at_end) break;
      got = source_.read(buffer.data(), buffer.size());
      feed_evidence(std::string_view(buffer.data(), got));
      offset = 0;
      at_end = got == 0;
    }
  } catch (...) {  // the source failed (an archive, a container): after the records before it
    const auto read_error = std::current_exception();
    finish_records();
    if (stopped_by_handler_) return;
    std::rethrow_exception(read_error);
  }
  finish_records();
  if (stopped_by_handler_) return;
  if (error_) throw *error_;
  if (record_paths_ == nullptr) {
    throw InputError({source_.display_name()}, text::message("input.xml.no_element"));
  }
  check_utf8_evidence();
}

// The records read so far reach the handler. What it did with them comes before any error of
// the reader, which lies further in the document: thrown again here, or, when it stopped,
// the document ends here, as it would have when read in one thread.
void SaxSession::finish_records() {
  pipeline_.finish();
  if (const auto error = pipeline_.handler_error()) std::rethrow_exception(error);
  if (pipeline_.handler_stopped()) stopped_by_handler_ = true;
}

// Before libxml2 sees anything: an empty file, or a file of a known binary format, is named
// for what it is (libxml2 would say "Document is empty" of a gzip file).
void SaxSession::check_head(std::string_view head) {
  if (head.empty()) {
    throw InputError({source_.display_name()}, text::message("input.file.empty"));
  }
  // Another format (a PDF, a spreadsheet, a web page saved in its place) is no export: stray.
  if (auto what = describe_binary_format(head))
    throw InputError::stray({source_.display_name()}, std::move(*what));
}

void SaxSession::feed_evidence(std::string_view bytes) {
  if (latin_encoding_) utf8_evidence_.feed(bytes);
}

// Only a document read to its end can be judged: one invalid byte anywhere clears it.
void SaxSession::check_utf8_evidence() {
  if (!latin_encoding_ || !utf8_evidence_.proves_utf8()) return;
  throw InputError({source_.display_name(), static_cast<int>(utf8_evidence_.first_line())},
                   describe_utf8_in_latin(*latin_encoding_, utf8_evidence_));
}

void SaxSession::check_encoding(std::string_view head) {
  const auto encoding = declared_encoding(head);
  if (encoding && is_latin_encoding(*encoding)) latin_encoding_ = encoding;
  if (encoding && !is_supported_encoding(*encoding)) {
    throw InputError(
        {source_.display_name(), 1},
        text::message("input.encoding.unsupported", {text::arg("encoding", *encoding)}));
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
  if (session.error_ || session.stopped_by_handler_) return;
  const std::string_view chunk(reinterpret_cast<const char*>(text),
                               static_cast<std::size_t>(length));
  if (session.open_nodes_.empty()) {
    if (session.in_list_element()) session.count_stray_text(chunk);
    return;
  }
  if (!session.tree().append_text(session.open_nodes_.back(), chunk)) {
    session.fail(
        text::message("input.xml.record_too_much_text",
                      {text::arg("bytes", std::to_string(session.limits_.record.max_text_bytes))}));
  }
}

// True when the innermost open element is the root or an element on the way to records
// (DONNEES, ELEVES...), as opposed to a section no record path goes through (skipped whole).
bool SaxSession::in_list_element() const {
  if (record_paths_ == nullptr || path_.empty()) return false;
  const std::size_t depth = path_.size() - 1;  // below the root
  for (const RecordPath& candidate : *record_paths_) {
    if (!candidate.empty() && candidate.front() == kAnyDepth) return true;
    if (candidate.size() > depth && std::equal(path_.begin() + 1, path_.end(), candidate.begin())) {
      return true;
    }
  }
  return false;
}

void SaxSession::count_stray_text(std::string_view text) {
  const std::string_view kept = trim(text);
  blank_run_bytes_ += text.size() - kept.size();
  stray_text_bytes_ += kept.size();
  if (stray_text_bytes_ <= kMaxStrayText && blank_run_bytes_ <= kMaxBlankRun) return;
  fail(text::message(
      "input.xml.stray_text",
      {text::arg("element", std::string(path_.back())),
       text::arg("bytes", std::to_string(stray_text_bytes_ > kMaxStrayText ? kMaxStrayText
                                                                           : kMaxBlankRun))}));
}

void SaxSession::on_internal_subset(void* user, const xmlChar* name, const xmlChar*,
                                    const xmlChar*) {
  self(user).fail(text::message("input.xml.doctype", {text::arg("name", std::string(view(name)))}));
}

void SaxSession::on_error(void* user, xmlError* error) {
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  auto& session = self(user);
  text::Message detail = describe_xml_error(*error);
  // libxml2's push parser words a truncated file "Extra content at the end of the document".
  const bool open_elements = !session.path_.empty() || !session.open_nodes_.empty();
  if (error->code == XML_ERR_DOCUMENT_END && open_elements) {
    detail = text::message("input.xml.truncated",
                           {text::nested("element", session.describe_open_element())});
  } else if (session.at_end_ && open_elements && is_unfinished_markup(error->code)) {
    // A file cut inside a tag: libxml2 only sees an incomplete tag at the end of the data.
    detail = text::message("input.xml.truncated_in_markup",
                           {text::nested("detail", std::move(detail)),
                            text::nested("element", session.describe_open_element())});
  }
  session.fail(text::message("input.xml.malformed", {text::nested("detail", std::move(detail))}),
               error->line, error->int2);
}

// "élément « NOM » (ouvert ligne 12, dans l'enregistrement « ELEVE » de la ligne 9)".
text::Message SaxSession::describe_open_element() const {
  using text::arg;
  if (open_nodes_.empty()) {
    return text::message("input.xml.open_element", {arg("name", std::string(path_.back()))});
  }
  const Node innermost(&tree(), open_nodes_.back());
  if (open_nodes_.size() == 1) {
    return text::message("input.xml.open_element_line",
                         {arg("name", std::string(innermost.name())),
                          arg("line", std::to_string(innermost.line()))});
  }
  const Node record = tree().root();
  return text::message(
      "input.xml.open_element_in_record",
      {arg("name", std::string(innermost.name())), arg("line", std::to_string(innermost.line())),
       arg("record", std::string(record.name())),
       arg("record_line", std::to_string(record.line()))});
}

// "enregistrement « ELEVE » trop volumineux (plus de N octets de texte, ou trop d'attributs)".
text::Message SaxSession::record_too_large(std::string_view record) const {
  return text::message("input.xml.record_too_large",
                       {text::arg("record", std::string(record)),
                        text::arg("bytes", std::to_string(limits_.record.max_text_bytes))});
}

void SaxSession::fail(text::Message message, int line, int column) {
  if (error_) return;  // the first error is the one that explains the others
  if (line < 0) line = context_ ? current_line() : 0;
  error_ = InputError({source_.display_name(), line, column}, std::move(message));
  if (context_) stop();
}

void SaxSession::start_element(std::string_view name, int nb_attributes,
                               const xmlChar** attributes) {
  blank_run_bytes_ = 0;
  if (path_.size() + open_nodes_.size() >= limits_.max_depth) {
    fail(
        text::message("input.xml.too_deep", {text::arg("max", std::to_string(limits_.max_depth))}));
    return;
  }
  if (!open_nodes_.empty()) {  // inside a record: grow its tree
    const auto element = tree().open_element(open_nodes_.back(), name, current_line());
    if (element < 0) {
      fail(text::message("input.xml.record_too_many_elements",
                         {text::arg("record", std::string(tree().root().name())),
                          text::arg("max", std::to_string(limits_.record.max_elements))}));
      return;
    }
    if (!copy_attributes(element, nb_attributes, attributes)) {
      fail(record_too_large(tree().root().name()));
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
    tree().begin_record();
    const auto root = tree().open_element(-1, name, current_line());
    if (!copy_attributes(root, nb_attributes, attributes)) {
      fail(record_too_large(name));
      return;
    }
    open_nodes_.push_back(root);
    record_path_index_ = *index;
  }
}

void SaxSession::start_root(std::string_view name, int nb_attributes, const xmlChar** attributes) {
  path_.push_back(name);
  tree().clear();
  const auto root = tree().open_element(-1, name, current_line());
  if (!copy_attributes(root, nb_attributes, attributes)) {
    fail(text::message("input.xml.root_too_large"));
    return;
  }
  record_paths_ = &handler_.on_root(tree().root());
  tree().clear();
}

void SaxSession::end_element() {
  blank_run_bytes_ = 0;
  if (open_nodes_.empty()) {
    if (!path_.empty()) path_.pop_back();
    return;
  }
  open_nodes_.pop_back();
  if (!open_nodes_.empty()) return;
  path_.pop_back();
  if (!pipeline_.record_done(record_path_index_)) {
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
    if (!tree().add_attribute(
            element, view(attribute[0]),
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
    if (candidate.size() == 2 && candidate.front() == kAnyDepth) {
      if (candidate.back() == path_.back()) return i;
      continue;
    }
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
