// 過誤申立 matched to the decided 明細書 it withdraws (settlement/withdrawals) and the withdrawal by a
// 給付管理票 取消 (申立理由 32). The seed's 通常過誤 200 円 and 同月過誤 1,700 円 are the scenarios
// tests/scenarios/seed002-kago-usual.md and seed002-kago-same-month.md.
#include <gtest/gtest.h>

#include "kaigo/settlement/settle.hpp"
#include "kaigo/settlement/withdrawals.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"

namespace kaigo::settlement {
namespace {

using testing::official;
using testing::records;
using Lines = std::vector<std::string>;

constexpr const char* kOffice = "3070000000";
constexpr const char* kPerson = "0000000001";
constexpr YearMonth kMay{2024, 5}, kJune{2024, 6}, kSept{2024, 9}, kOct{2024, 10};

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

TEST(SettlementKago, AnUnmatchedRequestIsSetAside) {
  KagoStory k;
  KagoRequest wrong_person{{"7131", kMay, kOffice, "300000", "0000000099"}, "1002", {2024, 9, 20}, false, "", 7};
  auto match = match_kago(std::vector{wrong_person}, std::vector{k.may_decided});
  EXPECT_TRUE(match.withdrawals.empty());
  ASSERT_EQ(match.unmatched.size(), 1u);
  EXPECT_EQ(match.unmatched[0].reason_ja, "過誤申立（7 行目）の明細書が決定済みのものにありません");
}

// A 明細書 is withdrawn once in a month: a second request on it, or one on a 明細書 a 給付管理票
// 取消 already withdrew, is set aside with its reason (the money is taken back once).
TEST(SettlementKago, AClaimIsWithdrawnOnce) {
  KagoStory k;
  KagoRequest first{{"7131", kMay, kOffice, "300000", kPerson}, "1002", {2024, 9, 20}, false, "", 2};
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
  SettlementInput in{kOct, {}, {}, {}, {*w}, {}, {}, {}, {}, {}};
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
