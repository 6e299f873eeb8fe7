#include "sources/parsers/seen_keys.hpp"

#include <gtest/gtest.h>

#include <string>

namespace edusync::sources {
namespace {

TEST(SeenKeys, ATupleIsNewOnceThenSeen) {
  SeenKeys seen;
  EXPECT_TRUE(seen.first_time({"eleve:1", "groupe:7"}));
  EXPECT_FALSE(seen.first_time({"eleve:1", "groupe:7"}));
  EXPECT_TRUE(seen.first_time({"eleve:1", "groupe:8"}));
  EXPECT_TRUE(seen.first_time({"groupe:7", "eleve:1"}));  // the order of the fields counts
}

TEST(SeenKeys, FieldsThatJoinToTheSameTextAreStillDifferentTuples) {
  SeenKeys seen;
  EXPECT_TRUE(seen.first_time({"ab", "c"}));
  EXPECT_TRUE(seen.first_time({"a", "bc"}));
  EXPECT_TRUE(seen.first_time({"abc", ""}));
  EXPECT_TRUE(seen.first_time({"", "abc"}));
  EXPECT_TRUE(seen.first_time({"abc"}));
  const std::string with_separators("a\0\0\0\1b", 6);  // bytes that look like a length prefix
  EXPECT_TRUE(seen.first_time({with_separators}));
  EXPECT_FALSE(seen.first_time({"ab", "c"}));
}

}  // namespace
}  // namespace edusync::sources
