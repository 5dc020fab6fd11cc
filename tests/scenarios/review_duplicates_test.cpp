// The same 明細書 twice (review-rules §5): in the same month the first accepted copy is
// registered and the others are ANN2; a re-claim in the month of its 過誤 is ANN7 unless the 過誤 is
// 同月過誤. A returned copy registers nothing. (ANN4 with ANNM, seed 002 §5(3), is the text
// scenario seed002-ANN4-ANNM.md.)
#include <gtest/gtest.h>

#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;

constexpr YearMonth kLateServiceMonth{2023, 9};
constexpr YearMonth kLateReviewMonth{2023, 11};  // the 明細書 comes a month late (月遅れ)

struct Rental {  // seed 002: ｶｲｺﾞ ﾀﾛｳ's 17 (福祉用具貸与), 1,350 単位
  Story s;
  Rental() {
    s.office("3070000017", "17");
    s.office("3070000011", "11");
    s.person("0000000001");
    s.person("0000000002");
    s.code("17", "9135", "福祉用具貸与（seed 002 の例）", 1350);
    s.code("11", "9145", "訪問介護（seed 002 の例）", 1450);
  }
  review::SubmittedClaim rental(const std::string& id) {
    return s.claim(id, "3070000017", "0000000001", kLateServiceMonth, {{"17", "9135"}});
  }
  review::SubmittedClaim home_help(const std::string& id) {
    return s.claim(id, "3070000011", "0000000002", kLateServiceMonth, {{"11", "9145"}});
  }
  std::vector<review::SubmittedPlan> plans() {
    return {s.plan("P1", "0000000001", kLateServiceMonth, {{"3070000017", "17", 1350}}),
            s.plan("P2", "0000000002", kLateServiceMonth, {{"3070000011", "11", 1450}})};
  }
};

TEST(ReviewDuplicates, ANN2_SameMonthTheFirstAcceptedIsPaid) {
  Rental r;
  auto first = r.rental("C1");
  auto second = r.rental("C2");
  auto m = r.s.review(kLateReviewMonth, r.plans(), {second, first});  // given out of order: acceptance order decides
  EXPECT_EQ(m.claim("C1").outcome, ClaimOutcome::Paid);
  EXPECT_EQ(m.claim("C2").outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(m.claim("C2")), (std::vector<std::string>{"ANN2 | B | 17 | 様式番号：同月に同じ請求明細書を提出済 | 7131 | "}));
}

TEST(ReviewDuplicates, ANN7_ReclaimInTheMonthOfAnOrdinaryKago) {
  Rental r;
  auto paid = r.rental("T0");
  r.s.decided_earlier("T0", paid, {2023, 10});
  r.s.withdrawn_this_month(paid, false);  // 通常過誤 in November
  auto m = r.s.review(kLateReviewMonth, r.plans(), {r.rental("T1")});
  EXPECT_EQ(rows(m.claim("T1")), (std::vector<std::string>{"ANN7 | B | 17 | 様式番号：同月に市町村等による過誤調整を実施済 | 7131 | "}));
  // In December the 過誤 is done: the re-claim is an ordinary new claim.
  auto dec = r.s.review({2023, 12}, {}, {r.rental("T2")});
  EXPECT_EQ(dec.claim("T2").outcome, ClaimOutcome::Paid);
}

TEST(ReviewDuplicates, SameMonthKagoLetsTheReclaimIn) {
  Rental r;
  auto paid = r.rental("T0");
  r.s.decided_earlier("T0", paid, {2023, 10});
  r.s.withdrawn_this_month(paid, true);  // 同月過誤
  auto m = r.s.review(kLateReviewMonth, r.plans(), {r.rental("T1")});
  EXPECT_EQ(m.claim("T1").outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(m.claim("T1").findings.empty());
}

// A returned copy is not registered (review-rules §5): the corrected copy after it is reviewed.
TEST(ReviewDuplicates, AReturnedFirstCopyDoesNotBlockTheSecond) {
  Rental r;
  auto wrong = r.s.claim("C1", "3070000017", "0000000001", kLateServiceMonth, {{"17", "9135"}}, wrote().rate(80));
  auto right = r.rental("C2");
  auto m = r.s.review(kLateReviewMonth, r.plans(), {wrong, right});
  EXPECT_TRUE(m.claim("C1").has_code("12SA"));
  EXPECT_EQ(m.claim("C2").outcome, ClaimOutcome::Paid);
}

}  // namespace
}  // namespace kaigo::testing
