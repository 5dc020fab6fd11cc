// The values the hub works with, read from the hand-written v4.1 files and written back: 第6表 予定
// and 実績 per person and month, 第7表 with its subtotals and limit figures, 利用者補足情報 tied to a
// 第1表 or to a month. Values written give back the same bytes.
#include <gtest/gtest.h>

#include <algorithm>

#include "kaigo/careplan/records.hpp"
#include "support/test_support.hpp"

namespace kaigo::careplan {
namespace {

using kaigo::testing::fixture;
using kaigo::testing::read_file;

constexpr std::string_view kPlan = "UPPLAN_202506_1310000001_43_1310000002_11_20250520170000.CSV";
constexpr std::string_view kSheet = "UPSIKYU_202506_1310000001_43_1310000002_11_20250520170000.CSV";
constexpr std::string_view kSupplement = "UPHOSOKU_202506_1310000001_43_1310000002_11_20250520170000.CSV";
constexpr std::string_view kPlanSupplement = "UPHOSOKU_000000_1310000001_43_1310000002_11_20250415101500.CSV";
constexpr std::string_view kActual = "UPJSK_202506_1310000002_11_1310000001_43_20250705090000.CSV";

std::string edge(std::string_view name) { return read_file(fixture("careplan/edge/" + std::string(name))); }

TEST(CareplanValues, UsagePlanPerPersonAndMonth) {
  auto read = read_usage_sheets(kPlan, edge(kPlan));
  EXPECT_TRUE(read.check.ok());
  ASSERT_EQ(read.values.size(), 2u);
  const UsageSheet& a = read.values[0];
  EXPECT_EQ(a.kind, UsageKind::Plan);
  EXPECT_EQ(a.person, (PersonId{"131016", "0000012345"}));
  EXPECT_EQ(a.month, (YearMonth{2025, 6}));
  EXPECT_EQ(a.created, (Date{2025, 5, 20}));
  EXPECT_EQ(a.plan_office_no, "1310000001");
  EXPECT_EQ(a.planner_name, "居宅　花子");
  ASSERT_EQ(a.lines.size(), 5u);
  const ServiceUse& visit = a.lines[0];
  EXPECT_EQ(visit.date, (Date{2025, 6, 2}));
  EXPECT_EQ(visit.start_time, "0900");
  EXPECT_EQ(visit.end_time, "0930");
  EXPECT_EQ(visit.count, 1);
  EXPECT_EQ(visit.service_code, "111111");
  EXPECT_EQ(visit.service_type(), "11");
  EXPECT_EQ(visit.units, Units{250});
  EXPECT_EQ(visit.office_no, "1310000002");
  EXPECT_EQ(visit.office_name, "ケアステーション\"あおば\"");
  EXPECT_EQ(visit.updater, "1310000001");
  const ServiceUse& reduction = a.lines[2];
  EXPECT_EQ(reduction.units, Units{-25});
  EXPECT_EQ(reduction.start_time, "");  // 9999: a service without time
  const ServiceUse& chair = a.lines[3];
  EXPECT_EQ(chair.tais_code, "00170-000123");
  EXPECT_EQ(chair.product_name, "自走用車いす, 標準型");
  EXPECT_EQ(chair.discriminator, 1);
  const ServiceUse& rail = a.lines[4];
  EXPECT_EQ(rail.notified_code, "T0000012");
  EXPECT_EQ(rail.product_name, "手すり\r\n(廊下)");
  EXPECT_EQ(rail.daily_rate_days, "0000000000000001111111111111110");
  EXPECT_EQ(a.total_units(), Units{1125});
  EXPECT_EQ(a.units_of("1310000002", "11"), Units{475});
  EXPECT_EQ(a.units_of("1310000003", "17"), Units{650});
  const UsageSheet& b = read.values[1];
  EXPECT_EQ(b.person.insured_no, "H123456789");
  ASSERT_EQ(b.lines.size(), 1u);
  EXPECT_EQ(b.lines[0].satellite, "1");
  EXPECT_EQ(b.lines[0].office_name, "ケアステーション\"あおば\" 東口");
}

// Folding keeps one line per office × サービスコード with the units summed (a line without units
// adds nothing), so every office × 種類 total is what it was; empty stays empty.
TEST(CareplanValues, AFoldedSheetHasOneLinePerOfficeAndCodeWithTheSameUnits) {
  auto read = read_usage_sheets(kPlan, edge(kPlan));
  ASSERT_EQ(read.values.size(), 2u);
  UsageSheet a = read.values[0];
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& l : a.lines) pairs.emplace_back(l.office_no, l.service_code);
  UsageSheet folded = std::move(a).folded();
  EXPECT_EQ(folded.person, (PersonId{"131016", "0000012345"}));
  EXPECT_EQ(folded.plan_office_no, "1310000001");
  EXPECT_EQ(folded.total_units(), Units{1125});
  EXPECT_EQ(folded.units_of("1310000002", "11"), Units{475});
  EXPECT_EQ(folded.units_of("1310000003", "17"), Units{650});
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  ASSERT_EQ(folded.lines.size(), pairs.size());
  EXPECT_LT(folded.lines.size(), read.values[0].lines.size());
  EXPECT_EQ(folded.lines[0].service_code, "111111");
  EXPECT_EQ(folded.lines[0].date, (Date{2025, 6, 2}));  // the first line of each is kept

