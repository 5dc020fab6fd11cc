// seed 002 §5(2) 給付管理票の修正: Ａ事業所 claimed 100 units for Ｄ被保険者 whose plan had only
// Ｂ事業所 500 and Ｃ事業所 300 → decided at 0 (増減 A). The 支援事業所 sends a 修正 with Ａ 100 in
// the 令和5年11月 請求; in the 令和5年11月審査 the claim is decided again and Ａ is paid the 100
// units, shown on the 7621 介護給付費再審査決定通知書. The seed's second example (Ａ 200 claimed,
// 100 planned → 100; 修正 to 200) restores the other 100 units.
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
constexpr YearMonth kSept{2023, 9}, kOct{2023, 10}, kNov{2023, 11};

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
    d_plan = s.plan("PD", "0000000004", kSept, {{kB, "11", 500}, {kC, "15", 300}});
    e_plan = s.plan("PE", "0000000005", kSept, {{kA, "11", 100}, {kB, "11", 300}});
    d_claim = s.claim("AD", kA, "0000000004", kSept, {{"11", "9201"}});
    e_claim = s.claim("AE", kA, "0000000005", kSept, {{"11", "9202"}});
    oct = s.review(kOct, {d_plan, e_plan}, {d_claim, e_claim});
  }
};

TEST(SettlementRereview, SeedCorrectionPaysThe100UnitsInTheMonthOfTheCorrection) {
  CorrectionStory c;
  ASSERT_EQ(c.oct.claim("AD").outcome, ClaimOutcome::Cut);
  ASSERT_EQ(c.oct.claim("AD").rows.front().cut, CutReason::NotOnPlan);
  ASSERT_EQ(c.oct.claim("AD").rows.front().decided.units, Units{0});
  ASSERT_EQ(c.oct.claim("AE").rows.front().decided.units, Units{100});

  // November: both 給付管理票 corrected (修正) with Ａ's line right.
  auto d_fix = c.s.plan("PD2", "0000000004", kSept, {{kA, "11", 100}, {kB, "11", 500}, {kC, "15", 300}}, 2);
  auto e_fix = c.s.plan("PE2", "0000000005", kSept, {{kA, "11", 200}, {kB, "11", 300}}, 2);
  auto nov = c.s.review(kNov, {d_fix, e_fix}, {});
  ASSERT_EQ(nov.plan("PD2").outcome, review::PlanOutcome::Replaced);
  ASSERT_EQ(nov.plan("PD2").rereview_claims, (Lines{"AD"}));
  ASSERT_EQ(nov.plan("PE2").rereview_claims, (Lines{"AE"}));

  SettlementInput in;
  in.month = kNov;
  in.plans = testing::settled_plans(nov, {d_fix, e_fix});
  in.rereviews = {{"PD2", d_fix.plan, testing::settled(c.d_claim, c.oct, kOct)},
                  {"PE2", e_fix.plan, testing::settled(c.e_claim, c.oct, kOct)}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, result), Lines{});

  // The new decisions in force (the store keeps them as the claims' decisions of November).
  ASSERT_EQ(result.rereviewed.size(), 2u);
  const auto& d = result.rereviewed[0];
  EXPECT_EQ(d.before.claim_id, "AD");
  EXPECT_EQ(d.after.outcome, ClaimOutcome::Paid);
  EXPECT_EQ(d.after.rows.front().decided.units, Units{100});
  EXPECT_EQ(d.after.rows.front().decided.insurance_claim, Yen{900});
  EXPECT_TRUE(d.after.findings.empty());
  EXPECT_EQ(result.rereviewed[1].after.rows.front().decided.units, Units{200});

  // 当初請求, 原審, 申立, 決定, 調整 units and the 保険者負担額 paid now: 100 units → 1,000 円 → 900 円.
  EXPECT_EQ(records(official(result, kA, "7621")),
            (Lines{
                "H1,202311,3070000000,事業所３０７０００００００,20260120,1,和歌山県国民健康保険団体連合会,"
                "和歌山県介護給付費等審査委員会",
                "D1,00300000,△△市,0000000004,ｶｲｺﾞ ﾃﾞｰ,202309,11,訪問介護,,給付管理票の修正,02,100,0,100,100,100,900",
                "D1,00300000,△△市,0000000005,ｶｲｺﾞ ｲｰ,202309,11,訪問介護,,給付管理票の修正,02,200,100,200,200,100,900",
                "T1,2,300,2700,2,300,2700,2,200,1800,,,,,,,,,",
            }));
  // Paid in the month of the 修正: the 内訳書 has no new 明細書, the restored amount is a negative
  // 過誤調整, and the 振込金額 is 1,800 円.
  EXPECT_EQ(records(official(result, kA, "7521"), "T2"), (Lines{"T2,0,0,-200,-2000,-1800,0,0,0,0"}));
  EXPECT_EQ(records(official(result, kA, "7521"), "T3"), (Lines{"T3,0,0,200,2000,1800,0,0,0,0"}));
  EXPECT_EQ(testing::office_of(result, kA).payment.transfer, Yen{1800});
  EXPECT_EQ(official(result, kA, "7513").records.front().item(10), "1800");
  EXPECT_EQ(testing::forms_of(result, kA), (Lines{"7513", "7521", "7621"}));
}

TEST(SettlementRereview, ACorrectionThatStillLacksTheLineChangesNothing) {
  CorrectionStory c;
  auto d_fix = c.s.plan("PD2", "0000000004", kSept, {{kB, "11", 400}, {kC, "15", 300}}, 2);
  auto nov = c.s.review(kNov, {d_fix}, {});
  SettlementInput in;
  in.month = kNov;
  in.rereviews = {{"PD2", d_fix.plan, testing::settled(c.d_claim, c.oct, kOct)}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  ASSERT_EQ(result.rereviewed.size(), 1u);
  EXPECT_EQ(result.rereviewed[0].after.outcome, ClaimOutcome::Cut);
  EXPECT_EQ(records(official(result, kA, "7621"), "D1"),
            (Lines{"D1,00300000,△△市,0000000004,ｶｲｺﾞ ﾃﾞｰ,202309,11,訪問介護,,給付管理票の修正,01,100,0,100,0,0,0"}));
  EXPECT_EQ(testing::office_of(result, kA).payment.transfer, Yen{0});
}

TEST(SettlementRereview, AClaimPaidInFullIsNotDecidedAgain) {
  CorrectionStory c;
  auto paid = c.s.claim("AF", kB, "0000000004", kSept, {{"11", "9201"}});
  auto nov_plan = c.s.plan("PD2", "0000000004", kSept, {{kA, "11", 100}, {kB, "11", 500}}, 2);
  SettlementInput in;
  in.month = kNov;
  review::ClaimDecision decision;
  decision.claim_id = "AF";
  decision.outcome = ClaimOutcome::Paid;
  in.rereviews = {{"PD2", nov_plan.plan, {paid.statement, decision, kOct}}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  EXPECT_TRUE(result.rereviewed.empty());
}

TEST(SettlementRereview, AClaimWithdrawnThisMonthIsNotDecidedAgain) {
  // 「給付管理票の“修正”と、請求明細書の“過誤”は同一月には処理できません」 (review-rules §4.4).
  CorrectionStory c;
  auto d_fix = c.s.plan("PD2", "0000000004", kSept, {{kA, "11", 100}, {kB, "11", 500}}, 2);
  SettlementInput in;
  in.month = kNov;
  const auto standing = testing::settled(c.d_claim, c.oct, kOct);
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
