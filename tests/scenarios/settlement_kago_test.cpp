// seed 002 §7 過誤申立, in the 令和6年10月 processing of the seed:
//  (1) 通常過誤: this month's claim (R6.9 service) 2,000 円 − the withdrawn R6.5 claim 1,800 円 =
//      200 円; the re-claim (1,500 円) is paid in November;
//  (2) 同月過誤: 2,000 円 + the re-claim 1,500 円 − 1,800 円 = 1,700 円, in the same month.
// The amounts come from real computations: 訪問介護 in a 6級地 office (10.42 円) for a 2割
// person: 240 units → 2,500 円 → 2,000 円; 216 → 2,250 → 1,800; 180 → 1,875 → 1,500.
// Checked on the 7611 過誤決定通知書, the 7521 内訳書 (T2 過誤調整) and the 7513 支払決定額通知書.
#include <gtest/gtest.h>

#include "kaigo/settlement/settle.hpp"
#include "kaigo/settlement/withdrawals.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"

namespace kaigo::settlement {
namespace {

using review::ClaimOutcome;
using testing::official;
using testing::records;
using Lines = std::vector<std::string>;

constexpr const char* kOffice = "3070000000";
constexpr const char* kPerson = "0000000001";
constexpr YearMonth kMay{2024, 5}, kJune{2024, 6}, kSept{2024, 9}, kOct{2024, 10}, kNov{2024, 11};

struct KagoStory {
  testing::Story s;
  review::SubmittedClaim may;      // R6.5, 1,800 円, decided in June
  review::SubmittedClaim sept;     // R6.9, 2,000 円
  review::SubmittedClaim reclaim;  // R6.5 again, 1,500 円
  review::SubmittedPlan plan_may, plan_sept;
  SettledClaim may_decided;  // the decision in force that the 過誤 withdraws

  KagoStory() {
    s.office(kOffice, "11", 6);
    s.person(kPerson).rate = 80;
    s.code("11", "9101", "訪問介護２４０", 240);
    s.code("11", "9102", "訪問介護２１６", 216);
    s.code("11", "9103", "訪問介護１８０", 180);
    plan_may = s.plan("PM", kPerson, kMay, {{kOffice, "11", 300}});
    may = s.claim("C5", kOffice, kPerson, kMay, {{"11", "9102"}});
    auto june = s.review(kJune, {plan_may}, {may});
    may_decided = testing::settled(may, june, kJune);
    plan_sept = s.plan("PS", kPerson, kSept, {{kOffice, "11", 300}});
    sept = s.claim("C9", kOffice, kPerson, kSept, {{"11", "9101"}});
    reclaim = s.claim("C5b", kOffice, kPerson, kMay, {{"11", "9103"}});
  }
};

TEST(SettlementKago, AmountsOfTheSeed) {
  KagoStory k;
  EXPECT_EQ(k.may.statement.basic.insurance.claim, Yen{1800});
  EXPECT_EQ(k.sept.statement.basic.insurance.claim, Yen{2000});
  EXPECT_EQ(k.reclaim.statement.basic.insurance.claim, Yen{1500});
  EXPECT_EQ(k.may_decided.decision.outcome, ClaimOutcome::Paid);
}

TEST(SettlementKago, UsualKagoPays200ThenTheReclaimNextMonth) {
  KagoStory k;
  k.s.withdrawn_this_month(k.may, false);
  auto oct = k.s.review(kOct, {k.plan_sept}, {k.sept});
  ASSERT_EQ(oct.claim("C9").outcome, ClaimOutcome::Paid);
  // The insurer's 過誤申立 (kago.csv), matched to the decided 明細書 it withdraws.
  KagoRequest request{"300000", kOffice, kPerson, kMay, "7131", "1002", {2024, 9, 20}, false, "", 2};
  auto match = match_kago(std::vector{request}, std::vector{k.may_decided});
  ASSERT_EQ(match.withdrawals.size(), 1u);
  ASSERT_TRUE(match.unmatched.empty());

  SettlementInput in{kOct,
                testing::settled_claims(oct, kOct, {k.sept}),
                testing::settled_plans(oct, {k.plan_sept}),
                testing::invoice_of({k.sept}),
                match.withdrawals,
                {},
                {},
                {}};
  const auto result = settle_month(in, k.s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, result), Lines{});
  const auto& pay = testing::office_of(result, kOffice).payment;
  EXPECT_EQ(pay.care.decided, Yen{2000});
  EXPECT_EQ(pay.care.withdrawn, Yen{1800});
  EXPECT_EQ(pay.transfer, Yen{200});  // seed 002 §7(1): 2,000 − 1,800

