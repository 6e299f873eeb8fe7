// The `schedule` key: one slot or a list of them, French and English day names and ranges, an
// empty list, and every refused value reported at its own line:column.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/schedule_slot.hpp"
#include "connectors/registry.hpp"

namespace edusync::config {
namespace {

using std::chrono::minutes;

const std::string kMinimal = "school:\n  uai: 0140065T\n  name: Collège Exemple\n";

LoadResult load(const std::string& text) {
  static const ConnectorTables tables = connectors::builtin_registry().key_tables();
  return load_config_from_string(text, "test.yaml", tables);
}

std::string problems_of(const LoadResult& result) {
  std::string text;
  for (const auto& problem : result.problems) text += format_problem(problem, "en") + "\n";
  return text;
}

std::vector<ScheduleSlot> schedule_of(const std::string& yaml) {
  const auto result = load(kMinimal + yaml);
  EXPECT_TRUE(result.config) << problems_of(result);
  return result.config ? result.config->schedule : std::vector<ScheduleSlot>{};
}

constexpr std::uint8_t kMondayToFriday = 0x1f;
constexpr std::uint8_t kSaturday = 0x20;
constexpr std::uint8_t kSunday = 0x40;

TEST(ConfigSchedule, SingleStringIsOneSlot) {
  EXPECT_EQ(schedule_of("schedule: \"23:05\"\n"),
            (std::vector<ScheduleSlot>{{ScheduleSlot::kEveryDay, minutes(23 * 60 + 5)}}));
  EXPECT_EQ(schedule_of("schedule: 00:00\n"),
            (std::vector<ScheduleSlot>{{ScheduleSlot::kEveryDay, minutes(0)}}));
  EXPECT_EQ(schedule_of("schedule: lun-ven 02:30\n"),
            (std::vector<ScheduleSlot>{{kMondayToFriday, minutes(150)}}));
}

TEST(ConfigSchedule, ListOfSlotsInEitherLanguage) {
  const std::vector<ScheduleSlot> expected = {
      {kMondayToFriday, minutes(150)},
      {kSaturday | kSunday, minutes(360)},
      {ScheduleSlot::kEveryDay, minutes(23 * 60 + 59)},
  };
  EXPECT_EQ(schedule_of("schedule: [\"lun-ven 02:30\", \"sam,dim 06:00\", \"23:59\"]\n"), expected);
  EXPECT_EQ(schedule_of("schedule:\n  - mon-fri 02:30\n  - Sat, SUN 06:00\n  - \"23:59\"\n"),
            expected);
  // Ranges and single days mixed; a range may wrap after Sunday; spaces around - are allowed.
  EXPECT_EQ(schedule_of("schedule: [\"lun,mer-ven 07:00\", \"sam - lun 12:00\"]\n"),
            (std::vector<ScheduleSlot>{{0x1d, minutes(420)}, {0x61, minutes(720)}}));
}

TEST(ConfigSchedule, EmptyListMeansNoScheduledRun) {
  EXPECT_TRUE(schedule_of("schedule: []\n").empty());
}

TEST(ConfigSchedule, RefusedValuesAreReportedEachAtItsPlace) {
  const auto result = load(kMinimal +
                           "schedule:\n"
                           "  - lun-ven 02:30\n"
                           "  - lundi 02:30\n"
                           "  - sam 6:00\n"
                           "  - lun,,mar 02:30\n"
                           "  - lun-mar-mer 02:30\n"
                           "  - xyz 02:30\n"
                           "  - {at: 02:30}\n"
                           "  - \"24:00\"\n");
  EXPECT_FALSE(result.config);
  EXPECT_EQ(problems_of(result),
            "test.yaml:6:5: schedule: unknown day \"lundi\" in \"lundi 02:30\": days are mon, tue, "
            "wed, thu, fri, sat, sun or lun, mar, mer, jeu, ven, sam, dim (did you mean \"lun\"?)\n"
            "test.yaml:7:5: schedule: expected time HH:MM after the days, got \"6:00\" in \"sam "
            "6:00\"\n"
            "test.yaml:8:5: schedule: empty day in \"lun,,mar 02:30\"\n"
            "test.yaml:9:5: schedule: \"lun-mar-mer\" is neither a day nor a range of two days in "
            "\"lun-mar-mer 02:30\"\n"
            "test.yaml:10:5: schedule: unknown day \"xyz\" in \"xyz 02:30\": days are mon, tue, "
            "wed, thu, fri, sat, sun or lun, mar, mer, jeu, ven, sam, dim\n"
            "test.yaml:11:5: schedule: expected a slot \"HH:MM\" or \"DAYS HH:MM\", got a map\n"
            "test.yaml:12:5: schedule: expected time HH:MM, got \"24:00\"\n");
}

TEST(ConfigSchedule, RefusedSingleValues) {
  const auto problem = [](const std::string& yaml) { return problems_of(load(kMinimal + yaml)); };
  EXPECT_EQ(problem("schedule: \"\"\n"),
            "test.yaml:4:11: schedule: expected time HH:MM, got \"\"\n");
  EXPECT_EQ(problem("schedule: \"lun- 02:30\"\n"),
            "test.yaml:4:11: schedule: empty day in \"lun- 02:30\"\n");
  EXPECT_EQ(problem("schedule: {lun: 02:30}\n"),
            "test.yaml:4:11: schedule: expected time HH:MM, days and a time such as lun-ven "
            "02:30, or a list of them, got a map\n");
  EXPECT_EQ(problem("schedule:\n"),
            "test.yaml:4:1: schedule: no value given (leave the key out for the default, "
            "\"02:30\")\n");
}

TEST(ConfigSchedule, FormattedSlotReadsBackAsTheSameSlot) {
  for (unsigned days = 1; days <= ScheduleSlot::kEveryDay; ++days) {
    const ScheduleSlot slot{static_cast<std::uint8_t>(days), minutes(days * 11)};
    const auto text = format_schedule_slot(slot);
    const auto parsed = parse_schedule_slot(text);
    ASSERT_TRUE(std::holds_alternative<ScheduleSlot>(parsed)) << text;
    EXPECT_EQ(std::get<ScheduleSlot>(parsed), slot) << text;
  }
  EXPECT_EQ(format_schedule_slot({ScheduleSlot::kEveryDay, minutes(150)}), "02:30");
  EXPECT_EQ(format_schedule_slot({kMondayToFriday, minutes(150)}), "lun-ven 02:30");
  EXPECT_EQ(format_schedule_slot({kSaturday | kSunday, minutes(360)}), "sam,dim 06:00");
  EXPECT_EQ(format_schedule_slot({0x5d, minutes(1439)}), "lun,mer-ven,dim 23:59");
}

}  // namespace
}  // namespace edusync::config
