// Record paths that start with xml::kAnyDepth: rows known by their element name whatever the
// elements around them, as UDT's UDCal_*.xml files are read (their roots are undocumented).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/input/memory_source.hpp"
#include "sources/xml/record_stream.hpp"

namespace edusync {
namespace {

// Collects "<path index>:<name>:<code attribute>" for every record.
class CollectingHandler final : public xml::DocumentHandler {
 public:
  explicit CollectingHandler(std::vector<xml::RecordPath> paths) : paths_(std::move(paths)) {}

  const std::vector<xml::RecordPath>& on_root(const xml::Node&) override { return paths_; }
  bool on_record(std::size_t path_index, const xml::Node& record) override {
    seen.push_back(std::to_string(path_index) + ":" + std::string(record.name()) + ":" +
                   std::string(record.attr("code")));
    return true;
  }

  std::vector<std::string> seen;

 private:
  std::vector<xml::RecordPath> paths_;
};

std::vector<std::string> records_of(const std::string& xml, std::vector<xml::RecordPath> paths) {
  input::MemorySource source("UDCal_10.xml", xml);
  CollectingHandler handler(std::move(paths));
  xml::stream_document(source, handler);
  return handler.seen;
}

TEST(RecordPathAnyDepth, FindsRowsWhateverTheRootAndTheirDepth) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<UDCal><eleve code=\"1\"/><liste><eleve code=\"2\"/><x><eleve code=\"3\"/></x></liste>"
      "<prof code=\"P\"/></UDCal>";
  EXPECT_EQ(records_of(xml, {{xml::kAnyDepth, "eleve"}}),
            (std::vector<std::string>{"0:eleve:1", "0:eleve:2", "0:eleve:3"}));
  EXPECT_EQ(records_of(xml, {{xml::kAnyDepth, "eleve"}, {xml::kAnyDepth, "prof"}}),
            (std::vector<std::string>{"0:eleve:1", "0:eleve:2", "0:eleve:3", "1:prof:P"}));
}

TEST(RecordPathAnyDepth, ARowInsideAnotherRecordBelongsToThatRecord) {
  const std::string xml = "<racine><gpe code=\"G\"><eleve code=\"1\"/></gpe></racine>";
  EXPECT_EQ(records_of(xml, {{xml::kAnyDepth, "gpe"}, {xml::kAnyDepth, "eleve"}}),
            (std::vector<std::string>{"0:gpe:G"}));
}

TEST(RecordPathAnyDepth, FixedPathsStillMatchOnlyTheirPlace) {
  const std::string xml = "<R><A><eleve code=\"1\"/></A><eleve code=\"2\"/></R>";
  EXPECT_EQ(records_of(xml, {{"A", "eleve"}}), (std::vector<std::string>{"0:eleve:1"}));
  EXPECT_EQ(records_of(xml, {{"A", "eleve"}, {xml::kAnyDepth, "eleve"}}),
            (std::vector<std::string>{"0:eleve:1", "1:eleve:2"}));
}

}  // namespace
}  // namespace edusync
