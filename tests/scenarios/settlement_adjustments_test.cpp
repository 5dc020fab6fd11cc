// seed 002 §5(1) 介護保険審査決定増減表 (7211) and §5(3) 返戻（保留）一覧表 (7411), settled from a
// reviewed month and read back from the official bytes:
//  - the seed's 請求差: 「返戻」1件・300単位 (介護保険請求額 2,700円, 公費の請求無) and 「査定減」1件・
//    −50単位 (450円) ⇒ 件数 −1, 金額 −3,150 (査定増減 counts no 件 in 請求差);
//  - rule (4): a 請求書 that disagrees with its 明細書 shows in the 請求差 on top of (1)–(3);
//  - rules (1) and (3): a 保留 is − in the month it is held, + (保留復活) in the month it is paid,
//    and the seed's 保留 → 保留 → 返戻 is listed on the 7411 each month.
#include <gtest/gtest.h>

#include "kaigo/settlement/settle.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"

namespace kaigo::settlement {
namespace {

using review::ClaimOutcome;
using testing::official;
using testing::records;
using Lines = std::vector<std::string>;

constexpr const char* kOffice = "3070000000";  // seed 002's 事業所番号
constexpr const char* kHeader = "H1,3070000000,事業所３０７０００００００,";
constexpr YearMonth kSept{2023, 9};
constexpr YearMonth kOct{2023, 10};

struct SeedMonth {
  testing::Story s;
  review::SubmittedPlan plan2, plan3;
  review::SubmittedClaim c1, c2, c3;
  testing::Month month;

  SeedMonth() {
    s.office(kOffice, "11");  // その他 (10.00 円), 1割: 300 単位 = 2,700 円, 50 単位 = 450 円
    s.person("0000000001").change_pending = true;  // 12PA: returned (seed 002 §5(3))
    s.person("0000000002").kana = "ｶｲｺﾞ ｼﾞﾛｳ";
    s.person("0000000003").kana = "ｶｲｺﾞ ｻﾌﾞﾛｳ";
    s.code("11", "9001", "訪問介護３００", 300);
    s.code("11", "9002", "訪問介護１５０", 150);
    s.code("11", "9003", "訪問介護２００", 200);
    plan2 = s.plan("P2", "0000000002", kSept, {{kOffice, "11", 100}});  // 150 claimed → 査定減 −50
    plan3 = s.plan("P3", "0000000003", kSept, {{kOffice, "11", 200}});
    c1 = s.claim("C1", kOffice, "0000000001", kSept, {{"11", "9001"}});
    c2 = s.claim("C2", kOffice, "0000000002", kSept, {{"11", "9002"}});
    c3 = s.claim("C3", kOffice, "0000000003", kSept, {{"11", "9003"}});
    month = s.review(kOct, {plan2, plan3}, {c1, c2, c3});
  }

  SettlementInput input() const {
    SettlementInput in;
    in.month = kOct;
    in.claims = testing::settled_claims(month, kOct, {c1, c2, c3});
    in.plans = testing::settled_plans(month, {plan2, plan3});
    in.invoices = testing::invoice_of({c1, c2, c3});
    return in;
  }
};

TEST(SettlementAdjustments, SeedClaimDifferenceIsMinusOneCaseAndMinus3150Yen) {
  SeedMonth m;
  ASSERT_EQ(m.month.claim("C1").outcome, ClaimOutcome::Returned);
  ASSERT_EQ(m.month.claim("C2").outcome, ClaimOutcome::Cut);
  ASSERT_EQ(m.month.claim("C3").outcome, ClaimOutcome::Paid);
  ASSERT_EQ(m.c1.statement.basic.insurance.claim, Yen{2700});
  ASSERT_EQ(m.c2.statement.basic.insurance.claim, Yen{1350});
  const auto in = m.input();
  const auto result = settle_month(in, m.s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, result), Lines{});

