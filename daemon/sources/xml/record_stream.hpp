#pragma once
// Streaming reader of an XML export: libxml2's SAX2 push parser fed chunk by chunk from a
// ByteSource, cutting the document into records (RecordTree) that a DocumentHandler turns into
// typed data. Memory: one chunk, one record and the element path; never the document.
//
// Hostile input is expected (exports come from users): no DTD is accepted at all (SIECLE and
// STS-web never write one), so no entity can be declared or expanded; no external resource
// and no network is ever loaded; every record has a size limit; libxml2's own limits (depth,
// name and text lengths) stay on, XML_PARSE_HUGE is never set, and the nesting depth is
// limited here (StreamLimits::max_depth).
#include <string_view>
#include <vector>

#include "sources/input/byte_source.hpp"
#include "sources/xml/record_tree.hpp"

namespace edusync::xml {

// Element names from the child of the root down to the record element,
// e.g. {"DONNEES", "ELEVES", "ELEVE"}.
using RecordPath = std::vector<std::string_view>;

// A record path {kAnyDepth, "eleve"} matches an element named "eleve" wherever it is below the
// root (outside another record): for exports whose rows are known by name but whose enclosing
// elements are not documented (UDT's UDCal_*.xml). Such a path has exactly two elements.
inline constexpr std::string_view kAnyDepth = "**";

class DocumentHandler {
 public:
  virtual ~DocumentHandler() = default;
  // Called once with the root element (its attributes readable through `root`). Returns the
  // record paths to collect; elements elsewhere are skipped. Throws InputError to refuse.
  virtual const std::vector<RecordPath>& on_root(const Node& root) = 0;
  // Called for each complete record; `path_index` indexes the vector returned by on_root.
  // Returns false to stop reading the document early (not an error).
  virtual bool on_record(std::size_t path_index, const Node& record) = 0;
};

struct StreamLimits {
  std::size_t chunk_bytes = 256u << 10;
  // Open elements at once, root included. Exports nest 6 deep (STS ENSEIGNANT); libxml2's
  // push parser checks no depth itself (2.9), and each level costs memory.
  std::size_t max_depth = 64;
  RecordTree::Limits record;
  // Complete records go to the handler on a second thread while the next ones are read
  // (record_pipeline.hpp); false: each record goes to it on the reading thread as it ends, for
  // reads that stop after a record or two (an export's header).
  bool handler_thread = true;
};

// Reads the whole source (or until the handler stops). Throws InputError with file, line,
// column and a message for: a document that is not well-formed or truncated, a DTD, an
// unsupported encoding, a record over its limits, and whatever the handler throws.
void stream_document(input::ByteSource& source, DocumentHandler& handler,
                     const StreamLimits& limits = {});

}  // namespace edusync::xml