  EXPECT_EQ(records(official(result, kOffice, "7611")),
            (Lines{
                "H1,202410,3070000000,事業所３０７０００００００,20260120,1,和歌山県国民健康保険団体連合会",
                "D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,202405,11,訪問介護,1002,請求誤りによる実績の取下げ,216,1800",
                "T1,1,216,1800,0,0,0",
            }));
  EXPECT_EQ(records(official(result, kOffice, "7521")),
            (Lines{
                "H1,3070000000,事業所３０７０００００００,202410,20260120,1,和歌山県国民健康保険団体連合会",
                "D1,00300000,202409,11,訪問介護,1,1,240,2500,2000,0,0,0,0",
                "T1,1,1,240,2500,2000,0,0,0,0",
                "T2,1,1,216,2250,1800,0,0,0,0",
                "T3,0,0,24,250,200,0,0,0,0",
            }));
  const auto n7513 = official(result, kOffice, "7513");
  const auto& h = n7513.records.front();
  EXPECT_EQ(h.item(10), "200");       // 振込金額
  EXPECT_EQ(h.item(11), "200");       // 介護給付費支払額 = 7521 T3
  EXPECT_EQ(h.item(17), "0");         // 電子証明書発行手数料
  EXPECT_EQ(h.item(18), "200");       // 合計金額
  EXPECT_EQ(h.item(21), "20260126");  // 作成年月日 = 振込日

  // November: the re-claim is now a new 明細書 (the decided one was withdrawn), paid 1,500 円.
  auto nov = k.s.review(kNov, {}, {k.reclaim});
  ASSERT_EQ(nov.claim("C5b").outcome, ClaimOutcome::Paid);
  SettlementInput in_nov{
      kNov, testing::settled_claims(nov, kNov, {k.reclaim}), {}, testing::invoice_of({k.reclaim}), {}, {}, {}, {}};
  const auto r_nov = settle_month(in_nov, k.s.context(), SettlementSettings{});
  EXPECT_EQ(testing::office_of(r_nov, kOffice).payment.transfer, Yen{1500});
  EXPECT_EQ(testing::forms_of(r_nov, kOffice), (Lines{"7211", "7513", "7521"}));
}

TEST(SettlementKago, SameMonthKagoPays1700) {
  KagoStory k;
  k.s.withdrawn_this_month(k.may, true);
  auto oct = k.s.review(kOct, {k.plan_sept}, {k.sept, k.reclaim});
  ASSERT_EQ(oct.claim("C9").outcome, ClaimOutcome::Paid);
  ASSERT_EQ(oct.claim("C5b").outcome, ClaimOutcome::Paid);  // 同月過誤: no ANN7
  KagoRequest request{"300000", kOffice, kPerson, kMay, "7131", "1012", {2024, 9, 20}, true, "", 2};
  auto match = match_kago(std::vector{request}, std::vector{k.may_decided});
  ASSERT_EQ(match.withdrawals.size(), 1u);

  SettlementInput in{kOct,
                testing::settled_claims(oct, kOct, {k.sept, k.reclaim}),
                testing::settled_plans(oct, {k.plan_sept}),
                testing::invoice_of({k.sept, k.reclaim}),
                match.withdrawals,
                {},
                {},
                {}};
  const auto result = settle_month(in, k.s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, result), Lines{});
  const auto& pay = testing::office_of(result, kOffice).payment;
  EXPECT_EQ(pay.care.decided, Yen{3500});
  EXPECT_EQ(pay.transfer, Yen{1700});  // seed 002 §7(2): 2,000 + 1,500 − 1,800

