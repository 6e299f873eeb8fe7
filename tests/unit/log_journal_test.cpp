// Operator events to the system journal (common/log.hpp, "The system journal"): when they go
// there (JOURNAL_STREAM against stderr's device and inode) and what an entry holds. No journald
// is needed: the decision is read from the real stderr, the entry from journal_entry().
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/log.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

// JOURNAL_STREAM for one test, put back after.
class JournalStreamVariable {
 public:
  explicit JournalStreamVariable(const std::optional<std::string>& value) {
    if (const char* before = std::getenv("JOURNAL_STREAM")) previous_ = before;
    apply(value);
  }
  ~JournalStreamVariable() { apply(previous_); }
  JournalStreamVariable(const JournalStreamVariable&) = delete;
  JournalStreamVariable& operator=(const JournalStreamVariable&) = delete;

 private:
  static void apply(const std::optional<std::string>& value) {
    if (value) {
      ::setenv("JOURNAL_STREAM", value->c_str(), 1);
    } else {
      ::unsetenv("JOURNAL_STREAM");
    }
  }
  std::optional<std::string> previous_;
};

// "<device>:<inode>" of what file descriptor `fd` is open on, or of a file, as systemd writes it.
std::string stream_text(const struct stat& status) {
  return std::to_string(status.st_dev) + ":" + std::to_string(status.st_ino);
}
std::string stream_of(int fd) {
  struct stat status {};
  if (::fstat(fd, &status) != 0) throw std::runtime_error("fstat");
  return stream_text(status);
}
std::string stream_of(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) throw std::runtime_error("stat");
  return stream_text(status);
}

// The journal's socket, absent where no journald runs (this suite's machines): then an entry
// cannot be sent and must reach stderr instead.
bool journald_is_running() {
  return std::filesystem::exists("/run/systemd/journal/socket");
}

TEST(LogJournal, JournalStreamIsTwoNumbersThatMustBeStderrs) {
  EXPECT_TRUE(log::is_journal_stream("64769:1234", 64769, 1234));
  EXPECT_FALSE(log::is_journal_stream("64769:1234", 64769, 1235));
  EXPECT_FALSE(log::is_journal_stream("64769:1234", 64768, 1234));
  EXPECT_TRUE(log::is_journal_stream("0:18446744073709551615", 0, 18446744073709551615ULL));
}

TEST(LogJournal, AMalformedJournalStreamIsNotTheJournal) {
  for (const char* value : {"", ":", "1:", ":2", "1:2:3", "1;2", " 1:2", "1:2 ", "-1:2", "+1:2",
                            "1:-2", "0x1:2", "18446744073709551616:2", "1:2\n"}) {
    EXPECT_FALSE(log::is_journal_stream(value, 1, 2)) << '"' << value << '"';
  }
}

TEST(LogJournal, StderrIsTheJournalWhenJournalStreamNamesIt) {
  {
    const JournalStreamVariable variable(stream_of(STDERR_FILENO));
    EXPECT_TRUE(log::stderr_is_journal());
  }
  {
    const JournalStreamVariable variable(std::nullopt);
    EXPECT_FALSE(log::stderr_is_journal());
  }
  const test::TempDir dir;
  const auto other = dir.write("autre", "");
  const JournalStreamVariable variable(stream_of(other));
  EXPECT_FALSE(log::stderr_is_journal());
}

// The service redirected its stderr (or a program inherited the variable from it with another
// stderr): the variable names the journal's stream, stderr is something else.
TEST(LogJournal, AStderrRedirectedElsewhereIsNotTheJournal) {
  const JournalStreamVariable variable(stream_of(STDERR_FILENO));
  const test::TempDir dir;
  const auto file = dir.path() / "stderr.txt";
  const int saved = ::dup(STDERR_FILENO);
  const int redirected = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(saved, 0);
  ASSERT_GE(redirected, 0);
  ::dup2(redirected, STDERR_FILENO);
  const bool journal = log::stderr_is_journal();
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
  ::close(redirected);
  EXPECT_FALSE(journal);
}

TEST(LogJournal, WithoutTheJournalEventsStayOnStderr) {
  const JournalStreamVariable variable(std::nullopt);
  EXPECT_FALSE(log::use_journald_if_stderr_is_journal());
  testing::internal::CaptureStderr();
  log::event(log::Level::warn, "run", "RUN_TEST", "toujours sur stderr", {{"run", "r1"}});
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "toujours sur stderr\n");
}

