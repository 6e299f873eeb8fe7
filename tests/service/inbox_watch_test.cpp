// The inbox watch on a real io_context and real files: one call per burst, files being written
// or not ours left alone, the inbox going away and coming back, stop().
#include "service/inbox_watch.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "common/errors.hpp"
#include "common/log.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr auto kSettle = 150ms;
// Generous upper bounds, so that a slow machine fails nothing but a hung test ends.
constexpr auto kDeadline = 20s;
// How long "nothing more happens" is watched: several settles.
constexpr auto kQuiet = 4 * kSettle;

constexpr char kExport[] = "<?xml version=\"1.0\"?><BEE_ELEVES VERSION=\"3.0\"/>";

void write_file(const fs::path& path, const std::string& content = kExport) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

// An inbox under a temporary directory, watched on a real io_context; counts the calls.
class Watched {
 public:
  explicit Watched(std::chrono::milliseconds settle = kSettle) : inbox_(dir_.path() / "inbox") {
    fs::create_directory(inbox_);
    watch_ = std::make_unique<service::InboxWatch>(io_, options(settle), [this] {
      ++drops_;
      if (also_on_drop) also_on_drop();
    });
    watch_->start();
  }
  service::InboxWatchOptions options(std::chrono::milliseconds settle) const {
    service::InboxWatchOptions options;
    options.inbox = inbox_;
    options.settle = settle;
    options.retry_first = 20ms;
    options.retry_max = 80ms;
    return options;
  }
  const fs::path& inbox() const { return inbox_; }
  const fs::path& scratch() const { return dir_.path(); }
  boost::asio::io_context& io() { return io_; }
  service::InboxWatch& watch() { return *watch_; }
  int drops() const { return drops_; }
  std::function<void()> also_on_drop;  // called after counting

  // Runs the loop until `done` holds; false at the deadline.
  bool run_until(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      io_.run_for(10ms);
    }
    return true;
  }
  bool run_until_drops(int count) {
    return run_until([&] { return drops_ >= count; });
  }
  // Runs the loop for `span`, long enough for a call that should not come.
  void run_quietly(std::chrono::milliseconds span = kQuiet) { io_.run_for(span); }
  // Calls `action` from the loop after `delay`.
  void at(std::chrono::milliseconds delay, std::function<void()> action) {
    auto timer = std::make_shared<boost::asio::steady_timer>(io_, delay);
    timer->async_wait(
        [timer, action = std::move(action)](const boost::system::error_code&) { action(); });
  }

 private:
  test::TempDir dir_;
  fs::path inbox_;
  boost::asio::io_context io_;
  int drops_ = 0;
  std::unique_ptr<service::InboxWatch> watch_;
};

bool logged(const log::Capture& capture, const std::string& code) {
  return !capture.with_code(code).empty();
}

TEST(InboxWatch, OneFileWrittenIsOneDropAfterTheSettle) {
  Watched watched;
  write_file(watched.inbox() / "ElevesSansAdresses.xml");
  ASSERT_TRUE(watched.run_until_drops(1));
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 1);
}

TEST(InboxWatch, FiveFilesInABurstAreOneDrop) {
  Watched watched;
  for (int i = 0; i < 5; ++i) {
    watched.at(i * kSettle / 10, [&watched, i] {
      write_file(watched.inbox() / ("export" + std::to_string(i) + ".xml"));
    });
  }
  ASSERT_TRUE(watched.run_until_drops(1));
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 1);
}

TEST(InboxWatch, AFileMovedInFromAnotherDirectoryIsOneDrop) {
  Watched watched;
  const auto outside = watched.scratch() / "sts_emp_0140065T_2025.xml";
  write_file(outside);
  watched.run_quietly();
  ASSERT_EQ(watched.drops(), 0);
  fs::rename(outside, watched.inbox() / outside.filename());
  ASSERT_TRUE(watched.run_until_drops(1));
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 1);
}