  EXPECT_EQ(
      records(official(result, kOffice, "7611"), "D1"),
      (Lines{"D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,202405,11,訪問介護,1012,請求誤りによる取下げ（同月）,216,1800"}));
  EXPECT_EQ(records(official(result, kOffice, "7521")),
            (Lines{
                "H1,3070000000,事業所３０７０００００００,202410,20260120,1,和歌山県国民健康保険団体連合会",
                "D1,00300000,202405,11,訪問介護,1,1,180,1875,1500,0,0,0,0",
                "D1,00300000,202409,11,訪問介護,1,1,240,2500,2000,0,0,0,0",
                "T1,2,2,420,4375,3500,0,0,0,0",
                "T2,1,1,216,2250,1800,0,0,0,0",
                "T3,1,1,204,2125,1700,0,0,0,0",
            }));
  EXPECT_EQ(official(result, kOffice, "7513").records.front().item(10), "1700");
}

TEST(SettlementKago, AnUnmatchedRequestIsSetAside) {
  KagoStory k;
  KagoRequest wrong_person{"300000", kOffice, "0000000099", kMay, "7131", "1002", {2024, 9, 20}, false, "", 7};
  auto match = match_kago(std::vector{wrong_person}, std::vector{k.may_decided});
  EXPECT_TRUE(match.withdrawals.empty());
  ASSERT_EQ(match.unmatched.size(), 1u);
  EXPECT_EQ(match.unmatched[0].reason_ja, "過誤申立（7 行目）の明細書が決定済みのものにありません");
}

// A 明細書 is withdrawn once in a month: a second request on it, or one on a 明細書 a 給付管理票
// 取消 already withdrew, is set aside with its reason (the money is taken back once).
TEST(SettlementKago, AClaimIsWithdrawnOnce) {
  KagoStory k;
  KagoRequest first{"300000", kOffice, kPerson, kMay, "7131", "1002", {2024, 9, 20}, false, "", 2};
  KagoRequest second = first;
  second.line = 3;
  auto twice = match_kago(std::vector{first, second}, std::vector{k.may_decided});
  ASSERT_EQ(twice.withdrawals.size(), 1u);
  EXPECT_EQ(twice.withdrawals[0].kago_code, "1002");
  ASSERT_EQ(twice.unmatched.size(), 1u);
  EXPECT_EQ(twice.unmatched[0].request.line, 3u);
  EXPECT_EQ(twice.unmatched[0].reason_ja, "過誤申立（3 行目）の明細書は今月すでに過誤で取り下げられています");

  auto cancelled = withdrawal_by_plan_cancel(k.may_decided);
  ASSERT_TRUE(cancelled);
  auto after_cancel = match_kago(std::vector{first}, std::vector{k.may_decided}, std::vector{*cancelled});
  EXPECT_TRUE(after_cancel.withdrawals.empty());
  ASSERT_EQ(after_cancel.unmatched.size(), 1u);
  EXPECT_EQ(after_cancel.unmatched[0].reason_en, "過誤 request (line 2): its 明細書 is already withdrawn this month");
}

TEST(SettlementKago, PlanCancelWithdrawsWithReason32) {
  KagoStory k;
  auto w = withdrawal_by_plan_cancel(k.may_decided);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->kago_code, "1032");
  SettlementInput in{kOct, {}, {}, {}, {*w}, {}, {}, {}};
  const auto result = settle_month(in, k.s.context(), SettlementSettings{});
  EXPECT_EQ(
      records(official(result, kOffice, "7611"), "D1"),
      (Lines{"D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,202405,11,訪問介護,1032,給付管理票取消による取下げ,216,1800"}));
  // Nothing else this month: the 過誤 makes the payment negative and it is carried (the default).
  const auto& pay = testing::office_of(result, kOffice).payment;
  EXPECT_EQ(pay.transfer, Yen{0});
  EXPECT_EQ(pay.carried_out, Yen{1800});
  EXPECT_EQ(official(result, kOffice, "7513").records.front().item(18), "-1800");
  EXPECT_EQ(check_balance(in, result), Lines{});
}

}  // namespace
}  // namespace kaigo::settlement
