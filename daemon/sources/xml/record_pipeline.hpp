#pragma once
// Complete records handed from the XML reader to the DocumentHandler, either at once on the
// reader's thread or in batches to a second thread, so that libxml2 reads the next records while
// the handler turns the previous ones into data (the two costs are of the same size, and a run
// has two cores). Records reach the handler in document order either way, and what a document
// ends with is what a sequential read gives: a handler's error or stop wins over a later error of
// the document, because every record handed over lies before the point the reader failed at.
//
// Memory: at most kBatches batches, each closed after kBatchRecords records, kBatchTextBytes bytes
// of text or kBatchElements elements (plus the record that crossed the line, itself bounded by
// RecordTree::Limits).
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "sources/xml/record_tree.hpp"

namespace edusync::xml {

class DocumentHandler;

struct RecordBatch {
  explicit RecordBatch(RecordTree::Limits limits) : tree(limits) {}
  struct Entry {
    std::int32_t root;
    std::size_t path_index;
  };
  RecordTree tree;
  std::vector<Entry> records;

  void clear() {
    tree.clear();
    records.clear();
  }
};

class RecordPipeline {
 public:
  static constexpr std::size_t kBatches = 3;
  static constexpr std::size_t kBatchRecords = 256;
  static constexpr std::size_t kBatchTextBytes = 1u << 20;
  static constexpr std::size_t kBatchElements = 1u << 16;

  // `threaded`: batches go to a second thread (started here; when it cannot start, records are
  // handled on the calling thread as if `threaded` were false).
  RecordPipeline(DocumentHandler& handler, RecordTree::Limits limits, bool threaded);
  ~RecordPipeline();
  RecordPipeline(const RecordPipeline&) = delete;
  RecordPipeline& operator=(const RecordPipeline&) = delete;

  // The batch the reader fills.
  RecordBatch& filling() { return *filling_; }
  const RecordBatch& filling() const { return *filling_; }
  // The record begun in filling() is complete. False once the handler stopped or failed: the
  // reader reads no further.
  bool record_done(std::size_t path_index);
  // Every record is read: waits until the handler has seen them all (or stopped or failed).
  void finish();
  // After finish(): the handler asked to stop, or threw (its exception, to rethrow).
  bool handler_stopped() const { return stopped_; }
  std::exception_ptr handler_error() const { return error_; }

 private:
  bool hand_over();
  bool handle(RecordBatch& batch);  // false when the handler stopped or failed
  void consume();                   // the second thread
  bool batch_full() const;

  DocumentHandler& handler_;
  std::deque<RecordBatch> batches_;
  RecordBatch* filling_ = nullptr;
  bool threaded_ = false;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<RecordBatch*> full_;  // handed over, in document order
  std::vector<RecordBatch*> free_;
  bool reader_done_ = false;
  bool abandoned_ = false;      // the reader left without finish()
  bool consumer_done_ = false;  // the handler stopped, failed, or saw every batch
  bool stopped_ = false;
  std::exception_ptr error_;
  std::thread consumer_;
};

}  // namespace edusync::xml
