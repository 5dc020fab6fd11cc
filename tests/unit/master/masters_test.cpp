// Bundled masters: service types, service codes (against the shared R6 extraction when present),
// 区分支給限度基準額 current and before 2019-10, 特定入所者 values.
#include <gtest/gtest.h>

#include <map>

#include "kaigo/core/strings.hpp"
#include "kaigo/master/masters.hpp"
#include "unit/master/shared_data.hpp"

namespace kaigo::master {
namespace {

using testing::bundled;

TEST(MasterServiceTypes, FormsFlagsAndKagoCodes) {
  const auto& t = bundled().service_types;
  YearMonth m{2026, 6};
  struct Expect {
    const char* code;
    const char* form;
    bool plan;
    bool limit;
    const char* kago;
    LaborShare share;
  };
  const Expect cases[] = {
      {"11", "7131", true, true, "10", LaborShare::P70},   {"13", "7131", true, true, "10", LaborShare::P70},
      {"15", "7131", true, true, "10", LaborShare::P45},   {"17", "7131", true, true, "10", LaborShare::Flat10},
      {"21", "7143", true, true, "21", LaborShare::P55},   {"22", "7155", true, true, "22", LaborShare::P45},
      {"23", "7164", true, true, "23", LaborShare::P45},   {"2A", "7157", true, true, "2A", LaborShare::P45},
      {"31", "7131", false, false, "10", LaborShare::Flat10}, {"32", "7171", false, false, "30", LaborShare::P45},
      {"33", "7173", false, false, "32", LaborShare::P45}, {"43", "8124", true, false, "40", LaborShare::P70},
      {"46", "8125", true, false, "41", LaborShare::P70},  {"51", "7183", false, false, "50", LaborShare::P45},
      {"52", "7195", false, false, "60", LaborShare::P45}, {"55", "7196", false, false, "61", LaborShare::P45},
      {"63", "7132", true, true, "11", LaborShare::P70},   {"66", "7132", true, true, "11", LaborShare::P55},
      {"67", "7132", true, true, "11", LaborShare::Flat10}, {"78", "7131", true, true, "10", LaborShare::P45},
      {"A2", "71R1", true, true, "10", LaborShare::P70},   {"AF", "8171", true, false, "20", LaborShare::P70},
  };
  for (const auto& e : cases) {
    const auto* s = t.find(e.code, m);
    ASSERT_NE(s, nullptr) << e.code;
    EXPECT_EQ(s->form_id, e.form) << e.code;
    EXPECT_EQ(s->needs_plan, e.plan) << e.code;
    EXPECT_EQ(s->limit_target, e.limit) << e.code;
    EXPECT_EQ(s->kago_form, e.kago) << e.code;
    EXPECT_EQ(s->labor_share, e.share) << e.code;
  }
  // 介護療養型医療施設 ended with March 2024; 介護予防訪問介護 with the move to 総合事業.
  EXPECT_NE(t.find("53", {2024, 3}), nullptr);
  EXPECT_EQ(t.find("53", {2024, 4}), nullptr);
  EXPECT_EQ(t.find("61", {2026, 6}), nullptr);
  EXPECT_EQ(t.find("43", m)->invoice_class, "02");
  EXPECT_EQ(t.find("A6", m)->invoice_class, "05");
}

TEST(MasterServiceCodes, LookupByMonthAndCode) {
  const auto& c = bundled().service_codes;
  YearMonth m{2026, 6};
  const auto* s = c.find("111111", m);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->units, Units{244});
  EXPECT_EQ(s->unit_kind, UnitKind::PerTime);
  EXPECT_TRUE(s->limit_target);
  EXPECT_EQ(c.find("11", "1211", m)->units, Units{387});
  EXPECT_EQ(c.find("211111", m)->unit_kind, UnitKind::PerDay);
  EXPECT_EQ(c.find("432111", m)->unit_kind, UnitKind::PerMonth);
  EXPECT_FALSE(c.find("432111", m)->limit_target);
  EXPECT_FALSE(c.find("156099", m)->limit_target);  // サービス提供体制強化加算
  EXPECT_EQ(c.find("171003", m)->units, Units{0});  // 福祉用具: units from the price
  EXPECT_EQ(c.find("111111", {2024, 3}), nullptr);  // before the R6 values
  EXPECT_EQ(c.find("131010", {2024, 5}), nullptr);  // 訪問看護: R6 from June
  EXPECT_NE(c.find("131010", {2024, 6}), nullptr);
  EXPECT_EQ(c.find("999999", m), nullptr);
  // 月額 ⇄ 日割り
  EXPECT_EQ(c.find("133111", m)->daily_item_code, "3112");
  const auto* monthly = c.monthly_of("133112", m);
  ASSERT_NE(monthly, nullptr);
  EXPECT_EQ(monthly->code(), "133111");
  EXPECT_EQ(c.monthly_of("111111", m), nullptr);
}

// Every bundled code's units agree with the shared R6 extraction (which has 14 codes checked
// against a real claim) when that file is present.
TEST(MasterServiceCodes, BundledUnitsMatchSharedR6ExtractionWhenPresent) {
  const auto text = testing::shared_data_text("service-codes-honobono-r6/service_codes_zaitaku.csv");
  if (!text) GTEST_SKIP() << "shared data absent";
  std::map<std::string, std::int64_t, std::less<>> units;
  for (auto line : lines(*text)) {
    auto f = split(line, ',');
    if (f.size() < 7) continue;
    if (auto u = parse_int(f[5])) units.emplace(std::string(f[3]), *u);
  }
  int checked = 0;
  bundled().service_codes.table().for_each([&](const std::string& code, const ServiceCode& c) {
    auto it = units.find(code);
    if (it == units.end()) return;  // 33 is mislabelled there but present; others all are
    EXPECT_EQ(c.units.value, it->second) << code << " " << c.name;
    ++checked;
  });
  EXPECT_GE(checked, 50);
  // The 14 codes of the real claim (honobono README).
  const std::pair<const char*, std::int64_t> real[] = {
      {"111111", 244}, {"111211", 387}, {"111311", 567}, {"111112", 305}, {"111212", 484},
      {"117211", 179}, {"117311", 220}, {"114111", 309}, {"114311", 439}, {"115111", 452},
      {"115211", 517}, {"115311", 582}, {"116111", 632}, {"114001", 200}};
  for (const auto& [code, u] : real) EXPECT_EQ(bundled().service_codes.find(code, {2026, 6})->units.value, u);
}

// The 区分支給限度基準額 of each level in `m`, in 単位.
void expect_limits(YearMonth m, std::initializer_list<std::pair<const char*, std::int64_t>> limits) {
  const auto& l = bundled().care_limits;
  for (const auto& [level, units] : limits) EXPECT_EQ(l.limit(level, m), Units{units}) << level << " " << m.str();
}

TEST(MasterLimits, CurrentValuesFrom2019October) {
  expect_limits({2019, 10}, {{"12", 5032}, {"13", 10531}, {"21", 16765}, {"22", 19705}, {"23", 27048},
                             {"24", 30938}, {"25", 36217}, {"06", 5032}});
  expect_limits({2026, 6}, {{"25", 36217}});
}

TEST(MasterLimits, ValuesBefore2019October) {
  expect_limits({2019, 9}, {{"12", 5003}, {"13", 10473}, {"21", 16692}, {"22", 19616}, {"23", 26931},
                            {"24", 30806}, {"25", 36065}});
  EXPECT_FALSE(bundled().care_limits.limit("99", {2019, 9}).has_value());
}

TEST(MasterLimits, MatchSharedTableWhenPresent) {
  // A row without units is a heading.
  const auto compare = [](std::string_view line, const testing::SharedFields& f) {
    const auto units = parse_int(f[2]);
    if (!units) return false;
    EXPECT_EQ(bundled().care_limits.limit(f[1], {2024, 6}), Units{*units}) << line;
    return true;
  };
  const auto shared = testing::check_shared_rows("kubun-shikyu-gendo/kubun_shikyu_gendo_kijungaku.csv", 4, compare);
  if (!shared) GTEST_SKIP() << "shared data absent";
  EXPECT_EQ(shared->checked, 7);
}

TEST(MasterLimits, CareLevelCodes) {
  for (auto c : {"01", "06", "11", "12", "13", "21", "22", "23", "24", "25"}) EXPECT_TRUE(is_care_level_code(c));
  for (auto c : {"", "00", "14", "26", "2", "99"}) EXPECT_FALSE(is_care_level_code(c));
  EXPECT_GT(care_level_rank("25"), care_level_rank("21"));
  EXPECT_GT(care_level_rank("21"), care_level_rank("13"));
  EXPECT_EQ(care_level_name("23"), "要介護3");
}

TEST(MasterFacilityCosts, BaseCostsAndBurdenLimits) {
  const auto& f = bundled().facility_costs;
  YearMonth m{2024, 8};
  EXPECT_EQ(f.base_cost(FacilityCostKind::Food, FacilityClass::Tokuyo, m), Yen{1445});
  EXPECT_EQ(f.base_cost(FacilityCostKind::UnitPrivate, FacilityClass::Other, m), Yen{2066});
  EXPECT_EQ(f.base_cost(FacilityCostKind::MultiBed, FacilityClass::Tokuyo, m), Yen{915});
  EXPECT_EQ(f.base_cost(FacilityCostKind::MultiBed, FacilityClass::Other, m), Yen{437});
  EXPECT_EQ(f.base_cost(FacilityCostKind::ConventionalTokuyo, FacilityClass::Tokuyo, m), Yen{1231});
  EXPECT_EQ(f.burden_limit("2", FacilityCostKind::Food, StayKind::Facility, m), Yen{390});
  EXPECT_EQ(f.burden_limit("2", FacilityCostKind::Food, StayKind::ShortStay, m), Yen{600});
  EXPECT_EQ(f.burden_limit("1", FacilityCostKind::MultiBed, StayKind::Facility, m), Yen{0});
  EXPECT_EQ(f.burden_limit("3b", FacilityCostKind::Food, StayKind::Facility, m), Yen{1360});
  EXPECT_EQ(f.burden_limit("3a", FacilityCostKind::UnitPrivate, StayKind::ShortStay, m), Yen{1370});
  EXPECT_FALSE(f.base_cost(FacilityCostKind::Food, FacilityClass::Tokuyo, {2024, 7}).has_value());
}

TEST(MasterBundle, FolderOverridesBundledFiles) {
  auto dir = std::filesystem::temp_directory_path() / "kaigo-master-override-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "care_limits.csv");
    out << "care_level,name,limit_units,valid_from,valid_to\n21,要介護1,17000,20270401,\n";
  }
  auto r = load_masters_from(dir);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.table->care_limits.limit("21", {2027, 4}), Units{17000});
  EXPECT_FALSE(r.table->care_limits.limit("21", {2026, 4}).has_value());
  EXPECT_EQ(r.table->service_codes.find("111111", {2026, 6})->units, Units{244});  // still bundled
  {
    std::ofstream out(dir / "care_limits.csv");
    out << "care_level,name,limit_units,valid_from,valid_to\n21,要介護1,abc,20270401,\n";
  }
  auto bad = load_masters_from(dir);
  EXPECT_FALSE(bad.ok());
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].code, "KM05");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kaigo::master
