// 介護予防・日常生活支援総合事業 (請求書 7113, 明細書 71R1) on its own notices (seed 002 §4(2):
// 「介護給付・総合事業それぞれ別帳票」): 7221 増減表 with only 返戻 件数 and 単位数, 7421 返戻一覧,
// 7541 内訳書 (予備 items empty), 7631 過誤決定通知書, and the 総合事業費支払額 of the 7513.
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

constexpr const char* kOffice = "30A0000031";  // a 総合事業 office number with a letter
constexpr YearMonth kMar{2026, 3}, kApr{2026, 4}, kMay{2026, 5};

TEST(SettlementSougou, ItsOwnNoticesAndPayment) {
  testing::Story s;
  s.office(kOffice, "A2");
  for (const char* p : {"0000000001", "0000000002", "0000000003"}) s.person(p).level = "12";
  s.person("0000000002").change_pending = true;  // 12PA → 返戻
  s.code("A2", "9001", "訪問型サービス１０００", 1000);
  s.code("A2", "9002", "訪問型サービス５００", 500);
  s.code("A2", "9003", "訪問型サービス８００", 800);
  // March's claim of person 3, decided in April and withdrawn (過誤) in May.
  auto plan_mar = s.plan("PM", "0000000003", kMar, {{kOffice, "A2", 800}});
  auto earlier = s.claim("S3", kOffice, "0000000003", kMar, {{"A2", "9003"}});
  auto april = s.review(kApr, {plan_mar}, {earlier});
  ASSERT_EQ(april.claim("S3").outcome, ClaimOutcome::Paid);

  auto plan1 = s.plan("P1", "0000000001", kApr, {{kOffice, "A2", 1000}});
  auto c1 = s.claim("S1", kOffice, "0000000001", kApr, {{"A2", "9001"}});
  auto c2 = s.claim("S2", kOffice, "0000000002", kApr, {{"A2", "9002"}});
  ASSERT_EQ(c1.statement.key.form_id, "71R1");
  auto may = s.review(kMay, {plan1}, {c1, c2});
  ASSERT_EQ(may.claim("S1").outcome, ClaimOutcome::Paid);
  ASSERT_EQ(may.claim("S2").outcome, ClaimOutcome::Returned);

  KagoRequest request{"300000", kOffice, "0000000003", kMar, "71R1", "1002", {2026, 4, 20}, false, "", 2};
  auto match = match_kago(std::vector{request}, std::vector{testing::settled(earlier, april, kApr)});
  ASSERT_EQ(match.withdrawals.size(), 1u);
  SettlementInput in{kMay, testing::settled_claims(may, kMay, {c1, c2}), testing::settled_plans(may, {plan1}),
                testing::invoice_of({c1, c2}), match.withdrawals, {}, {}, {}};
  ASSERT_EQ(in.invoices.front().form_id, "7113");
  const auto result = settle_month(in, s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, result), Lines{});
  EXPECT_EQ(testing::forms_of(result, kOffice), (Lines{"7221", "7421", "7513", "7541", "7631"}));

  EXPECT_EQ(records(official(result, kOffice, "7221")),
            (Lines{
                "H1,30A0000031,事業所３０Ａ０００００３１,202605,20260120,1,和歌山県国民健康保険団体連合会",
                "D1,00300000,202604,1,,500,,,,,,,,,,,,,",
                "T1,-1,,-4500,,1,,500,,,,,,,,,,,,,",
            }));
  EXPECT_EQ(records(official(result, kOffice, "7421"), "D1"),
            (Lines{
                "D1,00300000,△△市,0000000002,ｶｲｺﾞ ﾀﾛｳ,請,202604,A2,500,B,証記載保険者番号：市町村の認定変更が未決定,１２ＰＡ,",
                "D1,00300000,△△市,0000000002,ｶｲｺﾞ ﾀﾛｳ,請,202604,A2,500,B,被保険者番号：市町村の認定変更が未決定,１２ＰＡ,",
            }));
  EXPECT_EQ(records(official(result, kOffice, "7541")),
            (Lines{
                "H1,30A0000031,事業所３０Ａ０００００３１,202605,20260120,1,和歌山県国民健康保険団体連合会",
                "D1,00300000,202604,A2,訪問型サービス（独自）,1,1,1000,10000,9000,,,,",
                "T1,1,1,1000,10000,9000,,,,",
                "T2,1,1,800,8000,7200,,,,",
                "T3,0,0,200,2000,1800,,,,",
            }));
  EXPECT_EQ(records(official(result, kOffice, "7631")),
            (Lines{
                "H1,202605,30A0000031,事業所３０Ａ０００００３１,20260120,1,和歌山県国民健康保険団体連合会",
                "D1,00300000,△△市,0000000003,ｶｲｺﾞ ﾀﾛｳ,202603,A2,訪問型サービス（独自）,1002,請求誤りによる実績の取下げ,800,7200",
                "T1,1,800,7200,,,",
            }));
  const auto h = official(result, kOffice, "7513").records.front();
  EXPECT_EQ(h.item(10), "1800");  // 振込金額
  EXPECT_EQ(h.item(11), "0");     // 介護給付費支払額
  EXPECT_EQ(h.item(16), "1800");  // 総合事業費支払額 = 7541 T3
  EXPECT_EQ(h.item(18), "1800");  // 合計金額
}

}  // namespace
}  // namespace kaigo::settlement