TEST(InboxWatch, PartialAndHiddenFilesAreNoDropUntilRenamedToTheirFinalName) {
  Watched watched;
  write_file(watched.inbox() / "ElevesSansAdresses.xml.part");
  write_file(watched.inbox() / ".ElevesSansAdresses.xml");
  write_file(watched.inbox() / "Structures.xml.crdownload");
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 0);
  fs::rename(watched.inbox() / "ElevesSansAdresses.xml.part",
             watched.inbox() / "ElevesSansAdresses.xml");
  ASSERT_TRUE(watched.run_until_drops(1));
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 1);
}

TEST(InboxWatch, FilesThatAreNotExportsAndDirectoriesAreNoDrop) {
  Watched watched;
  write_file(watched.inbox() / "LISEZMOI.txt", "Déposez ici les exports.");
  fs::create_directory(watched.inbox() / "archives");
  fs::create_directory(watched.scratch() / "old");
  write_file(watched.scratch() / "old" / "Eleves.xml");
  fs::rename(watched.scratch() / "old", watched.inbox() / "old");
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 0);
  write_file(watched.inbox() / "ExportXML_ElevesSansAdresses.zip", "PK\x03\x04 a zip");
  ASSERT_TRUE(watched.run_until_drops(1));
}

TEST(InboxWatch, AFileRemovedBeforeTheSettleEndsIsNoDrop) {
  Watched watched;
  write_file(watched.inbox() / "Eleves.xml");
  watched.at(kSettle / 4, [&watched] { fs::remove(watched.inbox() / "Eleves.xml"); });
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 0);
}

// The writer keeps its file open and writes every few milliseconds, far more often than the
// settle: no event counts meanwhile, only the size changes.
TEST(InboxWatch, AFileThatKeepsGrowingDelaysTheDropUntilItStops) {
  Watched watched(200ms);
  std::atomic<bool> writer_done = false;
  bool done_when_dropped = false;
  watched.also_on_drop = [&] { done_when_dropped = writer_done.load(); };
  write_file(watched.inbox() / "Structures.xml");  // starts the burst
  std::thread writer([&] {
    std::ofstream out(watched.inbox() / "ElevesAvecAdresses.xml", std::ios::binary);
    out << "<?xml version=\"1.0\"?><BEE_ELEVES>" << std::flush;
    for (int i = 0; i < 80; ++i) {
      out << "<ELEVE/>" << std::flush;
      std::this_thread::sleep_for(10ms);
    }
    writer_done = true;
    out << "</BEE_ELEVES>";
  });
  const bool dropped = watched.run_until_drops(1);
  writer.join();
  ASSERT_TRUE(dropped);
  EXPECT_TRUE(done_when_dropped);
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 1);
}

TEST(InboxWatch, TwoBurstsFurtherApartThanTheSettleAreTwoDrops) {
  Watched watched;
  write_file(watched.inbox() / "Eleves.xml");
  ASSERT_TRUE(watched.run_until_drops(1));
  watched.run_quietly();
  write_file(watched.inbox() / "sts_emp_0140065T_2025.xml");
  ASSERT_TRUE(watched.run_until_drops(2));
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 2);
}

TEST(InboxWatch, AnInboxRemovedAndRecreatedIsWatchedAgain) {
  log::Capture capture;
  Watched watched;
  fs::remove_all(watched.inbox());
  ASSERT_TRUE(watched.run_until([&] { return logged(capture, "INBOX_WATCH_RETRY"); }));
  const auto lost = capture.with_code("INBOX_WATCH_LOST");
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].field("event"), "IN_DELETE_SELF");
  EXPECT_EQ(lost[0].field("path"), watched.inbox().string());
  EXPECT_FALSE(watched.watch().watching());
  fs::create_directory(watched.inbox());
  ASSERT_TRUE(watched.run_until([&] { return logged(capture, "INBOX_WATCH_RESTORED"); }));
  EXPECT_TRUE(watched.watch().watching());
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 0);  // back empty: nothing arrived
  write_file(watched.inbox() / "Eleves.xml");
  ASSERT_TRUE(watched.run_until_drops(1));
}

