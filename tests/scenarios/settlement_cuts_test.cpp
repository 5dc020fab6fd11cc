// seed 002 §5(2) 介護保険審査増減単位数通知書 (7311), from a reviewed month to the official file:
//  A  「給付管理票に実績が記載されていないもの」: 65 (1111, 6107) claimed 1,719 units, the plan has
//     lines for other offices only → 増減 −1,719, 確定単位数 0, 請求単位数 1,719;
//  B  「給付管理票の実績を超えるもの」: 16 (2101, 5301, 5605) claimed 6,515, planned 5,427 →
//     増減 −1,088 on the last line, 確定単位数 5,427, 請求単位数 6,515.
// Every サービス項目 of the cut type has a line; the change, 事由 and 内容 are on the last one only.
#include <gtest/gtest.h>

#include "kaigo/settlement/settle.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"

namespace kaigo::settlement {
namespace {

using testing::official;
using testing::records;
using Lines = std::vector<std::string>;

constexpr const char* kOffice = "3070000000";  // seed 002's 事業所番号
constexpr const char* kOfficeB = "3070000011";
constexpr const char* kOfficeC = "3070000012";

TEST(SettlementCuts, SeedNotOnPlanIsCutTo0) {
  // 65 介護予防通所介護 moved to the 総合事業 after March 2018 (service_types.csv), so the seed's
  // R05.9 becomes H30.3 here; office, person, codes and units are the seed's.
  testing::Story s;
  s.office(kOffice, "65");
  s.office(kOfficeB, "65");
  s.office(kOfficeC, "65");
  auto& taro = s.person("0000000001");
  taro.level = "12";
  taro.cert_from = "20170401";
  s.code("65", "1111", "予防通所介護１", 1647);
  s.code("65", "6107", "予防通所介護加算", 72);
  const YearMonth served{2018, 3}, reviewed{2018, 4};
  auto plan = s.plan("P1", "0000000001", served, {{kOfficeB, "65", 500}, {kOfficeC, "65", 300}});
  auto claim = s.claim("A1", kOffice, "0000000001", served, {{"65", "1111"}, {"65", "6107"}});
  auto m = s.review(reviewed, {plan}, {claim});
  ASSERT_EQ(m.claim("A1").outcome, review::ClaimOutcome::Cut) << ::testing::PrintToString(testing::rows(m.claim("A1")))
                                                             << ::testing::PrintToString(testing::rows(m.plan("P1")));
  SettlementInput in{reviewed, testing::settled_claims(m, reviewed, {claim}), testing::settled_plans(m, {plan}),
                testing::invoice_of({claim}), {}, {}, {}, {}};
  const auto result = settle_month(in, s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, result), Lines{});

  const auto n = official(result, kOffice, "7311");
  EXPECT_EQ(records(n), (Lines{
                            "H1,3070000000,事業所３０７０００００００,201804,20260120,1,和歌山県国民健康保険団体連合会,"
                            "和歌山県介護給付費等審査委員会,",
                            "D1,00300000,0000000001,ｶｲｺﾞ ﾀﾛｳ,201803,65,1111,,,,",
                            "D1,00300000,0000000001,ｶｲｺﾞ ﾀﾛｳ,201803,65,6107,-1719,A,給付管理票に実績が記載されていないもの,"
                            "確定単位数（０単）請求単位数（１７１９単）",
                        }));
  // The 増減表 shows the 査定増減 (−1,719 units) and the 請求差 (−金額 only: 1,719 × 10 円 × 0.9).
  EXPECT_EQ(records(official(result, kOffice, "7211"), "T1"), (Lines{"T1,0,0,-15471,0,0,0,0,0,1,0,-1719,0,0,0,0,0,0,0,0,0"}));
  // Zero-assessed is not returned: 0 円 is paid (seed 002: 「０円の支払いをしている」).
  const auto& o = testing::office_of(result, kOffice);
  EXPECT_EQ(o.payment.care.decided, Yen{0});
  EXPECT_TRUE(o.care_returns.empty());
}

TEST(SettlementCuts, SeedOverPlanIsCutToThePlan) {
  testing::Story s;
  s.office(kOffice, "16");
  s.office(kOfficeB, "13");
  s.person("0000000002").kana = "ｶｲｺﾞ ｼﾞﾛｳ";
  s.code("16", "2101", "通所リハ", 762);
  s.code("16", "5301", "通所リハ加算１", 49);
  s.code("16", "5605", "通所リハ加算２", 27);
  const YearMonth served{2023, 9}, reviewed{2023, 10};
  auto plan = s.plan("P2", "0000000002", served, {{kOffice, "16", 5427}, {kOfficeB, "13", 300}});
  auto claim = s.claim("B1", kOffice, "0000000002", served, {{"16", "2101", 8}, {"16", "5301", 8}, {"16", "5605", 1}});
  ASSERT_EQ(claim.statement.aggregates.front().insurance_units, Units{6515});
  auto m = s.review(reviewed, {plan}, {claim});
  ASSERT_EQ(m.claim("B1").outcome, review::ClaimOutcome::Cut) << ::testing::PrintToString(testing::rows(m.claim("B1")))
                                                             << ::testing::PrintToString(testing::rows(m.plan("P2")));
  SettlementInput in{reviewed, testing::settled_claims(m, reviewed, {claim}), testing::settled_plans(m, {plan}),
                testing::invoice_of({claim}), {}, {}, {}, {}};
  const auto result = settle_month(in, s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, result), Lines{});

  EXPECT_EQ(records(official(result, kOffice, "7311"), "D1"),
            (Lines{
                "D1,00300000,0000000002,ｶｲｺﾞ ｼﾞﾛｳ,202309,16,2101,,,,",
                "D1,00300000,0000000002,ｶｲｺﾞ ｼﾞﾛｳ,202309,16,5301,,,,",
                "D1,00300000,0000000002,ｶｲｺﾞ ｼﾞﾛｳ,202309,16,5605,-1088,B,給付管理票の実績を超えるもの,"
                "確定単位数（５４２７単）請求単位数（６５１５単）",
            }));
  // Paid as recomputed from 5,427 units: floor(5,427 × 10.00) = 54,270 円, 保険 90 % = 48,843 円.
  const auto& o = testing::office_of(result, kOffice);
  EXPECT_EQ(o.payment.care.decided, Yen{48843});
  EXPECT_EQ(records(official(result, kOffice, "7521"), "D1"),
            (Lines{"D1,00300000,202309,16,通所リハビリテーション,1,1,5427,54270,48843,0,0,0,0"}));
  EXPECT_EQ(records(official(result, kOffice, "7513")).front().substr(0, 3), "H1,");
}

TEST(SettlementCuts, UnitsTextFallsBackWhenTheSeedFormDoesNotFit) {
  // 内容2 is 漢字 48 bytes: the seed's 「確定単位数（…単）請求単位数（…単）」 holds 8 digits in all.
  EXPECT_EQ(report::cut_units_text(Units{5427}, Units{6515}), "確定単位数（５４２７単）請求単位数（６５１５単）");
  EXPECT_EQ(report::cut_units_text(Units{12000}, Units{16765}), "確定１２０００単位、請求１６７６５単位");
}

}  // namespace
}  // namespace kaigo::settlement
