// Every read of a person's information is in the audit chain (who, role, which person, which kind,
// under which rule), refused attempts too, and the person lists them (★: what the national system
// does not offer); the chain stays whole.
#include <gtest/gtest.h>

#include "support/platform_world.hpp"

namespace kaigo::testing {
namespace {

using platform::ViewKind;


TEST(PlatformAudit, EveryReadIsRecordedAndThePersonListsThem) {
  PlatformWorld w;
  w.golive("131013", "20260601");
  ASSERT_EQ(w.load(linkage_file(full_person(kPerson, "20260701")), "2026-07-01T18:00:00").status, platform::FileStatus::Done);
  ASSERT_TRUE(w.identify("KJ0000000301", kPerson, "2026-07-02T09:00:00").ok);
  ASSERT_TRUE(w.request(kPerson, PlatformWorld::kClinic, "20260701", "20260703").ok);
  auto care = w.view("KJ0000000301", kPerson, ViewKind::Survey, "2026-07-02T10:00:00");
  auto doctor = w.view("KJ0000000601", kPerson, ViewKind::Opinion, "2026-07-05T11:00:00");
  auto refused = w.view("KJ0000000604", kPerson, ViewKind::Opinion, "2026-07-05T11:30:00");
  auto city = w.view("KJ0000000201", kPerson, ViewKind::Housing, "2026-07-06T09:00:00");
  ASSERT_TRUE(care.decision.allowed && doctor.decision.allowed && city.decision.allowed);
  ASSERT_FALSE(refused.decision.allowed);
  // Reads about someone else are not in this person's log.
  w.view("KJ0000000201", {"131013", "9000000002"}, ViewKind::Card, "2026-07-06T09:30:00");

  const auto& me = w.user("KJ0000000101");
  auto reads = w.platform().own_reads(me, {me.id, "test", jst("2026-07-07T20:00:00")});
  ASSERT_TRUE(reads);
  ASSERT_EQ(reads->size(), 4u);
  const auto& r0 = (*reads)[0];
  EXPECT_EQ(r0.actor, "KJ0000000301");
  EXPECT_EQ(r0.at.str(), "2026-07-02T10:00:00");
  EXPECT_EQ(r0.action, "platform_view");
  EXPECT_EQ(r0.detail["role"], "office");
  EXPECT_EQ(r0.detail["job"], "care_manager");
  EXPECT_EQ(r0.detail["office_no"], "1370000001");
  EXPECT_EQ(r0.detail["viewer"], "support_office");
  EXPECT_EQ(r0.detail["kind"], "survey");
  EXPECT_EQ(r0.detail["rule"], "cell");
  EXPECT_EQ(r0.detail["count"], 1);
  EXPECT_EQ(r0.detail["records"], nlohmann::json::array({care.records[0].id}));
  EXPECT_EQ((*reads)[1].detail["institution"], "1310000001");
  EXPECT_EQ((*reads)[1].detail["note"], "※3");
  EXPECT_EQ((*reads)[2].action, "platform_view_refused");
  EXPECT_EQ((*reads)[2].detail["rule"], "no-request");
  EXPECT_EQ((*reads)[2].detail["allowed"], false);
  EXPECT_EQ((*reads)[3].detail["role"], "municipality");
  // Each view names its audit row; the person's listing is itself recorded; the chain is whole.
  EXPECT_EQ(r0.seq, care.audit_seq);
  EXPECT_EQ(w.audit_count(enum_code(auth::AuditAction::PlatformReadLog), kPerson), 1);
  EXPECT_TRUE(auth::verify_audit(w.auth()).ok());
  // Only the person lists their own reads.
  const auto& office = w.user("KJ0000000301");
  EXPECT_FALSE(w.platform().own_reads(office, {office.id, "test", jst("2026-07-07T20:00:00")}));
}

TEST(PlatformAudit, TheReadLogShowsWhatWasShownEvenAfterACorrection) {
  PlatformWorld w;
  w.golive("131013", "20260601");
  ASSERT_EQ(w.load(linkage_file(full_person(kPerson, "20260701"))).status, platform::FileStatus::Done);
  auto before = w.view("KJ0000000201", kPerson, ViewKind::Survey, "2026-07-02T10:00:00");
  ASSERT_EQ(w.load(linkage_file({"2,131013,9000000001,survey,S1,20260701,20260701,調査 一郎,1,訂正後の特記事項"})).updated, 1);
  auto after = w.view("KJ0000000201", kPerson, ViewKind::Survey, "2026-07-03T10:00:00");
  ASSERT_EQ(before.records.size(), 1u);
  ASSERT_EQ(after.records.size(), 1u);
  EXPECT_NE(before.records[0].id, after.records[0].id);
  // The version read first is still there, word for word.
  bool kept = false;
  for (const auto& r : w.repo().records(kPerson)) kept = kept || (r.id == before.records[0].id && r.data == before.records[0].data);
  EXPECT_TRUE(kept);
  auto log = w.platform().reads_of(kPerson);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].detail["records"][0], before.records[0].id);
  EXPECT_EQ(log[1].detail["records"][0], after.records[0].id);
}

}  // namespace
}  // namespace kaigo::testing
