// A 明細書's services against its person in the 受給者台帳 (review-rules §1.3, §7): 10QF when the
// サービス種類 is not one the person's 要介護状態区分 may use (a 予防 service for 要介護, a 介護 service
// for 要支援; service_types.csv `care_levels`), AEFB when a per-day 明細 counts more days than the
// person is certified in the month.
#include <gtest/gtest.h>

#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;

constexpr YearMonth kMarch{2026, 3};
constexpr YearMonth kApril{2026, 4};

TEST(ReviewPersonServices, TenQF_AServiceTheLevelMayNotUse) {
  Story s;
  s.office("1370000013", "13");
  s.office("1370000063", "63");
  s.person("0000000001").level = "12";  // 要支援1: 訪問看護 (13) is a 介護 service
  s.person("0000000002").level = "22";  // 要介護2: 介護予防訪問看護 (63) is a 予防 service
  s.code("63", "1211", "予防訪看（例）", 794);
  auto nurse = s.claim("C1", "1370000013", "0000000001", kMarch, {{"13", "1211"}});
  auto prevention = s.claim("C2", "1370000063", "0000000002", kMarch, {{"63", "1211"}});
  auto m = s.review(kApril, {}, {nurse, prevention});
  EXPECT_EQ(m.claim("C1").outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(m.claim("C1")),
            (std::vector<std::string>{"10QF | B | 13 | サービス種類コード：サービス内容と要介護度不一致 | 13 | 12"}));
  EXPECT_EQ(rows(m.claim("C2")),
            (std::vector<std::string>{"10QF | B | 63 | サービス種類コード：サービス内容と要介護度不一致 | 63 | 22"}));
}

TEST(ReviewPersonServices, TenQF_EitherLevelOfAMonthOfChangeWillDo) {
  Story s;
  s.office("1370000013", "13");
  auto& p = s.person("0000000001");
  p.level = "13";  // 要支援2 until 15 March, 要介護1 from the 16th
  p.changed_on = "20260316";
  p.new_level = "21";
  auto nurse = s.claim("C", "1370000013", "0000000001", kMarch, {{"13", "1211"}});
  auto plan = s.plan("P", "0000000001", kMarch, {{"1370000013", "13", 823}});
  plan.plan.care_level = "21";  // the plan carries the heavier level of the month
  auto m = s.review(kApril, {plan}, {nurse});
  EXPECT_EQ(m.claim("C").outcome, ClaimOutcome::Paid) << ::testing::PrintToString(rows(m.claim("C")));
}

TEST(ReviewPersonServices, AEFB_MoreDaysThanCertifiedInTheMonth) {
  Story s;
  s.office("1370000021", "21");
  s.person("0000000001").cert_from = "20260315";  // 17 days of March certified
  auto stay = s.claim("C", "1370000021", "0000000001", kMarch, {{"21", "1111", 20}});
  auto within = s.claim("D", "1370000021", "0000000001", {2026, 2}, {{"21", "1111", 20}});
  s.person("0000000002");
  auto full = s.claim("E", "1370000021", "0000000002", kMarch, {{"21", "1111", 31}});
  auto m = s.review(kApril, {}, {stay, full});
  EXPECT_EQ(rows(m.claim("C")), (std::vector<std::string>{"AEFB | B | 21 | 日数・回数：明細が受給可能日数超過 | 20 | 17"}));
  // A whole month certified: 31 days are 31 days (held for its 給付管理票, not returned).
  EXPECT_EQ(m.claim("E").outcome, ClaimOutcome::Held);
  // No certified day at all is 12PD's, not AEFB's.
  auto feb = s.review({2026, 5}, {}, {within});
  EXPECT_EQ(feb.claim("D").findings.front().code, "12PD");
  EXPECT_FALSE(feb.claim("D").has_code("AEFB"));
}

}  // namespace
}  // namespace kaigo::testing
