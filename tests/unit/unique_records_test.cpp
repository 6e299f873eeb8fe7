#include "sources/parsers/unique_records.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

namespace edusync::sources {
namespace {

// Appends the membership, and removes it again when an earlier one has its key.
void add(std::deque<TimetableMembership>& list, UniqueMemberships& unique, const char* pupil,
         const char* structure, const char* entry = "") {
  list.push_back({pupil, structure, entry, {}, 0});
  if (!unique.last_is_new()) list.pop_back();
}

TEST(UniqueRecords, AMembershipIsKeptOnceWhateverItsDates) {
  std::deque<TimetableMembership> list;
  UniqueMemberships unique(list);
  add(list, unique, "eleve:1", "gpe:6E1:ANG", "2025-09-01");
  add(list, unique, "eleve:1", "gpe:6E1:ANG", "2025-10-01");
  add(list, unique, "eleve:1", "gpe:6E1:ESP");
  add(list, unique, "eleve:2", "gpe:6E1:ANG");
  add(list, unique, "gpe:6E1:ANG", "eleve:1");  // the order of the fields counts
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].entry_date, "2025-09-01") << "the first one is kept";
}

TEST(UniqueRecords, FieldsThatJoinToTheSameTextAreStillDifferentRecords) {
  std::deque<TimetableMembership> list;
  UniqueMemberships unique(list);
  add(list, unique, "ab", "c");
  add(list, unique, "a", "bc");
  add(list, unique, "abc", "");
  add(list, unique, "", "abc");
  add(list, unique, "ab", "c");
  EXPECT_EQ(list.size(), 4u);
}

TEST(UniqueRecords, ServicesNamedByIdAndByNameAreToldApart) {
  std::vector<TimetableService> list;
  UniqueServices unique(list);
  const auto add_service = [&](TimetableService service) {
    list.push_back(std::move(service));
    if (!unique.last_is_new()) list.pop_back();
  };
  TimetableService by_id;
  by_id.teacher_id = "prof:7";
  by_id.subject_id = "mat:ANG";
  by_id.structure_id = "div:6E1";
  TimetableService by_name;
  by_name.teacher_surname = "prof:7";  // the same text in another field
  by_name.subject_id = "mat:ANG";
  by_name.structure_id = "div:6E1";
  add_service(by_id);
  add_service(by_name);
  by_id.line = 12;  // another slot of the same course
  add_service(by_id);
  for (int i = 0; i < 10'000; ++i) {  // past several rehashes, every position still found
    TimetableService other = by_id;
    other.structure_id = "gpe:" + std::to_string(i % 5'000);
    add_service(other);
  }
  EXPECT_EQ(list.size(), 2u + 5'000u);
}

}  // namespace
}  // namespace edusync::sources
