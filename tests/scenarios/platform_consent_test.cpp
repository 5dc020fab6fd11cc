// 包括同意 by the three periods of seed 004 §3 and the go-live of each municipality (§2): consent on
// an application of 2026-03-31 or earlier is none; from 2026-04-01 on the new form it is consent,
// reaching the platform once the municipality is live; the old form after that date is none (§9
// No.5); revocation hides from then on; a 新規 application after the certification ended needs
// consent again (§8 No.7); a care manager may record it once the municipality is live (§8 No.10);
// while in force it covers earlier records too (§8 No.5). Nothing of a municipality's people is
// visible before its go-live, except the person's own 被保険者証 (マイナポータル from 2026-04-01).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "support/platform_world.hpp"

namespace kaigo::testing {
namespace {

using platform::ViewKind;


class Consent : public ::testing::Test {
 protected:
  // The person's records with the application of `applied_on` (consent `consent` on `form`), and
  // the care-management office verified on the day of the application.
  void person(const std::string& applied_on, const std::string& consent, const std::string& form, const char* golive) {
    w.golive("131013", golive);
    auto a = w.load(linkage_file(full_person(kPerson, applied_on, consent, form)), "2026-03-01T09:00:00");
    ASSERT_EQ(a.status, platform::FileStatus::Done) << platform::to_json(a).dump();
    ASSERT_TRUE(w.platform().repository().golive("131013"));
  }
  void verified(const char* at) { ASSERT_TRUE(w.identify("KJ0000000301", kPerson, at).ok); }
  platform::Decision survey(const char* at) { return w.view("KJ0000000301", kPerson, ViewKind::Survey, at).decision; }
  PlatformWorld w;
};

TEST_F(Consent, Period1AnApplicationOfMarch2026IsNotComprehensiveConsent) {
  person("20260315", "1", "2", "20260601");
  verified("2026-06-02T10:00:00");
  auto d = survey("2026-06-10T10:00:00");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "consent-before-2026-04");
  EXPECT_EQ(d.facts["consent_since"], "20260315");
  // Hatched cells only: the card and the housing use are shown all the same.
  EXPECT_TRUE(w.view("KJ0000000301", kPerson, ViewKind::Card, "2026-06-10T10:00:00").decision.allowed);
  EXPECT_TRUE(w.view("KJ0000000301", kPerson, ViewKind::Housing, "2026-06-10T10:00:00").decision.allowed);
  EXPECT_EQ(w.view("KJ0000000301", kPerson, ViewKind::Life, "2026-06-10T10:00:00").decision.rule, "consent-before-2026-04");
  EXPECT_EQ(w.view("KJ0000000301", kPerson, ViewKind::CarePlan, "2026-06-10T10:00:00").decision.rule, "consent-before-2026-04");
}

TEST_F(Consent, Period2ConsentBeforeGoLiveReachesThePlatformOnItsGoLiveDay) {
  person("20260510", "1", "1", "20261101");
  verified("2026-11-01T09:00:00");
  auto before = w.view("KJ0000000201", kPerson, ViewKind::Survey, "2026-10-31T23:59:59");
  EXPECT_EQ(before.decision.rule, "not-live");
  EXPECT_EQ(before.decision.facts["golive_on"], "20261101");
  auto on = survey("2026-11-01T10:00:00");
  EXPECT_TRUE(on.allowed) << on.rule;
  EXPECT_EQ(on.facts["consent_since"], "20260510");
}

TEST_F(Consent, Period3ConsentAfterGoLiveIsInForceAtOnce) {
  person("20260701", "1", "1", "20260601");
  verified("2026-07-01T10:00:00");
  EXPECT_TRUE(survey("2026-07-01T10:05:00").allowed);
  // The day before the application there was no consent yet.
  verified("2026-06-30T10:00:00");
  EXPECT_EQ(survey("2026-06-30T10:05:00").rule, "consent-none");
}

TEST_F(Consent, TheOldFormAfterApril2026IsNotConsent) {
  person("20260701", "1", "2", "20260601");
  verified("2026-07-02T10:00:00");
  EXPECT_EQ(survey("2026-07-02T10:05:00").rule, "consent-old-form");
}

TEST_F(Consent, NoConsentOnTheApplicationHidesHatchedCellsUntilConsentIsRecorded) {
  person("20260701", "0", "1", "20260601");
  verified("2026-07-02T10:00:00");
  EXPECT_EQ(survey("2026-07-02T10:05:00").rule, "consent-none");
  // The municipality records the consent later (包括同意情報連携, §8 包括同意 No.3).
  auto r = w.consent(kPerson, "20260801");
  ASSERT_TRUE(r.ok) << r.rule;
  EXPECT_EQ(r.rule, "consent-registered");
  EXPECT_EQ(survey("2026-07-31T10:00:00").rule, "consent-none");
  EXPECT_TRUE(survey("2026-08-01T10:00:00").allowed);
}

TEST_F(Consent, RevocationHidesFromThenOn) {
  person("20260701", "1", "1", "20260601");
  verified("2026-07-02T10:00:00");
  ASSERT_TRUE(w.consent(kPerson, "20260815", "1", true).ok);
  EXPECT_TRUE(survey("2026-08-14T23:00:00").allowed);
  auto after = survey("2026-08-15T09:00:00");
  EXPECT_EQ(after.rule, "consent-revoked");
  EXPECT_EQ(after.facts["consent_since"], "20260815");
  EXPECT_TRUE(w.view("KJ0000000301", kPerson, ViewKind::Card, "2026-08-15T09:00:00").decision.allowed);
  // The person and the municipality are not under consent.
  EXPECT_TRUE(w.view("KJ0000000201", kPerson, ViewKind::Survey, "2026-08-15T09:00:00").decision.allowed);
}

TEST_F(Consent, ANewApplicationAfterTheCertificationEndedNeedsConsentAgain) {
  person("20260701", "1", "1", "20260601");
  // The certification ran out; a 新規 application of 2027-06-01 without consent.
  ASSERT_EQ(w.load(linkage_file({"1,131013,9000000001,application,A2,20270601,1,1,0,"}), "2027-06-01T18:00:00").status,
            platform::FileStatus::Done);
  verified("2027-05-30T10:00:00");
  EXPECT_TRUE(survey("2027-05-31T10:00:00").allowed);
  auto lapsed = survey("2027-06-02T10:05:00");
  EXPECT_EQ(lapsed.rule, "consent-lapsed");
  EXPECT_EQ(lapsed.facts["consent_since"], "20270601");
  // Consent on it again (update of the same application): in force once more.
  ASSERT_EQ(w.load(linkage_file({"2,131013,9000000001,application,A2,20270601,1,1,1,"}), "2027-06-03T18:00:00").updated, 1);
  EXPECT_TRUE(survey("2027-06-03T10:00:00").allowed);
}

TEST_F(Consent, ACareManagerRecordsConsentOnlyOnceTheMunicipalityIsLiveAndAfterTheIdentityCheck) {
  person("20260301", "0", "2", "20260901");  // an old certification, no consent
  auto early = w.consent(kPerson, "20260820", "1", false, "KJ0000000301");
  EXPECT_EQ(early.rule, "not-live");
  auto unverified = w.consent(kPerson, "20260905", "1", false, "KJ0000000301");
  EXPECT_EQ(unverified.rule, "no-identification");
  verified("2026-09-05T09:00:00");
  auto ok = w.consent(kPerson, "20260905", "1", false, "KJ0000000301");
  ASSERT_TRUE(ok.ok) << ok.rule;
  auto other_office = w.consent(kPerson, "20260905", "1", false, "KJ0000000502");  // not a care manager
  EXPECT_EQ(other_office.rule, "consent-not-allowed");
  auto other_insurer = w.consent(kPerson, "20260905", "1", false, "KJ0000000202");
  EXPECT_EQ(other_insurer.rule, "not-the-municipality");
  // Once in force, earlier records show too: the survey of 2026-03-01 (§8 包括同意 No.5).
  auto v = w.view("KJ0000000301", kPerson, ViewKind::Survey, "2026-09-05T10:00:00");
  ASSERT_TRUE(v.decision.allowed) << v.decision.rule;
  ASSERT_EQ(v.records.size(), 1u);
  EXPECT_EQ(v.records[0].effective_on.str(), "20260301");
}

TEST_F(Consent, NothingOfAMunicipalitysPeopleIsVisibleBeforeItsGoLive) {
  person("20260701", "1", "1", "20261201");
  verified("2026-12-01T09:00:00");
  for (const char* user : {"KJ0000000101", "KJ0000000201"}) {
    for (auto kind : {ViewKind::Application, ViewKind::Life, ViewKind::CarePlan, ViewKind::Housing}) {
      auto v = w.view(user, kPerson, kind, "2026-11-30T10:00:00");
      EXPECT_EQ(v.decision.rule, "not-live") << user << " " << enum_code(kind);
      EXPECT_TRUE(v.records.empty());
    }
  }
  // An identity check is impossible before go-live too (the service needs the municipality).
  EXPECT_EQ(w.identify("KJ0000000501", kPerson, "2026-11-30T10:00:00").rule, "not-live");
  // The person's own 被保険者証 on マイナポータル is the one exception, from 2026-04-01.
  auto card = w.view("KJ0000000101", kPerson, ViewKind::Card, "2026-11-30T10:00:00");
  EXPECT_TRUE(card.decision.allowed) << card.decision.rule;
  EXPECT_EQ(w.view("KJ0000000201", kPerson, ViewKind::Card, "2026-11-30T10:00:00").decision.rule, "not-live");
  // On the go-live day everything the table allows is there.
  EXPECT_TRUE(w.view("KJ0000000201", kPerson, ViewKind::Survey, "2026-12-01T00:00:00").decision.allowed);
  EXPECT_TRUE(survey("2026-12-01T10:00:00").allowed);
}

TEST_F(Consent, AMunicipalityWithoutAGoLiveDateIsNotLive) {
  ASSERT_EQ(w.load(linkage_file(full_person(kPerson, "20260701"))).status, platform::FileStatus::Done);
  auto v = w.view("KJ0000000201", kPerson, ViewKind::Card, "2027-01-10T10:00:00");
  EXPECT_EQ(v.decision.rule, "not-live");
  EXPECT_EQ(v.decision.facts["golive_on"], "");
}

TEST(PlatformGoLive, TheFileIsCheckedWholeAndALaterLoadMovesADate) {
  PlatformWorld w;
  auto& p = w.platform();
  auto bad = p.load_golive(operator_at("2026-03-01T09:00:00"), "insurer_no,golive_on\n131013,20260301\n13101,20260601\n131013,20260701\n", "g.csv");
  EXPECT_FALSE(bad.stored);
  ASSERT_EQ(bad.errors.size(), 3u);
  EXPECT_EQ(bad.errors[0].code, "PL30");  // before the platform's start
  EXPECT_EQ(bad.errors[0].line, 2u);
  EXPECT_EQ(bad.errors[0].item, "golive_on");
  EXPECT_EQ(bad.errors[1].code, "PL13");
  EXPECT_EQ(bad.errors[1].item, "insurer_no");
  EXPECT_EQ(bad.errors[2].code, "PL31");  // 131013 twice
  EXPECT_FALSE(p.repository().golive("131013"));
  ASSERT_TRUE(p.load_golive(operator_at("2026-03-01T09:00:00"), "insurer_no,golive_on\n131013,20260601\n", "g.csv").stored);
  ASSERT_TRUE(p.load_golive(operator_at("2026-05-01T09:00:00"), "insurer_no,golive_on\n131013,20260701\n", "g2.csv").stored);
  EXPECT_EQ(p.repository().golive("131013")->str(), "20260701");
}

}  // namespace
}  // namespace kaigo::testing
