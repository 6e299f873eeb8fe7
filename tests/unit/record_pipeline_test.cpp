// Records handed to the handler on a second thread (xml::StreamLimits::handler_thread) reach it
// in document order, and a document ends as a sequential read ends it: the handler's error or
// stop wins over any later error of the document or of its source.
#include "sources/xml/record_pipeline.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "sources/input/memory_source.hpp"
#include "sources/xml/record_stream.hpp"

namespace edusync {
namespace {

// <R><E n="0"><V>0</V></E>...<E n="count-1">...</E>, then `tail` (closing tags or garbage).
std::string document(std::size_t count, const std::string& tail = "</R>") {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<R>\n";
  for (std::size_t i = 0; i < count; ++i) {
    const auto n = std::to_string(i);
    xml += "<E n=\"" + n + "\"><V>" + n + "</V><W a=\"" + n + "\"/></E>\n";
  }
  return xml + tail;
}

// Reads every record; optionally throws or stops at record `at`.
class Handler final : public xml::DocumentHandler {
 public:
  enum class At : std::uint8_t { nothing, throw_input_error, throw_other, stop };
  Handler(At what, std::size_t at) : what_(what), at_(at) {}

  const std::vector<xml::RecordPath>& on_root(const xml::Node&) override { return paths_; }
  bool on_record(std::size_t, const xml::Node& record) override {
    const std::string n(record.attr("n"));
    if (n != record.child_text("V") || n != record.child("W").attr("a")) {
      throw std::logic_error("record " + n + " mixed with another");
    }
    if (seen.size() == at_) {
      if (what_ == At::throw_input_error) {
        throw InputError({"doc.xml", record.line()}, text::message("input.xml.no_element"));
      }
      if (what_ == At::throw_other) throw std::runtime_error("handler failed at " + n);
      if (what_ == At::stop) return false;
    }
    seen.push_back(std::stoul(n));
    return true;
  }

  std::vector<std::size_t> seen;

 private:
  std::vector<xml::RecordPath> paths_{{"E"}};
  At what_;
  std::size_t at_;
};

// A source that fails once `fail_after` bytes are handed out (an archive or a container whose
// stream turns out corrupt further on).
class FailingSource final : public input::ByteSource {
 public:
  FailingSource(std::string bytes, std::size_t fail_after)
      : bytes_(std::move(bytes)), fail_after_(fail_after) {}
  std::size_t read(char* buffer, std::size_t size) override {
    if (offset_ >= fail_after_) throw std::runtime_error("source broken");
    const std::size_t count = std::min({size, fail_after_ - offset_, std::size_t{4096}});
    std::copy_n(bytes_.data() + offset_, count, buffer);
    offset_ += count;
    return count;
  }
  const std::string& display_name() const override { return name_; }
  std::uint64_t bytes_read() const override { return offset_; }

 private:
  std::string name_ = "doc.xml";
  std::string bytes_;
  std::size_t fail_after_;
  std::size_t offset_ = 0;
};

xml::StreamLimits limits(bool threaded) {
  xml::StreamLimits chosen;
  chosen.handler_thread = threaded;
  return chosen;
}

std::vector<std::size_t> first(std::size_t count) {
  std::vector<std::size_t> numbers(count);
  for (std::size_t i = 0; i < count; ++i) numbers[i] = i;
  return numbers;
}

class RecordPipelineTest : public testing::TestWithParam<bool> {};

// Far more records than one batch holds, so that batches are filled, queued and reused.
constexpr std::size_t kRecords = xml::RecordPipeline::kBatchRecords * 9 + 17;

TEST_P(RecordPipelineTest, EveryRecordArrivesWholeAndInOrder) {
  input::MemorySource source("doc.xml", document(kRecords), 1000);
  Handler handler(Handler::At::nothing, 0);
  xml::stream_document(source, handler, limits(GetParam()));
  EXPECT_EQ(handler.seen, first(kRecords));
}

TEST_P(RecordPipelineTest, TheHandlersErrorWinsOverALaterMalformedDocument) {
  input::MemorySource source("doc.xml", document(kRecords, "<E n=\"x\"></F></R>"));
  Handler handler(Handler::At::throw_input_error, 300);
  try {
    xml::stream_document(source, handler, limits(GetParam()));
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.message().id, "input.xml.no_element");
    EXPECT_EQ(error.where().line, 303);  // record k on line k + 3, after the declaration and <R>
  }
  EXPECT_EQ(handler.seen, first(300));
}

TEST_P(RecordPipelineTest, AnyExceptionOfTheHandlerReachesTheCaller) {
  input::MemorySource source("doc.xml", document(kRecords));
  Handler handler(Handler::At::throw_other, 700);
  EXPECT_THROW(xml::stream_document(source, handler, limits(GetParam())), std::runtime_error);
  EXPECT_EQ(handler.seen, first(700));
}

TEST_P(RecordPipelineTest, AHandlerThatStopsEndsTheDocumentWithoutTheLaterError) {
  input::MemorySource source("doc.xml", document(kRecords, "<E n=\"x\"></F></R>"));
  Handler handler(Handler::At::stop, 5);
  EXPECT_NO_THROW(xml::stream_document(source, handler, limits(GetParam())));
  EXPECT_EQ(handler.seen, first(5));
}

TEST_P(RecordPipelineTest, AMalformedDocumentFailsAfterEveryRecordBeforeTheFault) {
  input::MemorySource source("doc.xml", document(kRecords, "<E n=\"x\"></F></R>"));
  Handler handler(Handler::At::nothing, 0);
  try {
    xml::stream_document(source, handler, limits(GetParam()));
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.message().id, "input.xml.malformed");
    EXPECT_EQ(error.where().line, static_cast<int>(kRecords) + 3);
  }
  EXPECT_EQ(handler.seen, first(kRecords));
}

TEST_P(RecordPipelineTest, ABrokenSourceFailsAfterTheRecordsBeforeItAndAfterTheHandlersError) {
  const std::string xml = document(kRecords);
  {
    FailingSource source(xml, xml.size() / 2);
    Handler handler(Handler::At::nothing, 0);
    EXPECT_THROW(xml::stream_document(source, handler, limits(GetParam())), std::runtime_error);
    ASSERT_FALSE(handler.seen.empty());
    EXPECT_EQ(handler.seen, first(handler.seen.size()));
  }
  {
    FailingSource source(xml, xml.size() / 2);
    Handler handler(Handler::At::throw_input_error, 40);
    EXPECT_THROW(xml::stream_document(source, handler, limits(GetParam())), InputError);
    EXPECT_EQ(handler.seen, first(40));
  }
  {
    FailingSource source(xml, xml.size() / 2);
    Handler handler(Handler::At::stop, 40);
    EXPECT_NO_THROW(xml::stream_document(source, handler, limits(GetParam())));
    EXPECT_EQ(handler.seen, first(40));
  }
}

INSTANTIATE_TEST_SUITE_P(HandlerThread, RecordPipelineTest, testing::Bool(),
                         [](const testing::TestParamInfo<bool>& param) {
                           return param.param ? "OnASecondThread" : "OnTheReadingThread";
                         });

}  // namespace
}  // namespace edusync
