// The coalescing of triggers into at most one waiting run (service/run_queue.hpp).
#include "service/run_queue.hpp"

#include <gtest/gtest.h>

namespace edusync::service {
namespace {

Trigger trigger(TriggerKind kind, bool recompute = false,
                std::optional<std::string> only = std::nullopt) {
  Trigger t;
  t.kind = kind;
  t.recompute = recompute;
  t.only = std::move(only);
  return t;
}

TEST(RunQueue, ABurstOfTriggersMakesOneRun) {
  RunQueue queue;
  EXPECT_TRUE(queue.empty());
  for (int i = 0; i < 5; ++i) queue.push(trigger(TriggerKind::inbox));
  queue.push(trigger(TriggerKind::resync));
  EXPECT_EQ(queue.merged().size(), 6u);
  const auto run = queue.pop();
  ASSERT_TRUE(run);
  EXPECT_EQ(run->kind, TriggerKind::inbox);
  EXPECT_TRUE(queue.empty());
  EXPECT_TRUE(queue.merged().empty());
  EXPECT_FALSE(queue.pop());
}

TEST(RunQueue, TheMergedRunRecomputesIfAnyAskedForIt) {
  RunQueue queue;
  queue.push(trigger(TriggerKind::schedule));
  queue.push(trigger(TriggerKind::resync, true));
  queue.push(trigger(TriggerKind::inbox));
  EXPECT_TRUE(queue.pop()->recompute);
}

TEST(RunQueue, OneConnectorOnlyWhenEveryTriggerNamedIt) {
  RunQueue same;
  same.push(trigger(TriggerKind::resync, false, "ent"));
  same.push(trigger(TriggerKind::resync, false, "ent"));
  EXPECT_EQ(same.pop()->only, std::optional<std::string>("ent"));

  RunQueue other;
  other.push(trigger(TriggerKind::resync, false, "ent"));
  other.push(trigger(TriggerKind::resync, false, "koxo"));
  EXPECT_FALSE(other.pop()->only);

  RunQueue all;
  all.push(trigger(TriggerKind::resync, false, "ent"));
  all.push(trigger(TriggerKind::inbox));
  EXPECT_FALSE(all.pop()->only);
}

TEST(RunQueue, AConfirmationStaysAConfirmationOfTheLatestRunNamed) {
  RunQueue queue;
  queue.push(trigger(TriggerKind::inbox));
  auto confirm = trigger(TriggerKind::confirm);
  confirm.confirm_run = "20251120T023000Z-1";
  queue.push(confirm);
  queue.push(trigger(TriggerKind::schedule));
  const auto run = queue.pop();
  EXPECT_EQ(run->kind, TriggerKind::confirm);
  EXPECT_EQ(run->confirm_run, "20251120T023000Z-1");
}

TEST(RunQueue, KindsHaveStableNames) {
  EXPECT_EQ(to_string(TriggerKind::schedule), "schedule");
  EXPECT_EQ(to_string(TriggerKind::inbox), "inbox");
  EXPECT_EQ(to_string(TriggerKind::resync), "resync");
  EXPECT_EQ(to_string(TriggerKind::confirm), "confirm");
}

}  // namespace
}  // namespace edusync::service