// `mv inbox elsewhere`: inotify would follow the directory; the watch stays on the path.
TEST(InboxWatch, AnInboxMovedAwayIsNoLongerWatchedAndTheOneMovedInIsRead) {
  log::Capture capture;
  Watched watched;
  const auto elsewhere = watched.scratch() / "elsewhere";
  fs::rename(watched.inbox(), elsewhere);
  ASSERT_TRUE(watched.run_until([&] { return logged(capture, "INBOX_WATCH_LOST"); }));
  EXPECT_EQ(capture.with_code("INBOX_WATCH_LOST")[0].field("event"), "IN_MOVE_SELF");
  write_file(elsewhere / "Eleves.xml");
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 0);
  // A directory filled elsewhere and moved in place: its files were dropped while nobody
  // watched, they are a burst.
  fs::rename(elsewhere, watched.inbox());
  ASSERT_TRUE(watched.run_until([&] { return logged(capture, "INBOX_WATCH_RESTORED"); }));
  ASSERT_TRUE(watched.run_until_drops(1));
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 1);
}

// The kernel queues max_queued_events events; the files are closed while nobody reads.
TEST(InboxWatch, AQueueOverflowIsOneDrop) {
  std::ifstream limit_file("/proc/sys/fs/inotify/max_queued_events");
  long limit = 0;
  if (!(limit_file >> limit) || limit > 100000) GTEST_SKIP() << "max_queued_events: " << limit;
  log::Capture capture;
  Watched watched;
  for (long i = 0; i <= limit; ++i) {
    std::ofstream(watched.inbox() / ("f" + std::to_string(i)));
  }
  ASSERT_TRUE(watched.run_until_drops(1));
  EXPECT_EQ(capture.with_code("INBOX_WATCH_OVERFLOW").size(), 1u);
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 1);
}

TEST(InboxWatch, StopEndsABurstUnderWayAndEverythingAfter) {
  Watched watched;
  write_file(watched.inbox() / "Eleves.xml");
  watched.at(kSettle / 3, [&watched] { watched.watch().stop(); });
  watched.run_quietly();
  EXPECT_FALSE(watched.watch().watching());
  write_file(watched.inbox() / "Structures.xml");
  watched.run_quietly();
  EXPECT_EQ(watched.drops(), 0);
}

TEST(InboxWatch, StopFromTheHandlerEndsTheWatch) {
  test::TempDir dir;
  boost::asio::io_context io;
  int drops = 0;
  service::InboxWatchOptions options;
  options.inbox = dir.path();
  options.settle = kSettle;
  std::unique_ptr<service::InboxWatch> watch;
  watch = std::make_unique<service::InboxWatch>(io, options, [&] {
    ++drops;
    watch->stop();
  });
  watch->start();
  write_file(dir.path() / "Eleves.xml");
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (drops == 0 && std::chrono::steady_clock::now() < deadline) io.run_for(10ms);
  ASSERT_EQ(drops, 1);
  write_file(dir.path() / "Structures.xml");
  io.run_for(kQuiet);
  EXPECT_EQ(drops, 1);
}

// Destroyed with its handlers still queued in a stopped loop, which is then run again.
TEST(InboxWatch, DestroyedAfterTheLoopStoppedLeavesNothingBehind) {
  test::TempDir dir;
  boost::asio::io_context io;
  int drops = 0;
  service::InboxWatchOptions options;
  options.inbox = dir.path();
  options.settle = kSettle;
  auto watch = std::make_unique<service::InboxWatch>(io, options, [&] { ++drops; });
  watch->start();
  write_file(dir.path() / "Eleves.xml");
  io.run_for(kSettle / 3);  // the event is read, the settle is under way
  io.stop();
  watch.reset();
  io.restart();
  io.run_for(kQuiet);
  EXPECT_EQ(drops, 0);
}

// --- refusals at start ---------------------------------------------------------------------

