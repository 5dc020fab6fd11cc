// 給付管理票 first (review-rules §4.4, §5, §8 step 2): 新規 / 修正 / 取消 against what is registered
// for (保険者, 被保険者, 対象年月), its own checks, and what a returned, corrected or cancelled plan
// means for the 明細書 that depend on it.
#include <gtest/gtest.h>

#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;
using review::PlanOutcome;

constexpr const char* kPlannedHomeHelp = "1370000011";
constexpr const char* kNurse = "1370000013";
constexpr YearMonth kPlanMonth{2026, 3};

struct Person1 {
  Story s;
  Person1() {
    s.office(kPlannedHomeHelp, "11");
    s.office(kNurse, "13");
    s.person("0000000001");  // 要介護1: 16,765 単位
  }
  review::SubmittedPlan plan(const std::string& id, std::int64_t home_help_units, int kind = 1) {
    return s.plan(id, "0000000001", kPlanMonth, {{kPlannedHomeHelp, "11", home_help_units}}, kind);
  }
  review::SubmittedClaim claim(const std::string& id) {  // 身体介護２ × 10 = 3,870 単位
    return s.claim(id, kPlannedHomeHelp, "0000000001", kPlanMonth, {{"11", "1211", 10}});
  }
};

const std::string kAnn0 = "ANN0 | B |  | 給付管理票情報作成区分コード：同月に同じ給付管理票（新規）を提出済 | 1 | ";

TEST(ReviewPlans, ANN0_SecondNewPlanInTheSameMonth) {
  Person1 p;
  auto first = p.plan("P1", 3870);
  auto again = p.plan("P2", 3870);
  auto m = p.s.review({2026, 4}, {first, again}, {});
  EXPECT_EQ(m.plan("P1").outcome, PlanOutcome::Registered);
  EXPECT_EQ(m.plan("P2").outcome, PlanOutcome::Returned);
  EXPECT_EQ(rows(m.plan("P2")), (std::vector<std::string>{kAnn0}));
}

TEST(ReviewPlans, ANNJ_NewPlanWhenOneIsRegisteredFromAnEarlierMonth) {
  Person1 p;
  p.s.review({2026, 4}, {p.plan("P1", 3870)}, {});
  auto m = p.s.review({2026, 5}, {p.plan("P2", 3870)}, {});
  EXPECT_EQ(rows(m.plan("P2")), (std::vector<std::string>{
                                    "ANNJ | B |  | 給付管理票情報作成区分コード：過去に同じ給付管理票（新規）を提出済 | 1 | "}));
}

TEST(ReviewPlans, ANN9_CorrectionOrCancellationWithNothingRegistered) {
  Person1 p;
  auto m = p.s.review({2026, 4}, {p.plan("M", 3870, 2), p.plan("X", 3870, 3)}, {});
  EXPECT_EQ(rows(m.plan("M")), (std::vector<std::string>{
                                   "ANN9 | B |  | 給付管理票情報作成区分コード：給付管理票の作成区分新規での提出が必要 | 2 | "}));
  EXPECT_EQ(rows(m.plan("X")), (std::vector<std::string>{
                                   "ANN9 | B |  | 給付管理票情報作成区分コード：給付管理票の作成区分新規での提出が必要 | 3 | "}));
}

TEST(ReviewPlans, ANNK_SameOfficeAndTypeTwice) {
  Person1 p;
  auto plan = p.s.plan("P", "0000000001", kPlanMonth, {{kPlannedHomeHelp, "11", 2000}, {kNurse, "13", 500}, {kPlannedHomeHelp, "11", 1870}});
  auto m = p.s.review({2026, 4}, {plan}, {});
  EXPECT_EQ(rows(m.plan("P")), (std::vector<std::string>{
                                   "ANNK | B | 11 | サービス事業所番号：給付管理票内でサービス情報が重複 | 1370000011 | "}));
}

// 12P3: four rows with the same code (review-rules §1.1 [PUB-12]); the plan is returned, so the
// 明細書 that needs it is held (R(給) → H).
TEST(ReviewPlans, P3_OverTheLimitIsReturnedAndItsClaimsAreHeld) {
  Person1 p;
  auto plan = p.s.plan("P", "0000000001", kPlanMonth, {{kPlannedHomeHelp, "11", 16000}, {kNurse, "13", 766}});
  auto m = p.s.review({2026, 4}, {plan}, {p.claim("C")});
  EXPECT_EQ(m.plan("P").outcome, PlanOutcome::Returned);
  EXPECT_EQ(rows(m.plan("P")), (std::vector<std::string>{
                                   "12P3 | B |  | 証記載保険者番号：給管＋償還合計が区分支給限度基準額超過 | 00300000 | ",
                                   "12P3 | B |  | 給付管理票種別区分コード：給管＋償還合計が区分支給限度基準額超過 | 3 | ",
                                   "12P3 | B |  | 被保険者番号：給管＋償還合計が区分支給限度基準額超過 | 0000000001 | ",
                                   "12P3 | B |  | 給付計画合計単位数：給管＋償還合計が区分支給限度基準額超過 | 16766 | 16765",
                               }));
  EXPECT_EQ(m.claim("C").outcome, ClaimOutcome::Held);
}