  UsageSheet none;
  ServiceUse a1, a2;
  a1.office_no = a2.office_no = "1310000002";
  a1.service_code = a2.service_code = "111111";
  a1.units = std::nullopt;
  a2.units = std::nullopt;
  none.lines = {a1, a2};
  auto f = std::move(none).folded();
  ASSERT_EQ(f.lines.size(), 1u);
  EXPECT_FALSE(f.lines[0].units.has_value());
  UsageSheet some;
  a2.units = Units{-25};
  some.lines = {a1, a2, a1};
  auto g = std::move(some).folded();
  ASSERT_EQ(g.lines.size(), 1u);
  EXPECT_EQ(g.lines[0].units, Units{-25});
}

TEST(CareplanValues, UsageActualFromTheServiceOffice) {
  auto read = read_usage_sheets(kActual, edge(kActual));
  EXPECT_TRUE(read.check.ok());
  ASSERT_EQ(read.values.size(), 2u);
  EXPECT_EQ(read.values[0].kind, UsageKind::Actual);
  EXPECT_EQ(read.values[0].lines[1].start_time, "0905");
  EXPECT_EQ(read.values[0].total_units(), Units{475});
  EXPECT_EQ(read.values[1].total_units(), Units{183});
}

TEST(CareplanValues, BenefitSheetWithSubtotalsAndTotal) {
  auto read = read_benefit_sheets(kSheet, edge(kSheet));
  EXPECT_TRUE(read.check.ok());
  ASSERT_EQ(read.values.size(), 2u);
  const BenefitSheet& a = read.values[0];
  ASSERT_EQ(a.rows.size(), 7u);
  EXPECT_EQ(a.rows[0].kind, BenefitRowKind::Service);
  EXPECT_EQ(a.rows[0].units, Units{250});
  EXPECT_EQ(a.rows[0].count, 2);
  EXPECT_EQ(a.rows[0].managed_units, Units{500});
  EXPECT_EQ(a.rows[0].unit_price, UnitPrice{1140});
  EXPECT_EQ(a.rows[0].total_cost, Yen{5700});
  EXPECT_EQ(a.rows[0].benefit_rate, 90);
  EXPECT_EQ(a.rows[0].claim, Yen{5130});
  EXPECT_EQ(a.rows[0].user_burden, Yen{570});
  EXPECT_EQ(a.rows[1].claim, Yen{-257});
  EXPECT_EQ(a.rows[2].kind, BenefitRowKind::LimitSubtotal);
  EXPECT_EQ(a.rows[2].managed_units, Units{475});
  EXPECT_FALSE(a.rows[2].unit_price);
  EXPECT_EQ(a.rows[3].product_name, "自走用車いす, 標準型");
  EXPECT_EQ(a.rows[4].notified_code, "T0000012");
  ASSERT_NE(a.grand_total(), nullptr);
  EXPECT_EQ(a.grand_total()->office_no, "9999999999");
  EXPECT_EQ(a.grand_total()->managed_units, Units{1125});
  EXPECT_EQ(a.managed_units(), Units{1125});
  EXPECT_EQ(read.values[1].person.insured_no, "H123456789");
  EXPECT_EQ(read.values[1].rows[0].benefit_rate, 100);
}

TEST(CareplanValues, SupplementTiedToAMonthOrToAPlan) {
  auto month = read_supplements(kSupplement, edge(kSupplement));
  EXPECT_TRUE(month.check.ok());
  ASSERT_EQ(month.values.size(), 2u);
  const UserSupplement& a = month.values[0];
  EXPECT_EQ(a.month, (YearMonth{2025, 6}));
  EXPECT_FALSE(a.plan_date);
  EXPECT_EQ(a.name, "山田　太郎");
  EXPECT_EQ(a.name_kana, "ﾔﾏﾀﾞ ﾀﾛｳ");
  EXPECT_EQ(a.address2, "ｺｰﾎﾟ千代田 101号");
  EXPECT_EQ(a.care_level, "22");
  EXPECT_EQ(a.limit_units, Units{19705});
  ASSERT_EQ(a.type_limits.size(), 1u);
  EXPECT_EQ(a.type_limits[0].service_type, "17");
  EXPECT_EQ(a.type_limits[0].limit, Units{3000});
  EXPECT_EQ(a.type_limits[0].total, Units{650});
  EXPECT_EQ(a.type_limits[0].over, Units{0});
  EXPECT_TRUE(month.values[1].type_limits.empty());
  auto plan = read_supplements(kPlanSupplement, edge(kPlanSupplement));
  ASSERT_EQ(plan.values.size(), 1u);
  EXPECT_EQ(plan.values[0].plan_date, (Date{2025, 4, 15}));
  EXPECT_FALSE(plan.values[0].month);
}

TEST(CareplanValues, WrittenBackAsTheSameBytes) {
  EXPECT_EQ(write_usage_sheets(read_usage_sheets(kPlan, edge(kPlan)).values), edge(kPlan));
  EXPECT_EQ(write_usage_sheets(read_usage_sheets(kActual, edge(kActual)).values), edge(kActual));
  EXPECT_EQ(write_benefit_sheets(read_benefit_sheets(kSheet, edge(kSheet)).values), edge(kSheet));
  EXPECT_EQ(write_supplements(read_supplements(kSupplement, edge(kSupplement)).values), edge(kSupplement));
  EXPECT_EQ(write_supplements(read_supplements(kPlanSupplement, edge(kPlanSupplement)).values), edge(kPlanSupplement));
}

TEST(CareplanValues, RecordsWithErrorsAreLeftOutAndListed) {
  auto bytes = read_file(fixture("careplan/bad/CP50-date-outside-month/UPPLAN_202505_1310000001_43_1310000002_11_20250420093000.CSV"));
  auto read = read_usage_sheets("UPPLAN_202505_1310000001_43_1310000002_11_20250420093000.CSV", bytes);
  ASSERT_EQ(read.check.rows.size(), 1u);
  EXPECT_EQ(read.check.rows[0].code, "CP50");
  ASSERT_EQ(read.values.size(), 2u);
  EXPECT_EQ(read.values[0].lines.size(), 1u);  // line 2 of person 1 is out
  EXPECT_EQ(read.values[1].lines.size(), 2u);
}

TEST(CareplanValues, ATextWithoutAnMs932FormIsRefusedNamingTheItem) {
  auto sheets = read_usage_sheets(kPlan, edge(kPlan)).values;
  sheets[0].planner_name = "𠮷田";  // U+20BB7 has no MS932 form
  try {
    (void)write_usage_sheets(sheets);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "riyohyo No.7 プラン担当者名: 1 バイト目の文字は MS932 にない / item 7 (プラン担当者名): the "
                           "character at byte 1 has no MS932 form");
  }
}

}  // namespace
}  // namespace kaigo::careplan
