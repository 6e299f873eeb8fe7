#pragma once
// Work made on several threads and consumed in order on the calling one, a bounded number of
// items ahead: make(k) runs on any of `threads` threads for k = 0, 1, … count-1, at most `ahead`
// items past the one consume() waits for, so that the results alive at once stay few (a run
// parses an academy school by school: the parsed exports of a few schools are in memory, not
// those of a thousand). consume(k, result) runs on the calling thread, k in order. The first
// exception, in order of k, stops the workers and is rethrown once they have stopped; later
// items are not consumed.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace edusync {

template <typename Result>
void ordered_pipeline(std::size_t count, unsigned threads, std::size_t ahead,
                      const std::function<Result(std::size_t)>& make,
                      const std::function<void(std::size_t, Result&)>& consume) {
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool done = false;
  };
  std::vector<Slot> slots(count);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;      // the next item a worker takes
  std::size_t consumed = 0;  // items consume() is done with
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      std::size_t k = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= count || next < consumed + ahead + 1; });
        if (stop || next >= count) return;
        k = next++;
      }
      Slot made;
      try {
        made.result.emplace(make(k));
      } catch (...) {
        made.error = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex);
        slots[k].result = std::move(made.result);
        slots[k].error = made.error;
        slots[k].done = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  try {
    for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back(worker);
  } catch (...) {  // a thread that cannot start: the started ones stop before being joined
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    throw;
  }
  std::exception_ptr failure;
  for (std::size_t k = 0; k < count && !failure; ++k) {
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[k].done; });
    }
    if (slots[k].error) {
      failure = slots[k].error;
    } else {
      try {
        consume(k, *slots[k].result);
      } catch (...) {
        failure = std::current_exception();
      }
    }
    slots[k].result.reset();
    {
      const std::lock_guard lock(mutex);
      consumed = k + 1;
      if (failure) stop = true;
    }
    changed.notify_all();
  }
  {
    const std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  pool.clear();  // joins
  if (failure) std::rethrow_exception(failure);
}

}  // namespace edusync
