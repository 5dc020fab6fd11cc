// 日割り (seed 002 §9): every event of the table, for each group of 月額 services, gives the days
// of the サービス算定対象期間 from its 起算日. The event date is 2026-06-10 (June has 30 days):
// a start from day D charges 30 − D + 1 days, an end on day D charges D days.
#include <gtest/gtest.h>

#include <array>
#include <span>

#include "kaigo/billing/daily_rate.hpp"

namespace kaigo::billing {
namespace {

const DailyRateRules& rules() {
  static const DailyRateRules r = [] {
    auto loaded = load_bundled_daily_rate_rules();
    for (const auto& d : loaded.diagnostics) ADD_FAILURE() << d.to_string();
    return *loaded.table;
  }();
  return r;
}

constexpr YearMonth kJune{2026, 6};
constexpr Date kTenth{2026, 6, 10};

int days_for(const char* type, EventSide side, const char* event) {
  ServiceEvent e{event, side, kTenth};
  auto r = days_to_charge(rules(), kJune, type, {&e, 1});
  EXPECT_FALSE(r.monthly) << type << " " << event;
  EXPECT_TRUE(r.ignored.empty()) << type << " " << event;
  return r.days;
}

struct Case {
  const char* type;
  EventSide side;
  const char* event;
  int days;  // 起算日 of the seed → days in June
};

constexpr auto S = EventSide::Start;
constexpr auto E = EventSide::End;

// 介護予防通所リハ (66)
constexpr Case kGroupA[] = {
    {"66", S, "level_change_same_tier", 21},    // 変更日
    {"66", S, "level_change_cross_tier", 21},   // 契約日
    {"66", S, "office_change", 21},             // 契約日
    {"66", S, "business_start", 21},            // 契約日
    {"66", S, "suspension_lifted", 21},         // 契約日
    {"66", S, "residence_exit", 20},            // 退居日の翌日
    {"66", S, "small_multi_cancel", 20},        // 契約解除日の翌日
    {"66", S, "short_stay_exit", 20},           // 退所日の翌日
    {"66", S, "public_fund_start", 21},         // 開始日
    {"66", S, "welfare_to_combined", 21},       // 資格取得日
    {"66", E, "level_change_same_tier", 10},    // 変更日
    {"66", E, "level_change_cross_tier", 10},   // 契約解除日
    {"66", E, "office_change", 10},             // 契約解除日
    {"66", E, "business_end", 10},              // 廃止・満了日
    {"66", E, "suspension_start", 10},          // 開始日
    {"66", E, "residence_entry", 9},            // 入居日の前日
    {"66", E, "small_multi_registration", 9},   // サービス提供日の前日
    {"66", E, "short_stay_entry", 9},           // 入所日の前日
    {"66", E, "public_fund_end", 10},           // 終了日
};

// 小規模多機能 (73), 予防小多機 (75), 看多機 (77)
constexpr Case kGroupB[] = {
    {"73", S, "level_change_same_tier", 21}, {"73", S, "level_change_cross_tier", 21},
    {"75", S, "office_change", 21},          {"77", S, "business_start", 21},
    {"73", S, "suspension_lifted", 21},      {"73", S, "entitlement_gain", 21},
    {"73", S, "move_in", 21},                {"77", S, "registration_start", 21},
    {"73", S, "public_fund_start", 21},      {"73", S, "welfare_to_combined", 21},
    {"73", E, "level_change_same_tier", 10}, {"75", E, "level_change_cross_tier", 10},
    {"73", E, "office_change", 10},          {"73", E, "business_end", 10},
    {"73", E, "suspension_start", 10},       {"77", E, "entitlement_loss", 10},
    {"73", E, "move_out", 10},               {"73", E, "contract_end", 10},
    {"73", E, "public_fund_end", 10},
};

// 夜間対応型訪問介護 (71), 療養通所介護 (78)
constexpr Case kGroupC[] = {
    {"71", S, "office_change", 21},      {"71", S, "suspension_lifted", 21}, {"78", S, "registration_start", 21},
    {"71", S, "public_fund_start", 21},  {"71", S, "welfare_to_combined", 21},
    {"71", E, "office_change", 10},      {"78", E, "business_end", 10},      {"71", E, "suspension_start", 10},
    {"71", E, "contract_end", 10},       {"71", E, "public_fund_end", 10},
};

// 訪問看護 (定期巡回連携型, 13) and 定期巡回・随時対応型訪問介護看護 (76) share every event of the table; they
// differ only in the 起算日 after a stay: 13 starts on the day after 退所日・退居日, 76 on the day itself.
constexpr std::array<Case, 21> regular_rounds_cases(const char* type, int days_after_stay) {
  return {{
      {type, S, "level_change_same_tier", 21}, {type, S, "level_change_cross_tier", 21},
      {type, S, "office_change", 21},          {type, S, "business_start", 21},
      {type, S, "suspension_lifted", 21},      {type, S, "registration_start", 21},
      {type, S, "short_stay_exit", days_after_stay}, {type, S, "residence_exit", days_after_stay},
      {type, S, "medical_nursing_end", 20},    {type, S, "public_fund_start", 21},
      {type, S, "welfare_to_combined", 21},
      {type, E, "level_change_same_tier", 10}, {type, E, "level_change_cross_tier", 10},
      {type, E, "office_change", 10},          {type, E, "business_end", 10},
      {type, E, "suspension_start", 10},       {type, E, "contract_end", 10},
      {type, E, "short_stay_entry", 9},        {type, E, "residence_entry", 9},
      {type, E, "medical_nursing_start", 9},   {type, E, "public_fund_end", 10},
  }};
}

constexpr auto kGroupD = regular_rounds_cases("13", 20);
constexpr auto kGroupE = regular_rounds_cases("76", 21);

// 福祉用具貸与 (17), 介護予防福祉用具貸与 (67)
constexpr Case kGroupF[] = {
    {"17", S, "rental_start", 21},      {"67", S, "public_fund_start", 21}, {"17", S, "welfare_to_combined", 21},
    {"17", E, "rental_end", 10},        {"67", E, "public_fund_end", 10},
};

void check(std::span<const Case> cases) {
  for (const auto& c : cases) EXPECT_EQ(days_for(c.type, c.side, c.event), c.days) << c.type << " " << c.event;
}

TEST(BillingDailyRate, PreventiveDayRehabEvents) { check(kGroupA); }
TEST(BillingDailyRate, SmallMultifunctionalEvents) { check(kGroupB); }
TEST(BillingDailyRate, NightVisitAndMedicalDayCareEvents) { check(kGroupC); }
TEST(BillingDailyRate, VisitingNursingWithRegularRoundsEvents) { check(kGroupD); }
TEST(BillingDailyRate, RegularRoundsEvents) { check(kGroupE); }
TEST(BillingDailyRate, WelfareEquipmentRentalEvents) { check(kGroupF); }

TEST(BillingDailyRate, EveryRuleOfTheTableIsCovered) {
  std::size_t cases = std::size(kGroupA) + std::size(kGroupB) + std::size(kGroupC) + std::size(kGroupD) +
                      std::size(kGroupE) + std::size(kGroupF);
  EXPECT_EQ(rules().rules().size(), cases);
}

TEST(BillingDailyRate, NoEventMeansMonthly) {
  auto r = days_to_charge(rules(), kJune, "73", {});
  EXPECT_TRUE(r.monthly);
  EXPECT_EQ(r.days, 30);
  EXPECT_EQ(days_to_charge(rules(), {2024, 2}, "73", {}).days, 29);
}

TEST(BillingDailyRate, StartAndEndInTheSameMonth) {
  // 看多機: registered on the 10th, contract ended on the 25th → 10..25 = 16 days.
  ServiceEvent ev[] = {{"registration_start", S, kTenth}, {"contract_end", E, {2026, 6, 25}}};
  auto r = days_to_charge(rules(), kJune, "77", ev);
  EXPECT_FALSE(r.monthly);
  EXPECT_EQ(r.from, kTenth);
  EXPECT_EQ(r.to, (Date{2026, 6, 25}));
  EXPECT_EQ(r.days, 16);
}

TEST(BillingDailyRate, EventsThatAreNotReasonsAreIgnored) {
  // 小多機 has no short-stay rule; an event of another month does not count either.
  ServiceEvent ev[] = {{"short_stay_exit", S, kTenth}, {"contract_end", E, {2026, 7, 5}}};
  auto r = days_to_charge(rules(), kJune, "73", ev);
  EXPECT_TRUE(r.monthly);
  EXPECT_EQ(r.days, 30);
  EXPECT_EQ(r.ignored.size(), 2u);
  // 訪問介護 is not a 月額 service of the table.
  EXPECT_FALSE(rules().covers("11"));
  EXPECT_TRUE(rules().covers("76"));
}

TEST(BillingDailyRate, ExitOnTheLastDayLeavesNothingForTheMonth) {
  ServiceEvent ev[] = {{"short_stay_exit", S, {2026, 6, 30}}};
  EXPECT_EQ(days_to_charge(rules(), kJune, "13", ev).days, 0);  // 翌日 = July 1st
  EXPECT_EQ(days_to_charge(rules(), kJune, "76", ev).days, 1);  // 退所日 itself
}

TEST(BillingDailyRate, RentalStartedAndStoppedInOneMonthIsNotProrated) {
  ServiceEvent ev[] = {{"rental_start", S, {2026, 6, 5}}, {"rental_end", E, {2026, 6, 20}}};
  auto r = days_to_charge(rules(), kJune, "17", ev);
  EXPECT_TRUE(r.monthly);
  EXPECT_EQ(r.ignored.size(), 2u);
}

TEST(BillingDailyRate, UnitsOfThePerDayCode) {
  // 定期巡回訪看・日割 97 units/day for 21 days.
  EXPECT_EQ(daily_rate_units(Units{97}, 21), Units{2037});
}

TEST(BillingDailyRate, DuplicateRuleIsRefused) {
  std::string text =
      "group,service_types,side,event,event_ja,anchor,offset,condition\n"
      "A,66,start,office_change,事業所変更,契約日,0,\n"
      "X,13 66,start,office_change,事業所変更,契約日,0,\n";
  auto r = load_daily_rate_rules(text, "rules.csv");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "KM08");
  EXPECT_EQ(r.diagnostics[0].line, 3u);
}

}  // namespace
}  // namespace kaigo::billing
