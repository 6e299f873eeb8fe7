#include "common/crash_point.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace edusync {

void crash_point(const char* name) {
  const char* crash = std::getenv("EDUSYNC_CRASH_AT");
  if (crash != nullptr && std::strcmp(crash, name) == 0) std::raise(SIGKILL);
  const char* pause = std::getenv("EDUSYNC_PAUSE_AT");
  if (pause != nullptr && std::strcmp(pause, name) == 0) std::raise(SIGSTOP);
  const char* hold = std::getenv("EDUSYNC_HOLD_AT");
  const char* file = std::getenv("EDUSYNC_HOLD_FILE");
  if (hold == nullptr || file == nullptr || std::strcmp(hold, name) != 0) return;
  std::ofstream(std::string(file) + ".reached").put('\n');
  while (std::filesystem::exists(file)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace edusync
