// 月額包括報酬の日割り through the review (seed 002 §9): 訪問看護（定期巡回・随時対応型訪問介護看護事業所と
// 連携して訪問看護を行う場合, サービス種類 13) is charged 月額 (133111, 2,961 単位) unless the month is cut
// short; then the per-day code (133112, 97 単位/日) × the days of the サービス算定対象期間, from the
// 起算日 of the seed's table: 契約日 (開始年月日) to the month end, the 1st to the 契約解除日
// (中止年月日), and a 区分変更 (要介護１～５の間) split at the 変更日, which counts on both sides.
// September 2024 has 30 days. What does not fit is returned with AEFJ, 事由 B.
// The text scenario seed002-daily-rate.md tells the first of these through the result files.
#include <gtest/gtest.h>

#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;

constexpr const char* kNursing = "3070000013";  // 訪問看護 (定期巡回連携型)
constexpr const char* kInsuredNo = "0000000001";
constexpr YearMonth kServiceMonth{2024, 9};
constexpr YearMonth kReviewMonth{2024, 10};

struct Nursing {
  Story s;
  Nursing() {
    s.office(kNursing, "13");
    s.person(kInsuredNo).level = "22";
  }
  review::ClaimDecision review(const std::vector<Use>& uses, const ClaimSlip& slip = {}, std::int64_t planned = 2961) {
    auto p = s.plan("P", kInsuredNo, kServiceMonth, {{kNursing, "13", planned}});
    // The plan carries the heaviest level of the month (review-rules §3.3).
    if (!s.person(kInsuredNo).new_level.empty()) p.plan.care_level = s.person(kInsuredNo).new_level;
    auto c = s.claim("C", kNursing, kInsuredNo, kServiceMonth, uses, slip);
    return s.review(kReviewMonth, {p}, {c}).claim("C");
  }
};

TEST(ReviewDailyRate, NoEventInTheMonthIsPaidMonthly) {
  Nursing n;
  expect_paid(n.review({{"13", "3111", 1}}), 2961);
}

// 契約日 2024-09-10 → 10日〜30日 = 21 日: 97 × 21 = 2,037 単位.
TEST(ReviewDailyRate, StartOnTheTenthChargesTwentyOneDays) {
  Nursing n;
  expect_paid(n.review({{"13", "3112", 21}}, wrote().started("20240910"), 2037), 2037);
}

TEST(ReviewDailyRate, MonthlyCodeAfterAMidMonthStartIsReturned) {
  Nursing n;
  expect_returned(n.review({{"13", "3111", 1}}, wrote().started("20240910")), 2961,
                  {"AEFJ | B | 13 | サービスコード：サービス可能な日数を超過 | 133111 | 133112×21"});
}

TEST(ReviewDailyRate, MoreDaysThanThePeriodAreReturned) {
  Nursing n;
  expect_returned(n.review({{"13", "3112", 25}}, wrote().started("20240910"), 2425), 2425,
                  {"AEFJ | B | 13 | 日数・回数：サービス可能な日数を超過 | 25 | 21"});
}

// 契約解除日 2024-09-20 → 1日〜20日 = 20 日.
TEST(ReviewDailyRate, EndOnTheTwentiethChargesTwentyDays) {
  Nursing n;
  expect_paid(n.review({{"13", "3112", 20}}, wrote().ended("20240920"), 1940), 1940);
  Nursing over;
  expect_returned(over.review({{"13", "3112", 21}}, wrote().ended("20240920"), 2037), 2037,
                  {"AEFJ | B | 13 | 日数・回数：サービス可能な日数を超過 | 21 | 20"});
}

// Started on the 1st, ended on the last day: not 月の途中, the 月額 code is right.
TEST(ReviewDailyRate, StartOnTheFirstAndEndOnTheLastDayStayMonthly) {
  Nursing n;
  expect_paid(n.review({{"13", "3111", 1}}, wrote().started("20240901").ended("20240930")), 2961);
}

// 区分変更 要介護２ → 要介護３ on 2024-09-16 (受給者台帳): 1日〜16日 (16) + 16日〜30日 (15) = 31.
TEST(ReviewDailyRate, ChangeOfLevelSplitsTheMonth) {
  Nursing n;
  n.s.person(kInsuredNo).changed_on = "20240916";
  n.s.person(kInsuredNo).new_level = "23";
  expect_returned(n.review({{"13", "3111", 1}}, wrote().level("23")), 2961,
                  {"AEFJ | B | 13 | サービスコード：サービス可能な日数を超過 | 133111 | 133112×31"});
  Nursing per_day;
  per_day.s.person(kInsuredNo).changed_on = "20240916";
  per_day.s.person(kInsuredNo).new_level = "23";
  expect_paid(per_day.review({{"13", "3112", 30}}, wrote().level("23"), 2910), 2910);
}

// A change of level on the 1st is not within the month.
TEST(ReviewDailyRate, ChangeOfLevelOnTheFirstStaysMonthly) {
  Nursing n;
  n.s.person(kInsuredNo).changed_on = "20240901";
  n.s.person(kInsuredNo).new_level = "23";
  expect_paid(n.review({{"13", "3111", 1}}, wrote().level("23")), 2961);
}

}  // namespace
}  // namespace kaigo::testing
