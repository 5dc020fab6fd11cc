// 単位数単価: the formula of review-rules §2.3 against its full table and the shared R6 table.
#include <gtest/gtest.h>

#include <array>

#include "kaigo/core/strings.hpp"
#include "kaigo/master/masters.hpp"
#include "unit/master/shared_data.hpp"

namespace kaigo::master {
namespace {

struct Row {
  int region_class;
  int uplift;
  std::int64_t p70, p55, p45;
};
// review-rules §2.3, the whole table.
constexpr std::array<Row, 8> kTable{{
    {1, 20, 1140, 1110, 1090},
    {2, 16, 1112, 1088, 1072},
    {3, 15, 1105, 1083, 1068},
    {4, 12, 1084, 1066, 1054},
    {5, 10, 1070, 1055, 1045},
    {6, 6, 1042, 1033, 1027},
    {7, 3, 1021, 1017, 1014},
    {0, 0, 1000, 1000, 1000},
}};

using testing::bundled;

TEST(MasterUnitPrice, FormulaGivesTheWholeTable) {
  for (const auto& r : kTable) {
    EXPECT_EQ(unit_price_from(r.uplift, LaborShare::P70).x100, r.p70) << r.region_class;
    EXPECT_EQ(unit_price_from(r.uplift, LaborShare::P55).x100, r.p55) << r.region_class;
    EXPECT_EQ(unit_price_from(r.uplift, LaborShare::P45).x100, r.p45) << r.region_class;
    EXPECT_EQ(unit_price_from(r.uplift, LaborShare::Flat10).x100, 1000) << r.region_class;
  }
}

TEST(MasterUnitPrice, BundledUpliftsGiveTheTableForEveryServiceClass) {
  const auto& m = bundled();
  YearMonth month{2026, 6};
  for (const auto& r : kTable) {
    EXPECT_EQ(m.unit_prices.unit_price(r.region_class, LaborShare::P70, month)->x100, r.p70);
    EXPECT_EQ(m.unit_prices.unit_price(r.region_class, LaborShare::P55, month)->x100, r.p55);
    EXPECT_EQ(m.unit_prices.unit_price(r.region_class, LaborShare::P45, month)->x100, r.p45);
    EXPECT_EQ(m.unit_prices.unit_price(r.region_class, LaborShare::Flat10, month)->x100, 1000);
  }
  // Through the service type: 訪問介護 70%, 短期入所生活介護 55%, 通所介護 45%, 福祉用具貸与 10円.
  EXPECT_EQ(m.unit_price(1, "11", month)->x100, 1140);
  EXPECT_EQ(m.unit_price(3, "11", month)->x100, 1105);  // the real 千葉市 claim value
  EXPECT_EQ(m.unit_price(2, "21", month)->x100, 1088);
  EXPECT_EQ(m.unit_price(7, "15", month)->x100, 1014);
  EXPECT_EQ(m.unit_price(1, "17", month)->x100, 1000);
  EXPECT_EQ(m.unit_price(1, "31", month)->x100, 1000);
}

TEST(MasterUnitPrice, RegionOfMunicipality) {
  const auto& m = bundled();
  YearMonth month{2026, 6};
  EXPECT_EQ(m.unit_prices.region_of("131016", month), 1);
  EXPECT_EQ(m.unit_prices.region_of("121002", month), 3);
  EXPECT_EQ(m.unit_prices.region_of("122289", month), 5);
  EXPECT_EQ(m.unit_prices.region_of("124214", month), 0);
  EXPECT_FALSE(m.unit_prices.region_of("999999", month).has_value());
}

// The shared R6 table (profile × class → 単価) must agree with the formula for all 32 cells.
TEST(MasterUnitPrice, MatchesSharedR6TableWhenPresent) {
  const auto compare = [](std::string_view line, const testing::SharedFields& f) {
    if (f[0] == "profile_id") return false;
    const auto no = parse_int(f[3]);
    const auto ratio = parse_int(f[5]);
    EXPECT_TRUE(no && ratio) << line;
    if (!no || !ratio) return false;
    const int region_class = *no == 8 ? 0 : static_cast<int>(*no);
    const LaborShare share = f[0] == "group-1140"   ? LaborShare::P70
                             : f[0] == "group-1110" ? LaborShare::P55
                             : f[0] == "group-1090" ? LaborShare::P45
                                                    : LaborShare::Flat10;
    EXPECT_EQ(bundled().unit_prices.unit_price(region_class, share, {2024, 6})->x100, *ratio) << line;
    return true;
  };
  const auto shared = testing::check_shared_rows("chiiki-kubun-r6/unit_price_table_r6.csv", 7, compare);
  if (!shared) GTEST_SKIP() << "shared data absent";
  EXPECT_EQ(shared->checked, 32);
}

// A few municipalities of the bundled subset against the shared assignment list.
TEST(MasterUnitPrice, BundledRegionsMatchSharedAssignmentsWhenPresent) {
  const auto compare = [](std::string_view line, const testing::SharedFields& f) {
    const auto no = parse_int(f[3]);
    if (!no) return false;
    const auto code = trim(f[4]);
    if (code.size() != 6) return false;  // 特別区 is written as a range
    const auto mine = bundled().unit_prices.region_of(code, {2024, 6});
    if (!mine) return false;
    EXPECT_EQ(*mine, *no) << line;
    return true;
  };
  const auto shared = testing::check_shared_rows("chiiki-kubun-r6/chiiki_kubun_assignments_r6.csv", 5, compare);
  if (!shared) GTEST_SKIP() << "shared data absent";
  EXPECT_GE(shared->checked, 10);
  // Municipalities the list does not name are その他: our 一宮町 and 水上村 rows say 0.
  EXPECT_EQ(shared->text.find("124214"), std::string::npos);
  EXPECT_EQ(shared->text.find("435074"), std::string::npos);
}

}  // namespace
}  // namespace kaigo::master
