// The notes of the seed 004 §3 table and the office rules, each as a story: ※1 and ※3 (a doctor of
// the institution that was sent the 主治医意見書作成依頼, for 30 days from the 申請書提出日: day 30
// visible, day 31 not; a doctor of another institution refused), ※2 (care managers only), ※4; an
// office before its 本人確認; an office whose claims stopped, judged from the 明細書 kaigo holds.
#include <gtest/gtest.h>

#include "support/platform_world.hpp"

namespace kaigo::testing {
namespace {

using platform::ViewKind;


class Notes : public ::testing::Test {
 protected:
  void SetUp() override {
    w.golive("131013", "20260601");
    auto a = w.load(linkage_file(full_person(kPerson, "20260701")), "2026-07-01T18:00:00");
    ASSERT_EQ(a.status, platform::FileStatus::Done);
  }
  PlatformWorld w;
};

TEST_F(Notes, Note3ADoctorOfTheRequestedClinicSeesTheSurveyFor30DaysFromTheApplication) {
  ASSERT_TRUE(w.request(kPerson, PlatformWorld::kClinic, "20260701", "20260703").ok);
  // Submitted on 2026-07-01: day 30 is 2026-07-31 (民法140条: the first day is not counted).
  auto day30 = w.view("KJ0000000601", kPerson, ViewKind::Survey, "2026-07-31T23:59:59");
  EXPECT_TRUE(day30.decision.allowed) << day30.decision.rule;
  EXPECT_EQ(day30.decision.note, "※3");
  ASSERT_EQ(day30.records.size(), 1u);
  EXPECT_EQ(day30.records[0].record_id, "S1");
  auto opinion30 = w.view("KJ0000000602", kPerson, ViewKind::Opinion, "2026-07-31T09:00:00");  // 医師事務作業補助者
  EXPECT_TRUE(opinion30.decision.allowed);
  auto day31 = w.view("KJ0000000601", kPerson, ViewKind::Survey, "2026-08-01T00:00:00");
  EXPECT_FALSE(day31.decision.allowed);
  EXPECT_EQ(day31.decision.rule, "outside-window");
  EXPECT_EQ(day31.decision.note, "※3");
  EXPECT_EQ(day31.decision.facts["last_day"], "20260731");
  EXPECT_TRUE(day31.records.empty());
  // The card is not under ※3: the clinic that was sent the request still sees it.
  EXPECT_TRUE(w.view("KJ0000000601", kPerson, ViewKind::Card, "2026-08-01T00:00:00").decision.allowed);
}

TEST_F(Notes, Note3ADoctorOfAnotherClinicIsRefused) {
  ASSERT_TRUE(w.request(kPerson, PlatformWorld::kClinic, "20260701").ok);
  auto v = w.view("KJ0000000604", kPerson, ViewKind::Opinion, "2026-07-10T10:00:00");
  EXPECT_FALSE(v.decision.allowed);
  EXPECT_EQ(v.decision.rule, "no-request");
  EXPECT_EQ(v.decision.facts["institution"], "1310000002");
  // Nor the card: a clinic sees a person only once sent a request for them.
  EXPECT_EQ(w.view("KJ0000000604", kPerson, ViewKind::Card, "2026-07-10T10:00:00").decision.rule, "no-request");
}

TEST_F(Notes, Note1ADoctorOfTheRequestedFacilityForThirtyDaysAndNotAnotherFacilitysDoctor) {
  ASSERT_TRUE(w.request(kPerson, PlatformWorld::kRoken, "20260701", "20260702").ok);
  auto seen = w.view("KJ0000000401", kPerson, ViewKind::Opinion, "2026-07-31T10:00:00");
  EXPECT_TRUE(seen.decision.allowed) << seen.decision.rule;
  EXPECT_EQ(seen.decision.note, "※1");
  EXPECT_EQ(w.view("KJ0000000401", kPerson, ViewKind::Opinion, "2026-08-01T10:00:00").decision.rule, "outside-window");
  auto other = w.view("KJ0000000404", kPerson, ViewKind::Opinion, "2026-07-10T10:00:00");  // 介護医療院の医師
  EXPECT_EQ(other.decision.rule, "no-request");
  EXPECT_EQ(other.decision.note, "※1");
}

TEST_F(Notes, Note2CareManagersOfAFacilityOrAnOfficeOnlyAndLikeACareManagementOffice) {
  // Without 本人確認 the care manager is refused like a 居宅介護支援事業所 would be.
  EXPECT_EQ(w.view("KJ0000000402", kPerson, ViewKind::Survey, "2026-07-10T10:00:00").decision.rule, "no-identification");
  ASSERT_TRUE(w.identify("KJ0000000402", kPerson, "2026-07-05T10:00:00").ok);
  ASSERT_TRUE(w.identify("KJ0000000501", kPerson, "2026-07-05T10:00:00").ok);
  auto facility = w.view("KJ0000000402", kPerson, ViewKind::Survey, "2026-07-10T10:00:00");
  EXPECT_TRUE(facility.decision.allowed);
  EXPECT_EQ(facility.decision.note, "※2");
  auto office = w.view("KJ0000000501", kPerson, ViewKind::Opinion, "2026-07-10T10:00:00");
  EXPECT_TRUE(office.decision.allowed);
  EXPECT_EQ(office.decision.note, "※2");
  auto clerk = w.view("KJ0000000403", kPerson, ViewKind::Survey, "2026-07-10T10:00:00");
  EXPECT_EQ(clerk.decision.rule, "job-not-allowed");
  EXPECT_EQ(w.view("KJ0000000502", kPerson, ViewKind::Survey, "2026-07-10T10:00:00").decision.rule, "job-not-allowed");
  // The same clerk sees the card (○ for every job).
  EXPECT_TRUE(w.view("KJ0000000403", kPerson, ViewKind::Card, "2026-07-10T10:00:00").decision.allowed);
}

TEST_F(Notes, Note4ThePersonSeesTheirApplicationButNotTheSurvey) {
  auto app = w.view("KJ0000000101", kPerson, ViewKind::Application, "2026-07-10T10:00:00");
  EXPECT_TRUE(app.decision.allowed);
  EXPECT_EQ(app.decision.note, "※4");
  ASSERT_EQ(app.records.size(), 1u);
  EXPECT_EQ(app.records[0].data, R"({"application_kind":"2","consent":"1","form":"1"})");
  EXPECT_EQ(w.view("KJ0000000101", kPerson, ViewKind::Survey, "2026-07-10T10:00:00").decision.rule, "blank-cell");
}

TEST_F(Notes, AnOfficeBeforeItsIdentityCheckSeesNothing) {
  auto before = w.view("KJ0000000301", kPerson, ViewKind::Card, "2026-07-10T10:00:00");
  EXPECT_FALSE(before.decision.allowed);
  EXPECT_EQ(before.decision.rule, "no-identification");
  EXPECT_TRUE(before.records.empty());
  ASSERT_TRUE(w.identify("KJ0000000302", kPerson, "2026-07-10T10:30:00").ok);  // any staff of the office
  EXPECT_TRUE(w.view("KJ0000000301", kPerson, ViewKind::Card, "2026-07-10T10:31:00").decision.allowed);
  // The identity check is the office's, not the user's: another office still sees nothing.
  EXPECT_EQ(w.view("KJ0000000501", kPerson, ViewKind::Card, "2026-07-10T10:31:00").decision.rule, "no-identification");
}

TEST_F(Notes, AnIdentityCheckByFourItemsMustMatchTheRegistration) {
  auto& p = w.platform();
  const auto& u = w.user("KJ0000000301");
  auto wrong = p.identify(u, {u.id, "test", jst("2026-07-10T10:00:00")}, kPerson, platform::IdentifyMethod::FourItems,
                          {"19400102", "ヤマダタロウ"});
  EXPECT_EQ(wrong.rule, "identify-mismatch");
  auto right = p.identify(u, {u.id, "test", jst("2026-07-10T10:00:00")}, kPerson, platform::IdentifyMethod::FourItems,
                          {"19400101", "ヤマダ　タロウ"});
  EXPECT_TRUE(right.ok) << right.rule;
  auto unknown = p.identify(u, {u.id, "test", jst("2026-07-10T10:00:00")}, {"131013", "9000000099"},
                            platform::IdentifyMethod::Card, {});
  EXPECT_EQ(unknown.rule, "identify-unknown-person");
}

// The serving rule against the 明細書 of the generated month (services of 2026-07, received
// 2026-08-05): serving_months 3 keeps an office's view until the end of the third month after the
// later of its identity check and its latest 明細書.
TEST(PlatformServing, AnOfficeWhoseClaimsStoppedNoLongerSeesThePerson) {
  PlatformWorld w;
  const auto client = w.client();
  ASSERT_FALSE(client.insured_no.empty());
  w.golive(client.insurer_no, "20260401");
  ASSERT_EQ(w.load(linkage_file({full_person(client, "20250420")[0], full_person(client, "20250420")[1]})).status,
            platform::FileStatus::Done);
  ASSERT_TRUE(w.identify("KJ0000000301", client, "2026-04-02T10:00:00").ok);
  ASSERT_TRUE(w.identify("KJ0000000402", client, "2026-04-02T10:00:00").ok);  // a facility with no claims for them
  // The care-management office sent the 様式第七 明細書 of 2026-07 for this client: visible through 2026-10-31.
  auto serving = w.view("KJ0000000301", client, ViewKind::Card, "2026-10-31T23:00:00");
  EXPECT_TRUE(serving.decision.allowed) << serving.decision.rule;
  auto stopped = w.view("KJ0000000301", client, ViewKind::Card, "2026-11-01T09:00:00");
  EXPECT_FALSE(stopped.decision.allowed);
  EXPECT_EQ(stopped.decision.rule, "not-serving");
  EXPECT_EQ(stopped.decision.facts["latest_claim_month"], "202607");
  EXPECT_EQ(stopped.decision.facts["serving_until"], "20261031");
  // Before the claims were received (2026-08-05) only the identity check counted: until 2026-07-31.
  EXPECT_EQ(w.view("KJ0000000301", client, ViewKind::Card, "2026-08-01T09:00:00").decision.rule, "not-serving");
  EXPECT_TRUE(w.view("KJ0000000301", client, ViewKind::Card, "2026-08-05T10:00:00").decision.allowed);
  // The office without claims for this person stops on 2026-07-31.
  EXPECT_TRUE(w.view("KJ0000000402", client, ViewKind::Card, "2026-07-31T09:00:00").decision.allowed);
  EXPECT_EQ(w.view("KJ0000000402", client, ViewKind::Card, "2026-08-10T09:00:00").decision.rule, "not-serving");
}

TEST(PlatformServing, TheWindowIsASetting) {
  PlatformWorld w(1);  // [platform] serving_months = 1
  const auto client = w.client();
  w.golive(client.insurer_no, "20260401");
  ASSERT_EQ(w.load(linkage_file({full_person(client, "20250420")[0]})).status, platform::FileStatus::Done);
  ASSERT_TRUE(w.identify("KJ0000000301", client, "2026-04-02T10:00:00").ok);
  EXPECT_TRUE(w.view("KJ0000000301", client, ViewKind::Card, "2026-08-31T09:00:00").decision.allowed);
  EXPECT_EQ(w.view("KJ0000000301", client, ViewKind::Card, "2026-09-01T09:00:00").decision.rule, "not-serving");
}

}  // namespace
}  // namespace kaigo::testing
