// 保留 → 保留復活 or 返戻: a 明細書 whose 給付管理票 has not arrived waits, month after month, by
// the hold schedule in force (DESIGN §3.3): first held in review month M, it is returned in R when
// R − M ≥ hold(R), unless its plan is registered by then.
//   - seed 000 §4: from the April 2026 review the hold is 1 month (held in April, returned in May);
//   - seed 002 §5(3) 〔例1〕〔例2〕: under a 2-month rule, held October and November, returned in
//     December — or paid in December when the plan arrives then.
#include <gtest/gtest.h>

#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;

constexpr const char* kDayCare = "1370000015";  // 通所介護

// One person at one 通所介護 office, claiming 11 days of 通所介護Ⅰ５３ with 入浴介助加算.
struct DayCare {
  Story s;
  DayCare() {
    s.office(kDayCare, "15");
    s.person("0000000001").level = "23";
  }
  review::SubmittedClaim claim(const std::string& id, YearMonth service_month) {
    return s.claim(id, kDayCare, "0000000001", service_month, {{"15", "2443", 11}, {"15", "5301", 11}});
  }
  review::SubmittedPlan plan(const std::string& id, YearMonth service_month) {
    return s.plan(id, "0000000001", service_month, {{kDayCare, "15", 10340}});
  }
};

const std::string kHeldRow =
    "保留 | C | 15 | 支援事業所に請求明細書に対応した給付管理票の提出依頼が必要 |  | ";
const std::string kHoldEndedRow =
    "返戻 | C | 15 | 支援事業所に請求明細書に対応した給付管理票の提出依頼が必要 |  | ";

TEST(ReviewHolds, OneMonthRule_HeldInAprilReturnedInMay) {
  DayCare dc;
  auto april = dc.s.review({2026, 4}, {}, {dc.claim("C", {2026, 3})});
  const auto& held = april.claim("C");
  EXPECT_EQ(held.outcome, ClaimOutcome::Held);
  EXPECT_EQ(held.held_since, (YearMonth{2026, 4}));
  EXPECT_EQ(rows(held), (std::vector<std::string>{kHeldRow}));
  EXPECT_EQ(held.written_total().units.value, 10340);  // 単位数 on the 返戻（保留）一覧表
  EXPECT_EQ(held.decided_total(), review::Amounts{});  // nothing paid while held

  auto may = dc.s.review({2026, 5}, {}, {});
  const auto& returned = may.claim("C");
  EXPECT_EQ(returned.outcome, ClaimOutcome::Returned);
  EXPECT_EQ(returned.held_since, (YearMonth{2026, 4}));
  EXPECT_FALSE(returned.released);
  EXPECT_EQ(rows(returned), (std::vector<std::string>{kHoldEndedRow}));
}

