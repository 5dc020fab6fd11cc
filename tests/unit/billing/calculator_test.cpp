// The amount calculator against every worked example of review-rules §2 (1,234 units at 1級地 70%,
// 公費 with and without 本人負担, 生保単独, 特定入所者, 社福軽減, 割引 and percentage 加算), and
// compute()/compare() on whole statements.
#include <gtest/gtest.h>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/fund_priority.hpp"
#include "kaigo/master/masters.hpp"

namespace kaigo::billing {
namespace {

constexpr UnitPrice k1kyu70{1140};

AggregateInput plain(Units units, int rate = 90) {
  AggregateInput in;
  in.limit_units = units;
  in.unit_price = k1kyu70;
  in.insurance_rate = rate;
  return in;
}

// The worked example (1,234 units at 90 %) with 公費1 at `rate` on `units`, `self_pay` of its 本人負担 unused.
AggregateInput with_fund(int rate, Units units, Yen self_pay = Yen{0}) {
  AggregateInput in = plain(Units{1234});
  in.funds[0] = {true, rate, units, self_pay};
  return in;
}

// review-rules §2.4 worked example.
TEST(CalcAggregate, WorkedExample1234Units) {
  auto a = compute_aggregate(plain(Units{1234}));
  EXPECT_EQ(a.benefit_units, Units{1234});
  EXPECT_EQ(a.cost, Yen{14067});
  EXPECT_EQ(a.insurance_claim, Yen{12660});
  EXPECT_EQ(a.user_burden, Yen{1407});
}

TEST(CalcAggregate, TwoAndThreeTenthsUsers) {
  auto a80 = compute_aggregate(plain(Units{1234}, 80));
  EXPECT_EQ(a80.insurance_claim, Yen{11253});  // floor(14067 × 0.8) = floor(11253.6)
  EXPECT_EQ(a80.user_burden, Yen{2814});
  auto a70 = compute_aggregate(plain(Units{1234}, 70));
  EXPECT_EQ(a70.insurance_claim, Yen{9846});  // floor(9846.9)
  EXPECT_EQ(a70.user_burden, Yen{4221});
}

TEST(CalcAggregate, PlanCapsOnlyTheLimitTargetUnits) {
  AggregateInput in = plain(Units{1234});
  in.outside_limit_units = Units{100};
  in.plan_units = Units{1000};
  auto a = compute_aggregate(in);
  EXPECT_EQ(a.benefit_units, Units{1100});  // min(1000, 1234) + 100
  EXPECT_EQ(a.cost, Yen{12540});
  EXPECT_EQ(a.insurance_claim, Yen{11286});
  EXPECT_EQ(a.user_burden, Yen{1254});
  in.plan_units.reset();  // no plan limit: just the sum
  EXPECT_EQ(compute_aggregate(in).benefit_units, Units{1334});
}

// 生保 (法別12) 100% beside 保険 90%: the 公費 takes the whole remainder, the user pays nothing.
TEST(CalcAggregate, WelfareFundFullRateWithInsurance) {
  auto a = compute_aggregate(with_fund(100, Units{1234}));
  EXPECT_EQ(a.insurance_claim, Yen{12660});
  EXPECT_EQ(a.funds[0].units, Units{1234});
  EXPECT_EQ(a.funds[0].claim, Yen{1407});
  EXPECT_EQ(a.funds[0].self_pay, Yen{0});
  EXPECT_EQ(a.user_burden, Yen{0});
}

// A 100% 公費 with a monthly 本人負担 of 1,000円: 本人負担 first, the 公費 claims the rest.
TEST(CalcAggregate, FundWithSelfPay) {
  AggregateInput in = with_fund(100, Units{1234}, Yen{1000});
  auto a = compute_aggregate(in);
  EXPECT_EQ(a.funds[0].self_pay, Yen{1000});
  EXPECT_EQ(a.funds[0].claim, Yen{407});
  EXPECT_EQ(a.user_burden, Yen{0});
  // 本人負担 larger than the 公費 share: all of it is 本人負担, the 公費 claims nothing.
  in.funds[0].self_pay_available = Yen{5000};
  auto b = compute_aggregate(in);
  EXPECT_EQ(b.funds[0].self_pay, Yen{1407});
  EXPECT_EQ(b.funds[0].claim, Yen{0});
  EXPECT_EQ(b.user_burden, Yen{0});
}

// A 公費 covering only part of the units: floor(floor(Uk × 単価) × (100 − 90) / 100).
TEST(CalcAggregate, FundOnPartOfTheUnits) {
  auto a = compute_aggregate(with_fund(100, Units{1000}));
  EXPECT_EQ(a.funds[0].units, Units{1000});
  EXPECT_EQ(a.funds[0].claim, Yen{1140});
  EXPECT_EQ(a.user_burden, Yen{267});
}

// 公費2 applies only above the rate already covered; after a 100% 公費 nothing is left.
TEST(CalcAggregate, SecondFundOnlyAbovePreviousRate) {
  AggregateInput in = with_fund(95, Units{1234});
  in.funds[1] = {true, 100, Units{1234}, Yen{0}};
  auto a = compute_aggregate(in);
  EXPECT_EQ(a.funds[0].claim, Yen{703});  // floor(14067 × 5 / 100)
  EXPECT_EQ(a.funds[1].claim, Yen{704});  // 14067 − 12660 − 703
  EXPECT_EQ(a.user_burden, Yen{0});
  in.funds[0].rate = 100;
  auto b = compute_aggregate(in);
  EXPECT_EQ(b.funds[0].claim, Yen{1407});
  EXPECT_EQ(b.funds[1].claim, Yen{0});
  EXPECT_EQ(b.funds[1].units, Units{0});
}

// The 公費 apply in the order of their 法別番号 whatever their slots (fund_priority.tsv): 生活保護 (12)
// written in slot 1 still comes after 結核 (10) in slot 2.
TEST(CalcAggregate, FundsApplyInTheOrderOfTheirLawNumbersWithWelfareLast) {
  BasicInfo basic;
  basic.funds[0] = {"12306013", "0000022", 100};
  basic.funds[1] = {"10306018", "0000021", 95};
  EXPECT_EQ(fund_order(basic), (std::array<std::size_t, kFundSlots>{1, 0, 2}));
  AggregateInput in = with_fund(100, Units{1234});
  in.funds[1] = {true, 95, Units{1234}, Yen{0}};
  in.order = fund_order(basic);
  auto a = compute_aggregate(in);
  EXPECT_EQ(a.funds[1].claim, Yen{703});  // 結核 first: floor(14067 × (95 − 90) / 100)
  EXPECT_EQ(a.funds[0].claim, Yen{704});  // 生活保護 last: 14067 − 12660 − 703
  EXPECT_EQ(a.user_burden, Yen{0});
  // Equal priorities (two unlisted 法別番号) keep their slots' order.
  basic.funds[0] = {"58300001", "0000001", 100};
  basic.funds[1] = {"59300001", "0000002", 100};
  EXPECT_EQ(fund_order(basic), (std::array<std::size_t, kFundSlots>{0, 1, 2}));
  EXPECT_EQ(law_priority("12"), 99);
  EXPECT_EQ(law_priority("58"), kUnlistedLawPriority);
}

// 生保単独 (H番号): 保険 0, the 公費 pays everything.
TEST(CalcAggregate, WelfareOnly) {
  AggregateInput in = plain(Units{1234}, 0);
  in.welfare_only = true;
  in.funds[0] = {true, 100, Units{1234}, Yen{0}};
  auto a = compute_aggregate(in);
  EXPECT_EQ(a.cost, Yen{14067});
  EXPECT_EQ(a.insurance_claim, Yen{0});
  EXPECT_EQ(a.funds[0].claim, Yen{14067});
  EXPECT_EQ(a.user_burden, Yen{0});
}

TEST(CalcUnits, DiscountAndPercentageAdditionsRoundHalfUp) {
  EXPECT_EQ(line_units(Units{244}, 8), Units{1952});
  EXPECT_EQ(discounted_units(Units{244}, 10), Units{220});  // 219.6
  EXPECT_EQ(discounted_units(Units{245}, 10), Units{221});  // 220.5 → 221
  EXPECT_EQ(discounted_units(Units{-47}, 10), Units{-42});  // −42.3 → −42
  EXPECT_EQ(percentage_addition(Units{1952}, 15), Units{293});  // 特別地域加算 292.8
  EXPECT_EQ(percentage_addition(Units{1950}, 15), Units{293});  // 292.5 → 293
  EXPECT_EQ(percentage_addition(Units{1000}, 10), Units{100});
  EXPECT_EQ(per_mille_addition(Units{1952}, 245), Units{478});  // 478.24
}

TEST(CalcUnits, CostIsTruncatedBelowOneYen) {
  EXPECT_EQ(cost_of(Units{1234}, UnitPrice{1140}), Yen{14067});
  EXPECT_EQ(cost_of(Units{999}, UnitPrice{1014}), Yen{10129});  // 10129.86
  EXPECT_EQ(cost_of(Units{1}, UnitPrice{1105}), Yen{11});
}

// 特定入所者 (review-rules §2.5): 食費 基準費用額 1,445円, 第2段階 負担限度額 390円, 30 days.
TEST(CalcFacility, FoodForASecondStageResident) {
  FacilityLineInput in;
  in.unit_cost = Yen{1445};
  in.burden_limit = Yen{390};
  in.days = 30;
  auto a = compute_facility_line(in);
  EXPECT_EQ(a.cost, Yen{43350});
  EXPECT_EQ(a.insurance_claim, Yen{31650});
  EXPECT_EQ(a.user_burden, Yen{11700});
}

TEST(CalcFacility, FundPaysTheBurdenAndWelfareOnlyPaysAll) {
  FacilityLineInput in;
  in.unit_cost = Yen{915};  // 多床室 特養
  in.burden_limit = Yen{430};
  in.days = 10;
  in.fund_present[0] = true;
  in.fund_days[0] = 10;
  auto a = compute_facility_line(in);
  EXPECT_EQ(a.cost, Yen{9150});
  EXPECT_EQ(a.insurance_claim, Yen{4850});
  EXPECT_EQ(a.fund_burden[0], Yen{4300});
  EXPECT_EQ(a.user_burden, Yen{0});
  in.welfare_only = true;
  auto w = compute_facility_line(in);
  EXPECT_EQ(w.insurance_claim, Yen{0});
  EXPECT_EQ(w.fund_burden[0], Yen{9150});
  EXPECT_EQ(w.user_burden, Yen{0});
  // 第1段階 多床室: limit 0 → insurance pays all.
  FacilityLineInput zero{Yen{915}, Yen{0}, 10, {}, {}, false};
  EXPECT_EQ(compute_facility_line(zero).insurance_claim, Yen{9150});
}

TEST(CalcReduction, WelfareCorporationReductionIsTruncated) {
  EXPECT_EQ(welfare_reduction(Yen{1407}, 250), Yen{351});  // 351.75
  EXPECT_EQ(welfare_reduction(Yen{10000}, 250), Yen{2500});
  EXPECT_EQ(welfare_reduction(Yen{999}, 125), Yen{124});  // 124.875
}

// ---- whole statements -----------------------------------------------------------------------------

const master::Masters& masters() {
  static const master::Masters m = *master::load_bundled_masters().table;
  return m;
}

DetailLine line(const char* type, const char* item, std::int64_t unit, int count) {
  DetailLine d;
  d.service_type = type;
  d.item_code = item;
  d.unit_units = Units{unit};
  d.count = count;
  d.service_units = Units{unit * count};
  return d;
}

// A 訪問介護 claim at a 1級地 office: 身体介護１ ×4 + 身体介護２ ×2 = 1,750 units.
ClaimStatement home_help_claim() {
  ClaimStatement s;
  s.key = {"7131", {2026, 6}, "1310000001", "00131016", "0000000001"};
  s.basic.insurance_rate = 90;
  s.basic.care_level = "21";
  s.details = {line("11", "1111", 244, 4), line("11", "1211", 387, 2)};
  AggregateRow a;
  a.service_type = "11";
  a.actual_days = 6;
  a.plan_units = Units{1750};
  a.limit_units = Units{1750};
  a.insurance_units = Units{1750};
  a.unit_price = UnitPrice{1140};
  a.insurance_claim = Yen{17955};  // floor(1750 × 11.40 = 19950 × 0.9)
  a.user_burden = Yen{1995};
  s.aggregates = {a};
  s.basic.insurance = {Units{1750}, Yen{17955}, Yen{1995}, {}, {}, {}};
  return s;
}

StatementTerms terms_for_home_help(std::optional<Units> plan) {
  StatementTerms t;
  t.types = {{"11", masters().unit_price(1, "11", {2026, 6}), plan}};
  t.codes = &masters().service_codes;
  return t;
}

TEST(CalcStatement, CorrectClaimHasNoDifference) {
  auto w = home_help_claim();
  auto r = compute(w, terms_for_home_help(Units{1750}));
  EXPECT_TRUE(r.notes.empty());
  auto diffs = compare(w, r.statement);
  for (const auto& d : diffs) ADD_FAILURE() << d.to_string();
  EXPECT_EQ(r.statement.basic.insurance.claim, Yen{17955});
}

TEST(CalcStatement, OverstatedClaimIsNamedItemByItem) {
  auto w = home_help_claim();
  w.aggregates[0].insurance_claim = Yen{18000};
  w.aggregates[0].user_burden = Yen{1950};
  w.basic.insurance.claim = Yen{18000};
  w.basic.insurance.burden = Yen{1950};
  auto r = compute(w, terms_for_home_help(Units{1750}));
  auto diffs = compare(w, r.statement);
  ASSERT_EQ(diffs.size(), 4u);
  EXPECT_EQ(diffs[0].record_kind, "01");
  EXPECT_EQ(diffs[0].item_no, 34);
  EXPECT_EQ(diffs[0].item_name, "保険請求額");
  EXPECT_EQ(diffs[0].written, 18000);
  EXPECT_EQ(diffs[0].computed, 17955);
  EXPECT_TRUE(diffs[0].written_exceeds());
  EXPECT_EQ(diffs[1].item_no, 35);
  EXPECT_FALSE(diffs[1].written_exceeds());
  EXPECT_EQ(diffs[2].record_kind, "10");
  EXPECT_EQ(diffs[2].key, "11");
  EXPECT_EQ(diffs[2].item_no, 16);
  EXPECT_EQ(diffs[3].item_no, 17);
  EXPECT_NE(diffs[2].to_string().find("保険請求額(項番16)"), std::string::npos);
}

TEST(CalcStatement, WrongUnitPriceAndDetailUnitsAreFound) {
  auto w = home_help_claim();
  w.details[0].service_units = Units{1000};  // 244 × 4 = 976
  auto t = terms_for_home_help(Units{1750});
  t.types[0].unit_price = masters().unit_price(3, "11", {2026, 6});  // the office is 3級地
  auto r = compute(w, t);
  auto diffs = compare(w, r.statement);
  bool detail = false, price = false;
  for (const auto& d : diffs) {
    if (d.record_kind == "02" && d.item_no == 14) detail = d.written == 1000 && d.computed == 976;
    if (d.record_kind == "10" && d.item_no == 15) price = d.written == 1140 && d.computed == 1105;
  }
  EXPECT_TRUE(detail);
  EXPECT_TRUE(price);
}

TEST(CalcStatement, PlanCutAndOutsideLimitCodes) {
  auto w = home_help_claim();
  // 訪問看護 with a 緊急時訪問看護加算 (限度額対象外) on the same claim.
  w.details.push_back(line("13", "1211", 823, 2));
  w.details.push_back(line("13", "3001", 600, 1));
  StatementTerms t = terms_for_home_help(Units{1500});
  t.types.push_back({"13", masters().unit_price(1, "13", {2026, 6}), Units{2000}});
  auto r = compute(w, t);
  const auto* hh = r.statement.aggregate("11");
  ASSERT_NE(hh, nullptr);
  EXPECT_EQ(hh->insurance_units, Units{1500});
  EXPECT_EQ(hh->insurance_claim, Yen{15390});  // floor(1500 × 11.40 × 0.9)
  const auto* nurse = r.statement.aggregate("13");
  ASSERT_NE(nurse, nullptr);
  EXPECT_EQ(nurse->limit_units, Units{1646});
  EXPECT_EQ(nurse->outside_limit_units, Units{600});
  EXPECT_EQ(nurse->insurance_units, Units{2246});  // min(2000, 1646) + 600: the plan caps only 対象 units
  EXPECT_EQ(r.statement.basic.insurance.units, Units{1500 + 2246});
  // The 13 row was not written: compare reports it missing.
  auto diffs = compare(w, r.statement);
  bool missing = false;
  for (const auto& d : diffs) missing = missing || (d.record_kind == "10" && d.key == "13" && d.item_no == 7);
  EXPECT_TRUE(missing);
}

TEST(CalcStatement, WelfareOnlyStatement) {
  ClaimStatement w = home_help_claim();
  w.key.insured_no = "H000000001";
  w.basic.insurance_rate.reset();
  w.basic.funds[0] = {"12131016", "1234567", 100};
  for (auto& d : w.details) d.fund_counts[0] = d.count;
  auto r = compute(w, terms_for_home_help(Units{1750}));
  const auto& a = r.statement.aggregates[0];
  EXPECT_EQ(a.insurance_claim, Yen{0});
  EXPECT_EQ(a.funds[0].units, Units{1750});
  EXPECT_EQ(a.funds[0].claim, Yen{19950});
  EXPECT_EQ(a.user_burden, Yen{0});
  EXPECT_EQ(r.statement.basic.fund_totals[0].claim, Yen{19950});
  EXPECT_EQ(r.statement.basic.insurance.claim, Yen{0});
}

TEST(CalcStatement, BenefitRateFromLedgerOverridesWrittenRate) {
  auto w = home_help_claim();
  auto t = terms_for_home_help(Units{1750});
  t.insurance_rate = 80;
  auto r = compute(w, t);
  auto diffs = compare(w, r.statement);
  ASSERT_FALSE(diffs.empty());
  EXPECT_EQ(diffs[0].item_no, 29);
  EXPECT_EQ(diffs[0].item_name, "保険給付率");
  EXPECT_EQ(r.statement.aggregates[0].insurance_claim, Yen{15960});
}

TEST(CalcStatement, FacilityStatementWithReduction) {
  ClaimStatement w;
  w.key = {"7183", {2026, 6}, "1310000051", "00131016", "0000000009"};
  w.basic.insurance_rate = 90;
  w.details = {line("51", "1111", 700, 30)};  // a nominal 特養 daily code (not in the bundled master)
  AggregateRow a;
  a.service_type = "51";
  a.unit_price = UnitPrice{1090};
  w.aggregates = {a};
  FacilityCostLine food;
  food.seq = 1;
  food.service_type = "59";
  food.item_code = "5111";
  food.unit_cost = Yen{1500};  // above the 基準費用額: capped
  food.burden_limit = Yen{390};
  food.days = 30;
  w.facility_costs = {food};
  w.reductions = {{250, "51", {}, {}, {}, ""}};
  StatementTerms t;
  t.types = {{"51", masters().unit_price(1, "51", {2026, 6}), std::nullopt}};
  t.facility = {{"5111", Yen{1445}, Yen{390}}};
  auto r = compute(w, t);
  const auto& s = r.statement;
  EXPECT_EQ(s.aggregates[0].insurance_units, Units{21000});
  EXPECT_EQ(s.aggregates[0].insurance_claim, Yen{206010});  // floor(21000 × 10.90 = 228900 × 0.9)
  EXPECT_EQ(s.aggregates[0].user_burden, Yen{22890});
  EXPECT_EQ(s.facility_costs[0].unit_cost, Yen{1445});
  EXPECT_EQ(s.facility_costs[0].insurance_claim, Yen{31650});
  ASSERT_TRUE(s.facility_totals.has_value());
  EXPECT_EQ(s.facility_totals->user_burden, Yen{11700});
  EXPECT_EQ(s.basic.insurance.facility_claim, Yen{31650});
  EXPECT_EQ(s.reductions[0].burden_total, Yen{34590});
  EXPECT_EQ(s.reductions[0].reduction, Yen{8647});  // floor(34590 × 0.25)
  EXPECT_EQ(s.reductions[0].after_reduction, Yen{25943});
  // 様式第八 does not split 限度額 対象外.
  EXPECT_EQ(s.aggregates[0].outside_limit_units, Units{0});
}

}  // namespace
}  // namespace kaigo::billing

