// seed 002 §5(3) 請求明細書・給付管理票返戻（保留）一覧表 (7411): the seed's pages as our official
// file, one line per offending item with 事由, 内容 「項目名：エラー内容」 and the code in 備考:
//  - 51, 21,142 単位: 12SA (保険給付率) and ASSA (保険請求額);
//  - 17, 1,350 単位: ANN4; 11, 1,450 単位: ANN4 with ANNM (paid before with 訪問介護 assessed to 0);
//  - a 給付管理票 returned is listed, 種別 給, on the list of the 居宅介護支援事業所 that made it.
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

constexpr const char* kOffice = "3070000000";
constexpr YearMonth kSept{2023, 9}, kOct{2023, 10}, kNov{2023, 11};

MonthSettlement settle(testing::Story& s, const testing::Month& m, YearMonth month,
                       const std::vector<review::SubmittedClaim>& claims, const std::vector<review::SubmittedPlan>& plans = {}) {
  SettlementInput in{month, testing::settled_claims(m, month, claims), testing::settled_plans(m, plans), testing::invoice_of(claims),
                {}, {}, {}, {}};
  return settle_month(in, s.context(), SettlementSettings{});
}

TEST(SettlementReturns, Seed12SAWithASSA) {
  testing::Story s;
  s.office(kOffice, "51");
  s.person("0000000001").rate = 80;
  s.code("51", "9030", "介護福祉施設サービス", 700);
  s.code("51", "9142", "介護福祉施設加算", 142);
  auto c = s.claim("C", kOffice, "0000000001", kSept, {{"51", "9030", 30}, {"51", "9142", 1}}, testing::wrote().rate(90));
  auto m = s.review(kOct, {}, {c});
  ASSERT_EQ(m.claim("C").outcome, ClaimOutcome::Returned);
  EXPECT_EQ(records(official(settle(s, m, kOct, {c}), kOffice, "7411"), "D1"),
            (Lines{
                "D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,請,202309,51,21142,B,保険給付率：市町村認定の給付率と相違,１２ＳＡ,",
                "D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,請,202309,51,21142,B,保険請求額：記載された値が計算値を超過,ＡＳＳＡ,",
            }));
}

TEST(SettlementReturns, SeedANN4AndANNM) {
  testing::Story s;
  s.office(kOffice, "17");
  s.office(kOffice, "11");
  s.person("0000000001");
  s.person("0000000002").kana = "ｶｲｺﾞ ｼﾞﾛｳ";
  s.code("17", "9001", "福祉用具貸与", 1350);
  s.code("11", "9001", "訪問介護", 1450);
  auto taro = s.claim("T", kOffice, "0000000001", kSept, {{"17", "9001"}});
  auto jiro = s.claim("J", kOffice, "0000000002", kSept, {{"11", "9001"}});
  s.decided_earlier("T0", taro, kOct);
  s.decided_earlier("J0", jiro, kOct, {"11"});  // 訪問介護 assessed to 0 in October
  auto m = s.review(kNov, {}, {taro, jiro});
  const auto n = official(settle(s, m, kNov, {taro, jiro}), kOffice, "7411");
  EXPECT_EQ(records(n),
            (Lines{
                "H1,3070000000,事業所３０７０００００００,202311,20260120,1,和歌山県国民健康保険団体連合会",
                "D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,請,202309,17,1350,B,様式番号：過去に同じ請求明細書を提出済,ＡＮＮ４,",
                "D1,00300000,△△市,0000000002,ｶｲｺﾞ ｼﾞﾛｳ,請,202309,11,1450,B,様式番号：過去に同じ請求明細書を提出済,ＡＮＮ４,",
                "D1,00300000,△△市,0000000002,ｶｲｺﾞ ｼﾞﾛｳ,請,202309,11,1450,B,"
                "サービス種類：支援事業所に給付管理票の修正依頼が必要,ＡＮＮＭ,",
            }));
}

TEST(SettlementReturns, AReturnedPlanGoesToItsSupportOffice) {
  testing::Story s;
  s.office(kOffice, "11");
  s.person("0000000001");
  s.code("11", "9001", "訪問介護", 300);
  auto first = s.plan("P1", "0000000001", kSept, {{kOffice, "11", 300}});
  auto again = s.plan("P2", "0000000001", kSept, {{kOffice, "11", 300}});  // a second 新規: ANN0
  auto m = s.review(kOct, {first, again}, {});
  ASSERT_EQ(m.plan("P2").outcome, review::PlanOutcome::Returned);
  const auto r = settle(s, m, kOct, {}, {first, again});
  EXPECT_EQ(records(official(r, testing::kSupportOffice, "7411"), "D1"),
            (Lines{"D1,00300000,△△市,0000000001,ｶｲｺﾞ ﾀﾛｳ,給,202309,,300,B,給付管理票情報作成区分コード：同月に同じ給付管理票（新規）を提出済,ＡＮＮ０,"}));
  EXPECT_EQ(testing::office_of(r, testing::kSupportOffice).counts.plans_returned, 1);
}

}  // namespace
}  // namespace kaigo::settlement