TEST(ReviewHolds, OneMonthRule_PlanArrivingInTheSecondMonthReleasesTheClaim) {
  DayCare dc;
  auto claim = dc.claim("C", {2026, 3});
  dc.s.review({2026, 4}, {}, {claim});
  auto may = dc.s.review({2026, 5}, {dc.plan("P", {2026, 3})}, {});
  EXPECT_EQ(may.plan("P").outcome, review::PlanOutcome::Registered);
  const auto& d = may.claim("C");
  EXPECT_EQ(d.outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(d.released);  // 保留復活分
  EXPECT_EQ(d.held_since, (YearMonth{2026, 4}));
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(d.decided_total(), d.written_total());
  EXPECT_EQ(d.decided_total().insurance_claim.value, 93060);  // 10,340 単位 × 10.00円 × 90%
  // Once decided it is no longer held: June has nothing to say about it.
  auto june = dc.s.review({2026, 6}, {}, {});
  EXPECT_TRUE(june.outcome.claim_decisions.empty());
}

TEST(ReviewHolds, TwoMonthRule_HeldHeldReturned) {  // seed 002 〔例1〕
  DayCare dc;
  dc.s.config.hold = {{{2000, 4}, 2}};
  auto oct = dc.s.review({2024, 10}, {}, {dc.claim("C", {2024, 9})});
  EXPECT_EQ(oct.claim("C").outcome, ClaimOutcome::Held);
  auto nov = dc.s.review({2024, 11}, {}, {});
  EXPECT_EQ(nov.claim("C").outcome, ClaimOutcome::Held);
  EXPECT_EQ(rows(nov.claim("C")), (std::vector<std::string>{kHeldRow}));
  EXPECT_EQ(nov.claim("C").held_since, (YearMonth{2024, 10}));
  auto dec = dc.s.review({2024, 12}, {}, {});
  EXPECT_EQ(dec.claim("C").outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(dec.claim("C")), (std::vector<std::string>{kHoldEndedRow}));
}

TEST(ReviewHolds, TwoMonthRule_PlanInTheThirdMonthIsPaidThen) {  // seed 002 〔例2〕
  DayCare dc;
  dc.s.config.hold = {{{2000, 4}, 2}};
  dc.s.review({2024, 10}, {}, {dc.claim("C", {2024, 9})});
  dc.s.review({2024, 11}, {}, {});
  auto dec = dc.s.review({2024, 12}, {dc.plan("P", {2024, 9})}, {});
  EXPECT_EQ(dec.claim("C").outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(dec.claim("C").released);
}

// DESIGN §3.3 counts with the rule in force in the month of the decision: a claim held in March
// 2026 (3-month rule) is returned in April 2026, the first month of the 1-month rule.
TEST(ReviewHolds, ScheduleChange_HeldUnderThreeMonthsReturnedUnderOne) {
  DayCare dc;
  EXPECT_EQ(dc.s.review({2026, 3}, {}, {dc.claim("C", {2026, 2})}).claim("C").outcome, ClaimOutcome::Held);
  EXPECT_EQ(dc.s.review({2026, 4}, {}, {}).claim("C").outcome, ClaimOutcome::Returned);
}

// 〔備考〕 A month without a hold (hold = 0) returns at once; 居宅介護支援費 waits with its own
// text and 事由 D (サービス計画費に対する給付管理票が未提出, claims-format §7.3).
TEST(ReviewHolds, NoHoldReturnsAtOnce_AndCarePlanFeeHasItsOwnReason) {
  DayCare dc;
  auto fee = dc.s.care_plan_fee("F", "0000000001", {2026, 3}, "2211");
  auto april = dc.s.review({2026, 4}, {}, {fee});
  EXPECT_EQ(april.claim("F").outcome, ClaimOutcome::Held);
  EXPECT_EQ(rows(april.claim("F")),
            (std::vector<std::string>{"保留 | D | 43 | サービス計画費に対応した給付管理票の提出が必要 |  | "}));

  DayCare strict;
  strict.s.config.hold = {{{2000, 4}, 0}};
  auto m = strict.s.review({2026, 4}, {}, {strict.claim("C", {2026, 3})});
  EXPECT_EQ(m.claim("C").outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(m.claim("C")), (std::vector<std::string>{kHoldEndedRow}));
}

// Claiming a held 明細書 again is ANN2 (review-rules §4.3 [PUB-9b]): the held one keeps its place.
TEST(ReviewHolds, ReclaimingAHeldClaimIsAnn2) {
  DayCare dc;
  dc.s.config.hold = {{{2000, 4}, 2}};
  dc.s.review({2026, 4}, {}, {dc.claim("C", {2026, 3})});
  auto may = dc.s.review({2026, 5}, {}, {dc.claim("C2", {2026, 3})});
  EXPECT_EQ(may.claim("C").outcome, ClaimOutcome::Held);
  EXPECT_EQ(may.claim("C2").outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(may.claim("C2")),
            (std::vector<std::string>{"ANN2 | B | 15 | 様式番号：同月に同じ請求明細書を提出済 | 7131 | "}));
}

}  // namespace
}  // namespace kaigo::testing
