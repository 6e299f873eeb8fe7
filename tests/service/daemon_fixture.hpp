#pragma once
// A test's own `edusync daemon`: a temporary directory with its configuration (one school, an
// audit journal, the inbox, the control socket), the real binary started on it, and the real
// `edusync ctl` to drive it. Every `ctl --json` answer is checked against the control schema.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "service/control_schema_support.hpp"
#include "service/daemon_process.hpp"

namespace edusync::test {

inline const std::string kBinary = EDUSYNC_BINARY;
inline constexpr int kSettleMs = 200;

class Daemon : public ::testing::Test {
 protected:
  void SetUp() override { write_config("[]"); }

  void write_config(const std::string& schedule) {
    config_ = dir_.write("edusync.yaml",
                         "school: {uai: " + uai_ + ", name: Test}\nstate_dir: " + path("state") +
                             "\ninbox: " + path("inbox") + "\ncontrol_socket: " + socket() +
                             "\nschedule: " + schedule +
                             "\nsafety: {max_departure_ratio: 0.5}\n"
                             "connectors:\n"
                             "  - {name: audit, type: journal, path: " +
                             path("journal.jsonl") + "}\n" + extra_connectors_);
    std::filesystem::create_directories(path("inbox"));
  }

  std::string path(const std::string& name) const { return (dir_.path() / name).string(); }
  std::string socket() const { return path("control.sock"); }

  std::unique_ptr<DaemonProcess> start(const std::vector<std::string>& environment = {}) {
    for (const auto& variable : environment) ::putenv(const_cast<char*>(variable.c_str()));
    auto daemon = std::make_unique<DaemonProcess>(
        kBinary,
        std::vector<std::string>{"--config", config_, "daemon", "--settle-ms",
                                 std::to_string(kSettleMs), "--today", "2025-11-20"},
        dir_.path() / "daemon.log");
    for (const auto& variable : environment)
      ::unsetenv(variable.substr(0, variable.find('=')).c_str());
    // Up when it answers (a socket file may be a dead service's, left by a SIGKILL).
    const bool up = eventually([&] { return ctl("status") == 0 || !daemon->running(); });
    EXPECT_TRUE(up && daemon->running()) << daemon->output();
    return daemon;
  }

  // `edusync ctl ARGUMENTS`: its exit code; its output in output_.
  int ctl(const std::string& arguments) {
    return run_command(kBinary + " --config " + config_ + " ctl " + arguments + " 2>&1", output_);
  }

  // `edusync ctl --json ARGUMENTS`, checked against the schema.
  nlohmann::json ctl_json(const std::string& arguments) {
    ctl("--json " + arguments);
    auto answer = nlohmann::json::parse(output_, nullptr, false);
    EXPECT_FALSE(answer.is_discarded()) << output_;
    if (answer.is_discarded()) return {};
    EXPECT_EQ(control_schema_problems(answer), "") << answer.dump();
    return answer;
  }

  std::size_t finished_runs() {
    const auto answer = ctl_json("runs 100");
    std::size_t finished = 0;
    for (const auto& run : answer.value("runs", nlohmann::json::array())) {
      if (run["status"] != "running") ++finished;
    }
    return finished;
  }

  bool idle() { return ctl_json("status").value("state", "") != "running"; }

  void drop_exports() {
    for (const char* name : {"eleves.xml", "responsables.xml", "sts.xml"}) {
      dir_.write(std::string("inbox/") + name,
                 read_file(std::string(EDUSYNC_TEST_DATA) + "/handmade/" + name));
    }
  }

  TempDir dir_;
  std::string uai_ = "0140065T";
  std::string extra_connectors_;  // more items of `connectors:`, each line "  - {...}\n"
  std::string config_;
  std::string output_;
};

}  // namespace edusync::test
