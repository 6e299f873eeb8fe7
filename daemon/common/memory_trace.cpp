#include "common/memory_trace.hpp"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace edusync {
namespace {

// VmRSS and VmHWM of /proc/self/status, in KiB; 0 when unreadable.
void resident_kib(long& rss, long& peak) {
  rss = peak = 0;
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) return;
  char line[256];
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::strncmp(line, "VmRSS:", 6) == 0) rss = std::strtol(line + 6, nullptr, 10);
    if (std::strncmp(line, "VmHWM:", 6) == 0) peak = std::strtol(line + 6, nullptr, 10);
  }
  std::fclose(status);
}

}  // namespace

void trace_memory(const char* stage) {
  static const bool enabled = std::getenv("EDUSYNC_TRACE_MEMORY") != nullptr;
  if (!enabled) return;
  const auto info = mallinfo2();
  long rss = 0;
  long peak = 0;
  resident_kib(rss, peak);
  static const auto start = std::chrono::steady_clock::now();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::fprintf(stderr, "memory %7.2f s %-28s heap %8zu MiB  rss %7ld MiB  peak %7ld MiB\n",
               elapsed.count(), stage, (info.uordblks + info.hblkhd) >> 20, rss >> 10, peak >> 10);
}

void return_free_memory() {
  malloc_trim(0);
}

}  // namespace edusync
