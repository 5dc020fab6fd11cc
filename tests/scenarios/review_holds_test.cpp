// 保留 → 保留復活 or 返戻: a 明細書 whose 給付管理票 has not arrived waits, month after month, by
// the hold schedule in force (DESIGN §3.3): first held in review month M, it is returned in R when
// R − M ≥ hold(R), unless its plan is registered by then.
// The seeds' examples (seed 000 §4's 1-month hold, seed 002 §5(3) 〔例1〕〔例2〕) are text scenarios:
// seed000-hold-one-month.md, seed002-hold-hold-return.md, seed002-hold-then-plan.md. Here: the
// schedule changing between two months, a month without a hold, and a re-claim of a held 明細書.
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
