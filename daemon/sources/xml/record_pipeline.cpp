#include "sources/xml/record_pipeline.hpp"

#include <system_error>

#include "sources/xml/record_stream.hpp"

namespace edusync::xml {

RecordPipeline::RecordPipeline(DocumentHandler& handler, RecordTree::Limits limits, bool threaded)
    : handler_(handler) {
  const std::size_t count = threaded ? kBatches : 1;
  for (std::size_t i = 0; i < count; ++i) batches_.emplace_back(limits);
  filling_ = &batches_.front();
  for (std::size_t i = 1; i < count; ++i) free_.push_back(&batches_[i]);
  if (!threaded) return;
  try {
    consumer_ = std::thread([this] { consume(); });
    threaded_ = true;
  } catch (const std::system_error&) {  // no thread to be had: the reader's thread does it all
    threaded_ = false;
  }
}

RecordPipeline::~RecordPipeline() {
  if (!consumer_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    reader_done_ = true;
    abandoned_ = true;  // the reader is unwinding: the handler sees no more records
  }
  changed_.notify_all();
  consumer_.join();
}

bool RecordPipeline::batch_full() const {
  return filling_->records.size() >= kBatchRecords ||
         filling_->tree.text_bytes() >= kBatchTextBytes ||
         filling_->tree.element_count() >= kBatchElements;
}

bool RecordPipeline::record_done(std::size_t path_index) {
  filling_->records.push_back({filling_->tree.root_index(), path_index});
  if (!threaded_) {
    const bool go_on = handle(*filling_);
    filling_->clear();
    return go_on;
  }
  return !batch_full() || hand_over();
}

// Queues the filled batch and takes a free one, waiting for the handler if it lags behind.
bool RecordPipeline::hand_over() {
  std::unique_lock lock(mutex_);
  full_.push_back(filling_);
  filling_ = nullptr;
  changed_.notify_all();
  changed_.wait(lock, [this] { return consumer_done_ || !free_.empty(); });
  if (consumer_done_) {  // the consumer never looks at the queue again: take the batch back
    filling_ = full_.back();
    full_.pop_back();
    filling_->clear();
    return false;
  }
  filling_ = free_.back();
  free_.pop_back();
  return true;
}

void RecordPipeline::finish() {
  if (!threaded_) return;  // every record was handled as it ended
  {
    std::unique_lock lock(mutex_);
    if (filling_ != nullptr && !filling_->records.empty()) full_.push_back(filling_);
    filling_ = nullptr;
    reader_done_ = true;
  }
  changed_.notify_all();
  consumer_.join();
}

bool RecordPipeline::handle(RecordBatch& batch) {
  try {
    for (const auto& entry : batch.records) {
      if (!handler_.on_record(entry.path_index, batch.tree.node(entry.root))) {
        stopped_ = true;
        return false;
      }
    }
  } catch (...) {
    error_ = std::current_exception();
    return false;
  }
  return true;
}

void RecordPipeline::consume() {
  for (;;) {
    RecordBatch* batch = nullptr;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return reader_done_ || !full_.empty(); });
      if (full_.empty() || abandoned_) break;  // the reader is done and every batch was seen
      batch = full_.front();
      full_.pop_front();
    }
    const bool go_on = handle(*batch);
    batch->clear();
    {
      const std::lock_guard lock(mutex_);
      free_.push_back(batch);
      if (!go_on) consumer_done_ = true;
    }
    changed_.notify_all();
    if (!go_on) return;
  }
  {
    const std::lock_guard lock(mutex_);
    consumer_done_ = true;
  }
  changed_.notify_all();
}

}  // namespace edusync::xml