  const auto n = official(result, kOffice, "7211");
  EXPECT_EQ(records(n), (Lines{
                            std::string(kHeader) + "202310,20260120,1,和歌山県国民健康保険団体連合会",
                            //  保険者   提供年月 返戻        査定増減     保留      保留復活
                            "D1,00300000,202309,1,0,300,0,1,0,-50,0,0,0,0,0,0,0,0,0",
                            //  請求差        返戻        査定増減     保留      保留復活
                            "T1,-1,0,-3150,0,1,0,300,0,1,0,-50,0,0,0,0,0,0,0,0,0",
                        }));
  const auto& t1 = n.records.back();
  EXPECT_EQ(t1.item(3), "-1");     // 件数: the 返戻 only
  EXPECT_EQ(t1.item(5), "-3150");  // 金額: 2,700 + 450
  EXPECT_EQ(t1.item(11), "1");     // 査定増減 件数 is shown, but not counted in 請求差
}

TEST(SettlementAdjustments, ReturnListShowsBothItemsOf12PAAsTheSeed) {
  SeedMonth m;
  const auto result = settle_month(m.input(), m.s.context(), SettlementSettings{});
  // seed 002 §5(3): 「１つの請求明細書につき証記載保険者番号と被保険者番号のエラーがセットで出力されます」.
  EXPECT_EQ(records(official(result, kOffice, "7411"), "D1"),
            (Lines{
                "D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,請,202309,11,300,B,証記載保険者番号：市町村の認定変更が未決定,１２ＰＡ,",
                "D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,請,202309,11,300,B,被保険者番号：市町村の認定変更が未決定,１２ＰＡ,",
            }));
  // The 査定 is on the 7311, the payment pays C2 as cut and C3 as claimed: 900 + 1,800 円.
  EXPECT_EQ(records(official(result, kOffice, "7311"), "D1"),
            (Lines{"D1,00300000,0000000002,ｶｲｺﾞ ｼﾞﾛｳ,202309,11,9002,-50,B,給付管理票の実績を超えるもの,"
                   "確定単位数（１００単）請求単位数（１５０単）"}));
  const auto& pay = testing::office_of(result, kOffice).payment;
  EXPECT_EQ(pay.care.decided, Yen{2700});
  EXPECT_EQ(pay.transfer, Yen{2700});
  EXPECT_EQ(testing::forms_of(result, kOffice), (Lines{"7211", "7311", "7411", "7513", "7521"}));
}

TEST(SettlementAdjustments, AWrong請求書ShowsInTheClaimDifference) {
  // seed 002 §5(1)(4): the 請求書 said one 明細書 and 1,000 円 more than its 明細書 add up to.
  SeedMonth m;
  auto in = m.input();
  ASSERT_EQ(in.invoices.size(), 1u);
  in.invoices[0].count += 1;
  in.invoices[0].insurance_claim += Yen{1000};
  const auto result = settle_month(in, m.s.context(), SettlementSettings{});
  EXPECT_EQ(records(official(result, kOffice, "7211"), "T1"), (Lines{"T1,-2,0,-4150,0,1,0,300,0,1,0,-50,0,0,0,0,0,0,0,0,0"}));
  // What is paid is the 明細書 as decided, not the 請求書 (「請求明細書情報」の集計金額をお支払いします).
  EXPECT_EQ(testing::office_of(result, kOffice).payment.transfer, Yen{2700});
}

TEST(SettlementAdjustments, HeldThenReleasedIsMinusThenPlus) {
  testing::Story s;
  s.office(kOffice, "11");
  s.person("0000000001");
  s.code("11", "9001", "訪問介護３００", 300);
  auto claim = s.claim("C1", kOffice, "0000000001", kSept, {{"11", "9001"}});
  // October: no 給付管理票 → 保留 (備考 「保留」), 請求差 −1 件 −2,700 円.
  auto oct = s.review(kOct, {}, {claim});
  ASSERT_EQ(oct.claim("C1").outcome, ClaimOutcome::Held);
  SettlementInput in_oct{kOct, testing::settled_claims(oct, kOct, {claim}), {}, testing::invoice_of({claim}), {}, {}, {}, {}};
  auto r_oct = settle_month(in_oct, s.context(), SettlementSettings{});
  EXPECT_EQ(records(official(r_oct, kOffice, "7211"), "T1"), (Lines{"T1,-1,0,-2700,0,0,0,0,0,0,0,0,0,1,0,300,0,0,0,0,0"}));
  EXPECT_EQ(records(official(r_oct, kOffice, "7411"), "D1"),
            (Lines{"D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,請,202309,11,300,C,"
                   "支援事業所に請求明細書に対応した給付管理票の提出依頼が必要,保留,"}));
  EXPECT_EQ(testing::forms_of(r_oct, kOffice), (Lines{"7211", "7411"}));  // nothing paid: no 7513

  // November: the plan arrives → 保留復活; this month's 請求書 has nothing of it: 請求差 +1 件 +2,700 円.
  const YearMonth nov{2023, 11};
  auto plan = s.plan("P1", "0000000001", kSept, {{kOffice, "11", 300}});
  auto m_nov = s.review(nov, {plan}, {});
  ASSERT_EQ(m_nov.claim("C1").outcome, ClaimOutcome::Paid);
  ASSERT_TRUE(m_nov.claim("C1").released);
  SettlementInput in_nov{nov, testing::settled_claims(m_nov, nov, {claim}), testing::settled_plans(m_nov, {plan}), {}, {}, {}, {}, {}};
  auto r_nov = settle_month(in_nov, s.context(), SettlementSettings{});
  EXPECT_EQ(records(official(r_nov, kOffice, "7211"), "D1"), (Lines{"D1,00300000,202309,0,0,0,0,0,0,0,0,0,0,0,0,1,0,300,0"}));
  EXPECT_EQ(records(official(r_nov, kOffice, "7211"), "T1"), (Lines{"T1,1,0,2700,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,300,0"}));
  EXPECT_EQ(testing::office_of(r_nov, kOffice).payment.transfer, Yen{2700});
}

TEST(SettlementAdjustments, SeedHoldHoldReturnIsListedEachMonth) {
  // seed 002 §5(3) 例1 under its 2-month hold: 保留 (October), 保留 (November), 返戻 (December).
  testing::Story s;
  s.config.hold = {{{2000, 4}, 2}};
  s.office(kOffice, "15");
  s.person("0000000001");
  s.code("15", "9001", "通所介護", 10043);
  auto claim = s.claim("C1", kOffice, "0000000001", {2024, 9}, {{"15", "9001"}});
  std::vector<std::string> remarks;
  for (YearMonth month : {YearMonth{2024, 10}, YearMonth{2024, 11}, YearMonth{2024, 12}}) {
    auto m = s.review(month, {}, month == YearMonth{2024, 10} ? std::vector{claim} : std::vector<review::SubmittedClaim>{});
    SettlementInput in{month, testing::settled_claims(m, month, {claim}), {}, {}, {}, {}, {}, {}};
    auto r = settle_month(in, s.context(), SettlementSettings{});
    const auto n = official(r, kOffice, "7411");
    ASSERT_EQ(n.records.size(), 2u) << month.str();
    EXPECT_EQ(n.records[1].item(10), "10043");
    remarks.push_back(std::string(n.records[1].item(13)));
    // Only October's 請求 is on October's 増減表; the held claim of earlier months is not claimed again.
    const bool claimed_now = month == YearMonth{2024, 10};
    EXPECT_EQ(testing::forms_of(r, kOffice).front() == "7211", claimed_now) << month.str();
  }
  EXPECT_EQ(remarks, (Lines{"保留", "保留", "返戻"}));
}

}  // namespace
}  // namespace kaigo::settlement