#include "kaigo/billing/terms.hpp"

namespace kaigo::billing {
namespace {

TEST(CalcTerms, FromLedgersAndPlan) {
  auto offices = master::load_offices(
      "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,"
      "address,owner_name,bank_name,bank_branch\n1310000001,11,ヘルパー,1,20200401,,1,131016,,,,,\n",
      "offices.csv", &masters().service_types);
  ASSERT_TRUE(offices.ok());
  ClaimStatement w = home_help_claim();
  BenefitPlan plan;
  plan.lines = {{"1310000001", 1, "11", Units{1500}}};
  master::Recipient who;
  who.benefit_rate = 80;
  auto t = make_terms(masters(), *offices.table, w, &plan, &who);
  ASSERT_EQ(t.types.size(), 1u);
  EXPECT_EQ(t.types[0].unit_price, UnitPrice{1140});
  EXPECT_EQ(t.types[0].plan_units, Units{1500});
  EXPECT_EQ(t.insurance_rate, 80);
  auto r = compute(w, t);
  EXPECT_EQ(r.statement.aggregates[0].insurance_units, Units{1500});
  EXPECT_EQ(r.statement.aggregates[0].insurance_claim, Yen{13680});  // floor(17100 × 0.8)
  // No line for the office on the plan: 0 units (増減 事由 A).
  plan.lines[0].office_no = "1310000002";
  auto cut = compute(w, make_terms(masters(), *offices.table, w, &plan, nullptr)).statement;
  EXPECT_EQ(cut.aggregates[0].insurance_units, Units{0});
  EXPECT_EQ(cut.basic.insurance.claim, Yen{0});
  // No plan at all: no limit.
  auto free = compute(w, make_terms(masters(), *offices.table, w, nullptr, nullptr)).statement;
  EXPECT_EQ(free.aggregates[0].insurance_units, Units{1750});
}

}  // namespace
}  // namespace kaigo::billing
