// service::Schedule and the record of the last slot run: slot instants in Europe/Paris on
// ordinary days, day lists and ranges, both summer-time nights (the shifted slot, no double
// run, no night skipped), slots missed while the service was down, and schedule.last on disk.
#include "service/schedule.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <time.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/log.hpp"
#include "service/last_slot.hpp"
#include "support/test_support.hpp"

namespace edusync::service {
namespace {

using namespace std::chrono_literals;

// The process's zone is Europe/Paris for the test, the previous TZ put back after it. Without
// the zone database, the POSIX rule Europe/Paris follows since 1996 gives the same instants.
class ScheduleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* previous = std::getenv("TZ")) previous_ = previous;
    const bool database = std::filesystem::exists("/usr/share/zoneinfo/Europe/Paris");
    ::setenv("TZ", database ? "Europe/Paris" : "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    ::tzset();
  }
  void TearDown() override {
    if (previous_) {
      ::setenv("TZ", previous_->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }

 private:
  std::optional<std::string> previous_;
};

SystemTime utc(const std::string& iso) {
  const auto time = parse_utc(iso);
  if (!time) throw std::invalid_argument("not a UTC instant: " + iso);
  return *time;
}

Schedule schedule_of(const std::vector<std::string>& texts) {
  std::vector<config::ScheduleSlot> slots;
  for (const auto& text : texts) {
    auto slot = config::parse_schedule_slot(text);
    if (auto* error = std::get_if<text::Message>(&slot))
      throw std::invalid_argument(text::render(*error, "en"));
    slots.push_back(std::get<config::ScheduleSlot>(slot));
  }
  return Schedule(std::move(slots));
}

// next_slot() applied `count` times from `from`, as UTC text.
std::vector<std::string> next_slots(const Schedule& schedule, const std::string& from, int count) {
  std::vector<std::string> instants;
  SystemTime after = utc(from);
  for (int i = 0; i < count; ++i) {
    const auto next = schedule.next_slot(after);
    if (!next) break;
    instants.push_back(format_utc(*next));
    after = *next;
  }
  return instants;
}

std::optional<std::string> missed(const Schedule& schedule, const std::string& last_done,
                                  const std::string& now) {
  const auto slot = schedule.missed_slot(utc(last_done), utc(now));
  if (!slot) return std::nullopt;
  return format_utc(*slot);
}

TEST_F(ScheduleTest, EveryDaySlotInWinterAndSummer) {
  const auto schedule = schedule_of({"02:30"});
  // Thursday 3 December 2026, 01:00 local (CET, UTC+1).
  EXPECT_EQ(format_utc(*schedule.next_slot(utc("2026-12-03T00:00:00Z"))), "2026-12-03T01:30:00Z");
  // Strictly after: at the slot itself, the next one is tomorrow's; just before it, it is it.
  EXPECT_EQ(format_utc(*schedule.next_slot(utc("2026-12-03T01:30:00Z"))), "2026-12-04T01:30:00Z");
  EXPECT_EQ(format_utc(*schedule.next_slot(utc("2026-12-03T01:30:00Z") - 500ms)),
            "2026-12-03T01:30:00Z");
  // After the slot in the evening: tomorrow, across local midnight.
  EXPECT_EQ(format_utc(*schedule.next_slot(utc("2026-12-03T22:59:59Z"))), "2026-12-04T01:30:00Z");
  EXPECT_EQ(format_utc(*schedule.next_slot(utc("2026-12-03T23:00:00Z"))), "2026-12-04T01:30:00Z");
  // 1 July: summer time, UTC+2.
  EXPECT_EQ(format_utc(*schedule.next_slot(utc("2026-07-01T00:00:00Z"))), "2026-07-01T00:30:00Z");
}

TEST_F(ScheduleTest, EmptyScheduleHasNoSlot) {
  const Schedule schedule({});
  EXPECT_TRUE(schedule.empty());
  EXPECT_FALSE(schedule.next_slot(utc("2026-12-03T00:00:00Z")));
  EXPECT_FALSE(schedule.missed_slot(utc("2020-01-01T00:00:00Z"), utc("2026-12-03T00:00:00Z")));
}

TEST_F(ScheduleTest, WeekdaysAndWeekendAcrossTheWeek) {
  const auto schedule = schedule_of({"lun-ven 02:30", "sam,dim 06:00"});
  // From Thursday 3 December 2026, 12:00 local.
  EXPECT_EQ(next_slots(schedule, "2026-12-03T11:00:00Z", 6),
            (std::vector<std::string>{
                "2026-12-04T01:30:00Z",  // Friday 02:30
                "2026-12-05T05:00:00Z",  // Saturday 06:00
                "2026-12-06T05:00:00Z",  // Sunday 06:00
                "2026-12-07T01:30:00Z",  // Monday 02:30
                "2026-12-08T01:30:00Z",  // Tuesday
                "2026-12-09T01:30:00Z",  // Wednesday
            }));
}

TEST_F(ScheduleTest, OneDayAWeekWaitsForItsDay) {
  // From Thursday afternoon, the next Wednesday: six days on.
  EXPECT_EQ(next_slots(schedule_of({"mer 13:00"}), "2026-12-03T14:00:00Z", 2),
            (std::vector<std::string>{"2026-12-09T12:00:00Z", "2026-12-16T12:00:00Z"}));
  // Thursday's own slot, already past by 1 second: a week later.
  EXPECT_EQ(next_slots(schedule_of({"jeu 13:00"}), "2026-12-03T12:00:01Z", 1),
            (std::vector<std::string>{"2026-12-10T12:00:00Z"}));
}

TEST_F(ScheduleTest, RangeWrapsAfterSundayAndEnglishNamesAreTheSameDays) {
  // sam-lun: Saturday, Sunday, Monday; then nothing until the next Saturday.
  EXPECT_EQ(next_slots(schedule_of({"sam-lun 23:45"}), "2026-12-03T00:00:00Z", 4),
            (std::vector<std::string>{"2026-12-05T22:45:00Z", "2026-12-06T22:45:00Z",
                                      "2026-12-07T22:45:00Z", "2026-12-12T22:45:00Z"}));
  EXPECT_EQ(next_slots(schedule_of({"Mon-FRI 02:30"}), "2026-12-03T11:00:00Z", 3),
            next_slots(schedule_of({"lun-ven 02:30"}), "2026-12-03T11:00:00Z", 3));
}

TEST_F(ScheduleTest, OverlappingSlotsAreOneRun) {
  // Every day and Thursday at the same time: one instant on Thursday, not two.
  EXPECT_EQ(next_slots(schedule_of({"02:30", "jeu 02:30"}), "2026-12-02T12:00:00Z", 2),
            (std::vector<std::string>{"2026-12-03T01:30:00Z", "2026-12-04T01:30:00Z"}));
}

TEST_F(ScheduleTest, SpringForwardSlotInTheSkippedHourRunsOnceAtItsEnd) {
  // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC; 02:30 does not exist.
  EXPECT_EQ(next_slots(schedule_of({"02:30"}), "2026-03-27T00:00:00Z", 5),
            (std::vector<std::string>{
                "2026-03-27T01:30:00Z",  // Friday, CET
                "2026-03-28T01:30:00Z",  // Saturday, CET
                "2026-03-29T01:00:00Z",  // Sunday: 03:00 CEST, the first instant after 02:30
                "2026-03-30T00:30:00Z",  // Monday, CEST
                "2026-03-31T00:30:00Z",
            }));
  // Slots of the skipped hour and the one at its end fall together: one run that night.
  EXPECT_EQ(
      next_slots(schedule_of({"02:00", "02:15", "02:59", "03:00"}), "2026-03-28T12:00:00Z", 2),
      (std::vector<std::string>{"2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z"}));
  // Slots on either side of the gap keep their own time.
  EXPECT_EQ(next_slots(schedule_of({"01:59", "03:01"}), "2026-03-28T12:00:00Z", 2),
            (std::vector<std::string>{"2026-03-29T00:59:00Z", "2026-03-29T01:01:00Z"}));
  // Started late that night, the shifted slot is still caught up, once.
  const auto schedule = schedule_of({"02:30"});
  EXPECT_EQ(missed(schedule, "2026-03-28T01:30:00Z", "2026-03-29T06:00:00Z"),
            "2026-03-29T01:00:00Z");
  EXPECT_EQ(missed(schedule, "2026-03-29T01:00:00Z", "2026-03-29T06:00:00Z"), std::nullopt);
}

TEST_F(ScheduleTest, FallBackSlotInTheRepeatedHourRunsOnceAtItsFirstOccurrence) {
  // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:30 happens at 00:30
  // and at 01:30 UTC.
  const auto schedule = schedule_of({"02:30"});
  EXPECT_EQ(next_slots(schedule, "2026-10-23T00:00:00Z", 4),
            (std::vector<std::string>{
                "2026-10-23T00:30:00Z",  // Friday, CEST
                "2026-10-24T00:30:00Z",  // Saturday, CEST
                "2026-10-25T00:30:00Z",  // Sunday: the first 02:30, still CEST
                "2026-10-26T01:30:00Z",  // Monday, CET: the second 02:30 of Sunday is not a slot
            }));
  // Woken up (or started) during the second 02:30: the slot ran at the first, nothing is due.
  EXPECT_EQ(missed(schedule, "2026-10-25T00:30:00Z", "2026-10-25T01:45:00Z"), std::nullopt);
  EXPECT_EQ(format_utc(*schedule.next_slot(utc("2026-10-25T01:30:00Z"))), "2026-10-26T01:30:00Z");
  // A slot after the repeated hour, and one before it, happen once each.
  EXPECT_EQ(next_slots(schedule_of({"01:30", "03:00"}), "2026-10-24T12:00:00Z", 3),
            (std::vector<std::string>{"2026-10-24T23:30:00Z", "2026-10-25T02:00:00Z",
                                      "2026-10-26T00:30:00Z"}));
}

TEST_F(ScheduleTest, SlotSkippedAtTheEndOfTheDayRunsAtMidnight) {
  // A zone (POSIX rule) whose clocks go from 23:00 (UTC-3) to 00:00 (UTC-2) on the second
  // Sunday of March: on 8 March 2026, Sunday's 23:30 is shifted to Monday 00:00 local, once.
  ::setenv("TZ", "XST3XDT,M3.2.0/23,M11.1.0/1", 1);
  ::tzset();
  EXPECT_EQ(next_slots(schedule_of({"dim 23:30"}), "2026-03-08T12:00:00Z", 2),
            (std::vector<std::string>{"2026-03-09T02:00:00Z", "2026-03-16T01:30:00Z"}));
  EXPECT_EQ(next_slots(schedule_of({"23:30", "00:00"}), "2026-03-08T12:00:00Z", 2),
            (std::vector<std::string>{"2026-03-09T02:00:00Z", "2026-03-10T01:30:00Z"}));
}

TEST_F(ScheduleTest, MissedSlotNoneOneOrSeveral) {
  const auto schedule = schedule_of({"02:30"});
  // Last run this morning, now this evening: nothing missed.
  EXPECT_EQ(missed(schedule, "2026-12-03T01:30:00Z", "2026-12-03T20:00:00Z"), std::nullopt);
  // Down one night: that night's slot.
  EXPECT_EQ(missed(schedule, "2026-12-02T01:30:00Z", "2026-12-03T20:00:00Z"),
            "2026-12-03T01:30:00Z");
  // Down twelve nights, or a year: one run, for the latest slot.
  EXPECT_EQ(missed(schedule, "2026-11-21T01:30:00Z", "2026-12-03T20:00:00Z"),
            "2026-12-03T01:30:00Z");
  EXPECT_EQ(missed(schedule, "2025-12-01T01:30:00Z", "2026-12-03T20:00:00Z"),
            "2026-12-03T01:30:00Z");
  // The interval is (last_done, now]: a slot at now is due, the one at last_done is not.
  EXPECT_EQ(missed(schedule, "2026-12-02T01:30:00Z", "2026-12-03T01:30:00Z"),
            "2026-12-03T01:30:00Z");
  EXPECT_EQ(missed(schedule, "2026-12-03T01:30:00Z", "2026-12-03T01:30:00Z"), std::nullopt);
  // A clock set back below the last run: nothing, and no run twice.
  EXPECT_EQ(missed(schedule, "2026-12-03T01:30:00Z", "2026-12-02T20:00:00Z"), std::nullopt);
}

TEST_F(ScheduleTest, MissedSlotFollowsTheDays) {
  const auto schedule = schedule_of({"sam 06:00", "lun-ven 02:30"});
  // Thursday evening, last run on the Saturday a fortnight ago: this morning's.
  EXPECT_EQ(missed(schedule, "2026-11-21T05:00:00Z", "2026-12-03T20:00:00Z"),
            "2026-12-03T01:30:00Z");
  // Saturday noon, last run Friday's: Saturday's 06:00.
  EXPECT_EQ(missed(schedule, "2026-12-04T01:30:00Z", "2026-12-05T11:00:00Z"),
            "2026-12-05T05:00:00Z");
  // Sunday evening, after Saturday's run: no slot on Sunday.
  EXPECT_EQ(missed(schedule, "2026-12-05T05:00:00Z", "2026-12-06T20:00:00Z"), std::nullopt);
}

TEST(LastSlot, UtcTextRoundTrip) {
  const SystemTime epoch{};
  EXPECT_EQ(format_utc(epoch + 86401s), "1970-01-02T00:00:01Z");
  EXPECT_EQ(parse_utc("1970-01-02T00:00:01Z"), epoch + 86401s);
  EXPECT_EQ(format_utc(epoch + 86401s + 999ms), "1970-01-02T00:00:01Z");  // truncated
  const auto instant = parse_utc("2026-03-29T01:00:00Z");
  ASSERT_TRUE(instant);
  EXPECT_EQ(format_utc(*instant), "2026-03-29T01:00:00Z");
  for (const char* bad : {"", "2026-03-29 01:00:00Z", "2026-03-29T01:00:00", "2026-03-29T01:00Z",
                          "2026-02-30T01:00:00Z", "2026-03-29T24:00:00Z", "2026-03-29T01:60:00Z",
                          "2026-03-29T01:00:60Z", "+026-03-29T01:00:00Z", "2026-03-29T01:00:00z",
                          "1899-12-31T23:59:59Z"}) {
    EXPECT_FALSE(parse_utc(bad)) << bad;
  }
}

TEST(LastSlot, MissingFileIsNeverAndWritesReadBack) {
  test::TempDir dir;
  log::Capture capture;
  EXPECT_EQ(read_last_slot(dir.path()), std::nullopt);
  const auto slot = *parse_utc("2026-03-29T01:00:00Z");
  write_last_slot(dir.path(), slot);
  EXPECT_EQ(last_slot_path(dir.path()), dir.path() / "schedule.last");
  EXPECT_EQ(test::read_file(last_slot_path(dir.path()).string()), "2026-03-29T01:00:00Z\n");
  EXPECT_EQ(read_last_slot(dir.path()), slot);
  // Replaced, not appended; the temporary file is gone.
  write_last_slot(dir.path(), slot + 24h + 250ms);
  EXPECT_EQ(read_last_slot(dir.path()), slot + 24h);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
  EXPECT_EQ((std::filesystem::status(last_slot_path(dir.path())).permissions() &
             std::filesystem::perms::all),
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_TRUE(capture.events().empty());
}

TEST(LastSlot, CorruptFileIsReportedAndTakenAsNever) {
  test::TempDir dir;
  const std::string long_record(10000, '2');
  for (const std::string& content :
       {std::string("hier soir\n"), std::string(), std::string("2026-02-30T01:00:00Z\n"),
        "2026-03-29T01:00:00Z\n" + long_record}) {
    dir.write("schedule.last", content);
    log::Capture capture;
    EXPECT_EQ(read_last_slot(dir.path()), std::nullopt) << content;
    const auto events = capture.with_code("SCHEDULE_LAST_CORRUPT");
    ASSERT_EQ(events.size(), 1u) << content;
    EXPECT_EQ(events[0].level, log::Level::warn);
    EXPECT_EQ(events[0].field("path"), last_slot_path(dir.path()).string());
    EXPECT_NE(events[0].message.find("aucun créneau manqué n'est rattrapé"), std::string::npos);
    EXPECT_LT(events[0].message.size(), 600u);  // the content shown is bounded
  }
  dir.write("schedule.last", "hier soir\n");
  log::Capture capture;
  read_last_slot(dir.path());
  EXPECT_NE(capture.events().at(0).message.find("trouvé : « hier soir? »"), std::string::npos)
      << capture.events().at(0).message;
}

TEST(LastSlot, UnreadableFileIsReportedAndTakenAsNever) {
  test::TempDir dir;
  std::filesystem::create_directory(last_slot_path(dir.path()));
  log::Capture capture;
  EXPECT_EQ(read_last_slot(dir.path()), std::nullopt);
  const auto events = capture.with_code("SCHEDULE_LAST_UNREADABLE");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(events[0].message.find("est illisible"), std::string::npos) << events[0].message;
}

TEST(LastSlot, WriteFailureThrowsNamingTheFile) {
  test::TempDir dir;
  const auto missing = dir.path() / "absent";
  try {
    write_last_slot(missing, *parse_utc("2026-03-29T01:00:00Z"));
    FAIL() << "written in a missing directory";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find((missing / "schedule.last").string()),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace edusync::service