// In a month with a change of level (要介護1 until 15 March, 要介護3 from 16 March) the plan carries
// the heaviest level and is checked against its limit, 27,048 (review-rules §3.3).
review::PlanDecision plan_with_level_change(const std::string& level, std::int64_t units) {
  Person1 p;
  auto& x = p.s.person("0000000001");
  x.changed_on = "20260316";
  x.new_level = "23";
  auto plan = p.s.plan("P", "0000000001", kPlanMonth, {{kPlannedHomeHelp, "11", units}});
  plan.plan.care_level = level;
  return p.s.review({2026, 4}, {plan}, {}).plan("P");
}

TEST(ReviewPlans, P3_UsesTheHeaviestLevelOfTheMonth) {
  EXPECT_EQ(plan_with_level_change("23", 27048).outcome, PlanOutcome::Registered);
  EXPECT_EQ(rows(plan_with_level_change("23", 27049)).back(),
            "12P3 | B |  | 給付計画合計単位数：給管＋償還合計が区分支給限度基準額超過 | 27049 | 27048");
  EXPECT_EQ(rows(plan_with_level_change("21", 3870)),
            (std::vector<std::string>{"12QJ | B |  | 要介護状態区分コード：要介護度が認定と相違 | 21 | 23"}));
}

// A 明細書 of that month may carry either level [INF].
TEST(ReviewPlans, ClaimInAMonthOfLevelChangeMayCarryEitherLevel) {
  for (const char* level : {"21", "23"}) {
    Person1 p;
    auto& x = p.s.person("0000000001");
    x.changed_on = "20260316";
    x.new_level = "23";
    auto plan = p.s.plan("P", "0000000001", kPlanMonth, {{kPlannedHomeHelp, "11", 3870}});
    plan.plan.care_level = "23";
    auto claim = p.s.claim("C", kPlannedHomeHelp, "0000000001", kPlanMonth, {{"11", "1211", 10}}, wrote().level(level));
    auto m = p.s.review({2026, 4}, {plan}, {claim});
    EXPECT_EQ(m.claim("C").outcome, ClaimOutcome::Paid) << level;
  }
}

// 15P6 where a municipality sets a 種類支給限度基準額 (here 訪問介護 ≤ 3,000 for 要介護1).
TEST(ReviewPlans, P6_TypeLimitOfTheMunicipality) {
  Person1 p;
  p.s.config.type_limits.push_back({kInsurer, "11", "21", {2000, 4}, std::nullopt, Units{3000}});
  auto m = p.s.review({2026, 4}, {p.plan("P", 3870)}, {});
  EXPECT_EQ(rows(m.plan("P")), (std::vector<std::string>{
                                   "15P6 | B | 11 | サービス種類コード：サービス種類の合計が支給限度基準額超過 | 3870 | 3000"}));
}

TEST(ReviewPlans, LedgerChecksOnThePlan) {
  Person1 p;
  auto& x = p.s.person("0000000001");
  x.level = "22";               // the plan says 21
  x.support_office = "1370000043";  // another 支援事業所 in the ledger (12P4)
  p.s.office("1370000043", "43");
  auto plan = p.plan("P", 3870);
  plan.plan.care_level = "21";
  plan.plan.support_office_no = kSupportOffice;
  auto m = p.s.review({2026, 4}, {plan}, {});
  EXPECT_EQ(rows(m.plan("P")), (std::vector<std::string>{
                                   "12QJ | B |  | 要介護状態区分コード：要介護度が認定と相違 | 21 | 22",
                                   "12P4 | B |  | 居宅介護支援事業所番号：市町村の認定情報と不一致（支援事業所） | 3070000099 | 1370000043",
                               }));
}

// A 修正 replaces the plan as a whole and lists the decided 明細書 for 再審査 (seed 002 §5(2): the
// 100 units cut from A are paid back once the plan is corrected — settlement's part).
TEST(ReviewPlans, CorrectionReplacesThePlanAndListsClaimsForReReview) {
  Person1 p;
  auto april = p.s.review({2026, 4}, {p.plan("P1", 3000)}, {p.claim("C")});
  EXPECT_EQ(april.claim("C").outcome, ClaimOutcome::Cut);
  auto may = p.s.review({2026, 5}, {p.plan("P2", 3870, 2)}, {});
  const auto& d = may.plan("P2");
  EXPECT_EQ(d.outcome, PlanOutcome::Replaced);
  EXPECT_EQ(d.previous_plan_id, "P1");
  EXPECT_EQ(d.rereview_claims, (std::vector<std::string>{"C"}));
  EXPECT_TRUE(d.withdrawn_claims.empty());
}

// A 取消 deletes the plan and withdraws every decided 明細書 that depended on it (過誤); a claim of
// the same person and month arriving later is then held, and a re-claim of a withdrawn one in the
// same month is ANN7.
TEST(ReviewPlans, CancellationWithdrawsTheDependentClaims) {
  Person1 p;
  p.s.review({2026, 4}, {p.plan("P1", 3870)}, {p.claim("C")});
  auto nurse = p.s.claim("N", kNurse, "0000000001", kPlanMonth, {{"13", "1211"}});
  auto may = p.s.review({2026, 5}, {p.plan("X", 3870, 3)}, {nurse, p.claim("C2")});
  const auto& d = may.plan("X");
  EXPECT_EQ(d.outcome, PlanOutcome::Withdrawn);
  EXPECT_EQ(d.previous_plan_id, "P1");
  EXPECT_EQ(d.withdrawn_claims, (std::vector<std::string>{"C"}));
  EXPECT_EQ(may.claim("N").outcome, ClaimOutcome::Held);
  EXPECT_TRUE(may.claim("C2").has_code("ANN7"));
}

}  // namespace
}  // namespace kaigo::testing
