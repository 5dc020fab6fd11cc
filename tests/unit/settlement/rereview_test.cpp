// 再審査 of the 明細書 a 給付管理票 修正 concerns (settlement/rereview): what is not decided again,
// and the 再審査結果コード. The seed's 修正 that restores 100 units is the scenario
// tests/scenarios/seed002-correction-restores.md.
#include <gtest/gtest.h>

#include "kaigo/settlement/rereview.hpp"
#include "kaigo/settlement/settle.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"

namespace kaigo::settlement {
namespace {

using review::ClaimOutcome;
using review::CutReason;
using testing::official;
using testing::records;
using Lines = std::vector<std::string>;

constexpr const char* kA = "3070000000";
constexpr const char* kB = "3070000011";
constexpr const char* kC = "3070000012";
constexpr YearMonth kSept2023{2023, 9}, kOct2023{2023, 10}, kNov2023{2023, 11};

struct CorrectionStory {
  testing::Story s;
  review::SubmittedClaim d_claim, e_claim;
  review::SubmittedPlan d_plan, e_plan;
  testing::Month oct;

  CorrectionStory() {
    s.office(kA, "11");
    s.office(kB, "11");
    s.office(kC, "15");
    s.person("0000000004").kana = "ｶｲｺﾞ ﾃﾞｰ";
    s.person("0000000005").kana = "ｶｲｺﾞ ｲｰ";
    s.code("11", "9201", "訪問介護１００", 100);
    s.code("11", "9202", "訪問介護２００", 200);
    d_plan = s.plan("PD", "0000000004", kSept2023, {{kB, "11", 500}, {kC, "15", 300}});
    e_plan = s.plan("PE", "0000000005", kSept2023, {{kA, "11", 100}, {kB, "11", 300}});
    d_claim = s.claim("AD", kA, "0000000004", kSept2023, {{"11", "9201"}});
    e_claim = s.claim("AE", kA, "0000000005", kSept2023, {{"11", "9202"}});
    oct = s.review(kOct2023, {d_plan, e_plan}, {d_claim, e_claim});
  }
};

TEST(SettlementRereview, ACorrectionThatStillLacksTheLineChangesNothing) {
  CorrectionStory c;
  auto d_fix = c.s.plan("PD2", "0000000004", kSept2023, {{kB, "11", 400}, {kC, "15", 300}}, 2);
  auto nov = c.s.review(kNov2023, {d_fix}, {});
  SettlementInput in;
  in.month = kNov2023;
  in.rereviews = {{"PD2", d_fix.plan, testing::settled(c.d_claim, c.oct, kOct2023)}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  ASSERT_EQ(result.rereviewed.size(), 1u);
  EXPECT_EQ(result.rereviewed[0].after.outcome, ClaimOutcome::Cut);
  EXPECT_EQ(records(official(result, kA, "7621"), "D1"),
            (Lines{"D1,00300000,△△市,0000000004,ｶｲｺﾞ ﾃﾞｰ,202309,11,訪問介護,,給付管理票の修正,01,100,0,100,0,0,0"}));
  EXPECT_EQ(testing::office_of(result, kA).payment.transfer, Yen{0});
}

TEST(SettlementRereview, AClaimPaidInFullIsNotDecidedAgain) {
  CorrectionStory c;
  auto paid = c.s.claim("AF", kB, "0000000004", kSept2023, {{"11", "9201"}});
  auto nov_plan = c.s.plan("PD2", "0000000004", kSept2023, {{kA, "11", 100}, {kB, "11", 500}}, 2);
  SettlementInput in;
  in.month = kNov2023;
  review::ClaimDecision decision;
  decision.claim_id = "AF";
  decision.outcome = ClaimOutcome::Paid;
  in.rereviews = {{"PD2", nov_plan.plan, {paid.statement, decision, kOct2023}}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  EXPECT_TRUE(result.rereviewed.empty());
}

TEST(SettlementRereview, AClaimWithdrawnThisMonthIsNotDecidedAgain) {
  // 「給付管理票の“修正”と、請求明細書の“過誤”は同一月には処理できません」 (review-rules §4.4).
  CorrectionStory c;
  auto d_fix = c.s.plan("PD2", "0000000004", kSept2023, {{kA, "11", 100}, {kB, "11", 500}}, 2);
  SettlementInput in;
  in.month = kNov2023;
  const auto standing = testing::settled(c.d_claim, c.oct, kOct2023);
  in.rereviews = {{"PD2", d_fix.plan, standing}};
  in.withdrawals = {{"1002", false, standing}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  EXPECT_TRUE(result.rereviewed.empty());
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_EQ(result.notes[0].message_ja, "明細書 AD は今月過誤のため再審査しません");
  EXPECT_EQ(check_balance(in, result), Lines{});
}

TEST(SettlementRereview, ResultCodes) {
  // 再審査結果コード (claims-format §7.7): 01 原審どおり, 02 全部増点, 03 全部減点, 04 一部増点, 05 一部減点.
  EXPECT_EQ(rereview_result(Units{0}, Units{0}, Units{100}), RereviewResult::AsBefore);
  EXPECT_EQ(rereview_result(Units{0}, Units{100}, Units{100}), RereviewResult::AllIncreased);
  EXPECT_EQ(rereview_result(Units{0}, Units{90}, Units{180}), RereviewResult::PartIncreased);  // fixture 7621
  EXPECT_EQ(rereview_result(Units{100}, Units{0}, Units{200}), RereviewResult::AllDecreased);
  EXPECT_EQ(rereview_result(Units{100}, Units{50}, Units{200}), RereviewResult::PartDecreased);
}

}  // namespace
}  // namespace kaigo::settlement