// Chosen because stderr is the journal's stream. Without journald (this suite's machines)
// libsystemd drops the entry without an error: nothing is printed, nothing fails.
TEST(LogJournal, ChosenWhenStderrIsTheJournalsStream) {
  if (journald_is_running()) GTEST_SKIP() << "journald runs here: entries would reach it";
  testing::internal::CaptureStderr();  // stderr is now a file: the "journal stream" below
  const JournalStreamVariable variable(stream_of(STDERR_FILENO));
  const bool chosen = log::use_journald_if_stderr_is_journal();
  log::event(log::Level::warn, "run", "RUN_TEST", "vers le journal", {{"run", "r1"}});
  log::set_sink({});
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_TRUE(chosen);
}

TEST(LogJournal, TheSinkSendsOneEntryPerEventAndLeavesDebugOut) {
  std::vector<std::vector<std::string>> sent;
  log::use_journald([&sent](const std::vector<std::string>& entry) {
    sent.push_back(entry);
    return 0;
  });
  testing::internal::CaptureStderr();
  log::event(log::Level::debug, "run", "RUN_DEBUG", "détail");
  log::event(log::Level::info, "inbox", "INBOX_FILE", "reçu", {{"file", "a.xml"}});
  log::set_sink({});
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0], log::journal_entry(
                         {log::Level::info, "inbox", "INBOX_FILE", "reçu", {{"file", "a.xml"}}}));
}

// The journal refuses an entry (journald overloaded, a record over its limits): the operator
// still gets the line, on stderr, which systemd also connects to the journal.
TEST(LogJournal, AnEntryTheJournalRefusesIsPrintedOnStderr) {
  log::use_journald([](const std::vector<std::string>&) { return -EAGAIN; });
  testing::internal::CaptureStderr();
  log::event(log::Level::error, "run", "RUN_NOT_RECORDED", "le passage r1 n'est pas enregistré",
             {{"run", "r1"}});
  log::event(log::Level::debug, "run", "RUN_DEBUG", "détail");
  log::set_sink({});
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "le passage r1 n'est pas enregistré\n");
}

TEST(LogJournal, AnEntryHoldsMessagePriorityIdentifierComponentCodeAndFields) {
  const log::Event event{log::Level::warn,
                         "ldap-sambaedu",
                         "LDAP_RECONNECT",
                         "ldap-sambaedu se3 : nouvel essai",
                         {{"connector", "se3"}, {"error", "Can't contact\nLDAP server"}}};
  EXPECT_EQ(
      log::journal_entry(event),
      (std::vector<std::string>{"MESSAGE=ldap-sambaedu se3 : nouvel essai", "PRIORITY=4",
                                "SYSLOG_IDENTIFIER=edusync", "EDUSYNC_COMPONENT=ldap-sambaedu",
                                "EDUSYNC_CODE=LDAP_RECONNECT", "EDUSYNC_CONNECTOR=se3",
                                "EDUSYNC_ERROR=Can't contact\nLDAP server"}));
}

TEST(LogJournal, PrioritiesAreSyslogs) {
  const auto priority = [](log::Level level) {
    return log::journal_entry({level, "c", "C", "m", {}})[1];
  };
  EXPECT_EQ(priority(log::Level::debug), "PRIORITY=7");
  EXPECT_EQ(priority(log::Level::info), "PRIORITY=6");
  EXPECT_EQ(priority(log::Level::warn), "PRIORITY=4");
  EXPECT_EQ(priority(log::Level::error), "PRIORITY=3");
}

TEST(LogJournal, FieldNamesAreCapitalsDigitsAndUnderscoresWithinSixtyFourCharacters) {
  EXPECT_EQ(log::journal_field_name("connector"), "EDUSYNC_CONNECTOR");
  EXPECT_EQ(log::journal_field_name("run-id.2"), "EDUSYNC_RUN_ID_2");
  EXPECT_EQ(log::journal_field_name("message"), "EDUSYNC_MESSAGE");
  EXPECT_EQ(log::journal_field_name("é"), "EDUSYNC___");  // two bytes in UTF-8
  EXPECT_EQ(log::journal_field_name(""), "EDUSYNC_");
  const auto cut = log::journal_field_name(std::string(100, 'k'));
  EXPECT_EQ(cut, "EDUSYNC_" + std::string(56, 'K'));
}

}  // namespace
}  // namespace edusync