std::string start_error(const fs::path& inbox) {
  boost::asio::io_context io;
  service::InboxWatchOptions options;
  options.inbox = inbox;
  service::InboxWatch watch(io, options, [] {});
  try {
    watch.start();
  } catch (const InputError& error) {
    EXPECT_EQ(error.where().file, inbox.string());
    EXPECT_FALSE(watch.watching());
    return error.what();
  }
  return "(no error)";
}

TEST(InboxWatch, AMissingInboxIsRefusedByPath) {
  test::TempDir dir;
  const auto message = start_error(dir.path() / "absent");
  EXPECT_NE(message.find((dir.path() / "absent").string()), std::string::npos) << message;
  EXPECT_NE(message.find("boîte de dépôt introuvable"), std::string::npos) << message;
}

TEST(InboxWatch, AnInboxThatIsAFileIsRefused) {
  test::TempDir dir;
  const auto message = start_error(dir.write("inbox", "pas un répertoire"));
  EXPECT_NE(message.find("n'est pas un répertoire"), std::string::npos) << message;
}

// Runs `body` in a child process (it changes the process: user, limits) and returns what it
// wrote to the pipe.
std::string in_child(const std::function<std::string()>& body) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) return "(no pipe)";
  const pid_t child = fork();
  if (child == 0) {
    close(pipe_ends[0]);
    const auto text = body();
    const auto written = write(pipe_ends[1], text.data(), text.size());
    _exit(written == static_cast<ssize_t>(text.size()) ? 0 : 1);
  }
  close(pipe_ends[1]);
  std::string text;
  char chunk[512];
  for (ssize_t n; (n = read(pipe_ends[0], chunk, sizeof chunk)) > 0;)
    text.append(chunk, static_cast<std::size_t>(n));
  close(pipe_ends[0]);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return text;
}

TEST(InboxWatch, AnUnreadableInboxIsRefused) {
  test::TempDir dir;
  const auto inbox = dir.path() / "inbox";
  fs::create_directory(inbox);
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::others_exec);
  fs::permissions(inbox, fs::perms::none);
  const auto message = in_child([&] {
    if (geteuid() == 0 && setuid(65534) != 0) return std::string("(setuid failed)");
    return start_error(inbox);
  });
  fs::permissions(inbox, fs::perms::owner_all);
  EXPECT_NE(message.find("boîte de dépôt illisible"), std::string::npos) << message;
  EXPECT_NE(message.find(inbox.string()), std::string::npos) << message;
}

TEST(InboxWatch, NoDescriptorLeftForInotifyIsRefused) {
#if defined(__SANITIZE_ADDRESS__)
  // The sanitizer runtimes need descriptors of their own (UBSan's type checks fail in a process
  // left without any); the Release tier runs this test.
  GTEST_SKIP() << "not under the sanitizers: the child is left without any file descriptor";
#endif
  test::TempDir dir;
  const auto message = in_child([&] {
    boost::asio::io_context io;
    service::InboxWatchOptions options;
    options.inbox = dir.path();
    service::InboxWatch watch(io, options, [] {});
    const int lowest_free = dup(0);
    close(lowest_free);
    const rlimit limit{static_cast<rlim_t>(lowest_free), static_cast<rlim_t>(lowest_free)};
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) return std::string("(setrlimit failed)");
    try {
      watch.start();
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("(no error)");
  });
  EXPECT_NE(message.find("inotify_init1"), std::string::npos) << message;
  EXPECT_NE(message.find(dir.path().string()), std::string::npos) << message;
}

TEST(InboxWatch, StartsOnlyOnce) {
  test::TempDir dir;
  boost::asio::io_context io;
  service::InboxWatchOptions options;
  options.inbox = dir.path();
  service::InboxWatch watch(io, options, [] {});
  watch.start();
  EXPECT_TRUE(watch.watching());
  EXPECT_THROW(watch.start(), std::logic_error);
}

}  // namespace
}  // namespace edusync
