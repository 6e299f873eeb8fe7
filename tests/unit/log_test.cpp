// Operator events (common/log.hpp): what reaches a sink, and the stderr text of the default one,
// which must stay what edusync has always printed (tests and scripts read it).
#include "common/log.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <sys/stat.h>

#include <sstream>

#include "connectors/registry.hpp"
#include "support/connector_config.hpp"
#include "support/test_support.hpp"

namespace edusync {
namespace {

TEST(Log, EventsReachACapturedSinkWithComponentCodeAndFields) {
  const log::Capture capture;
  log::event(log::Level::warn, "ldap-sambaedu", "LDAP_RECONNECT", "ldap-sambaedu se3 : essai",
             {{"connector", "se3"}, {"attempt", "2"}});
  log::event(log::Level::info, "inbox", "INBOX_OTHER", "autre chose");
  const auto events = capture.events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].level, log::Level::warn);
  EXPECT_EQ(events[0].component, "ldap-sambaedu");
  EXPECT_EQ(events[0].code, "LDAP_RECONNECT");
  EXPECT_EQ(events[0].message, "ldap-sambaedu se3 : essai");
  EXPECT_EQ(events[0].field("connector"), "se3");
  EXPECT_EQ(events[0].field("attempt"), "2");
  EXPECT_EQ(events[0].field("absent"), "");
  EXPECT_TRUE(events[1].fields.empty());
  ASSERT_EQ(capture.with_code("INBOX_OTHER").size(), 1u);
  EXPECT_EQ(capture.with_code("INBOX_OTHER")[0].component, "inbox");
}

// The default sink: the message alone on its line, no level, time or fields; debug left out.
// A catalogue message is rendered in the language of the events; code and fields never change.
TEST(Log, ACatalogueMessageIsRenderedInTheLanguageOfTheEvents) {
  const log::Capture capture;
  ASSERT_EQ(log::language(), "fr");
  log::event(log::Level::info, "service", "SERVICE_STOPPED", text::message("service.log.stopped"),
             {{"run", "x"}});
  log::set_language("en");
  log::event(log::Level::info, "service", "SERVICE_STOPPED", text::message("service.log.stopped"),
             {{"run", "x"}});
  log::set_language("de");  // anything but en is French
  EXPECT_EQ(log::language(), "fr");
  const auto events = capture.with_code("SERVICE_STOPPED");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].message, "service arrêté");
  EXPECT_EQ(events[1].message, "service stopped");
  EXPECT_EQ(events[1].field("run"), "x");
  EXPECT_EQ(log::journal_entry(events[1])[4], "EDUSYNC_CODE=SERVICE_STOPPED");
}

TEST(Log, TheDefaultSinkPrintsTheMessageAloneOnStderr) {
  testing::internal::CaptureStderr();
  log::event(log::Level::warn, "ldap-sambaedu", "LDAP_DRIFT",
             "ldap-sambaedu se3 : LDAP_DRIFT : uid=jdupont : sn « Piratée » remis à « DUPONT »",
             {{"connector", "se3"}});
  log::event(log::Level::debug, "run", "RUN_DEBUG", "détail pour le développeur");
  log::event(log::Level::error, "run", "RUN_NOT_RECORDED", "edusync run : le passage r1 ...");
  log::event(log::Level::info, "run", "RUN_BRACES", "{} {0} %v : printed as they are");
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "ldap-sambaedu se3 : LDAP_DRIFT : uid=jdupont : sn « Piratée » remis à « DUPONT »\n"
            "edusync run : le passage r1 ...\n"
            "{} {0} %v : printed as they are\n");
}

TEST(Log, AServiceLoggerGetsTheMessageAndTheFields) {
  std::ostringstream out;
  auto logger = std::make_shared<spdlog::logger>(
      "service", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_pattern("%l|%v");
  log::use_logger(logger);
  log::event(log::Level::warn, "ldap-sambaedu", "LDAP_RECONNECT", "nouvel essai",
             {{"connector", "se3"}, {"error", "Can't contact LDAP server"}, {"quote", "a\"b"}});
  log::use_logger(nullptr);
  testing::internal::CaptureStderr();
  log::event(log::Level::info, "run", "RUN_BACK", "de retour sur stderr");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "de retour sur stderr\n");
  EXPECT_EQ(out.str(),
            "warning|nouvel essai connector=se3 error=\"Can't contact LDAP server\" "
            "quote=\"a\\\"b\"\n");
}

TEST(Log, ACapturePutsThePreviousSinkBack) {
  std::vector<std::string> seen;
  log::set_sink([&seen](const log::Event& event) { seen.push_back(event.code); });
  {
    const log::Capture capture;
    log::event(log::Level::info, "run", "DURING", "pendant");
    EXPECT_EQ(capture.events().size(), 1u);
  }
  log::event(log::Level::info, "run", "AFTER", "après");
  log::set_sink({});
  EXPECT_EQ(seen, std::vector<std::string>{"AFTER"});
}

// The SambaEdu connector's warning about a readable bind password file: on stderr exactly as
// before (the warning's message, which the report shows too), as an event with its fields, and
// never with the secret.
TEST(Log, TheExposedBindPasswordFileLineIsUnchanged) {
  test::TempDir dir;
  const std::string secret = dir.write("bind.secret", "s3cret\n");
  ::chmod(secret.c_str(), 0644);
  const auto connector = connectors::builtin_registry().create(
      test::connector_config("se3", "ldap-sambaedu",
                             {{"uri", "ldap://127.0.0.1:9"},
                              {"bind_dn", "cn=admin,dc=example"},
                              {"bind_password_file", secret},
                              {"base_dn", ""}}));
  plan::Plan plan;
  const model::Directory empty;
  const std::map<std::string, std::string> passwords;
  testing::internal::CaptureStderr();
  const auto printed = connector->apply({plan, empty, empty, passwords, "r", "2025-11-20"});
  const auto text = testing::internal::GetCapturedStderr();
  ASSERT_EQ(printed.warnings.size(), 1u);
  EXPECT_EQ(text, text::french(printed.warnings[0].message) + "\n");
  EXPECT_TRUE(text.starts_with("ldap-sambaedu se3 : le fichier du mot de passe de liaison "));

  const log::Capture capture;
  connector->apply({plan, empty, empty, passwords, "r", "2025-11-20"});
  const auto events = capture.with_code("LDAP_BIND_PASSWORD_FILE_EXPOSED");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].component, "ldap-sambaedu");
  EXPECT_EQ(events[0].message, text::french(printed.warnings[0].message));
  EXPECT_EQ(events[0].field("connector"), "se3");
  EXPECT_EQ(events[0].field("file"), secret);
  EXPECT_EQ(events[0].field("mode"), "0644");
  EXPECT_EQ(log::with_fields(events[0]).find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace edusync
