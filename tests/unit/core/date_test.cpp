#include <gtest/gtest.h>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"

namespace kaigo {

TEST(YearMonth, ParsesAndRejects) {
  EXPECT_EQ(YearMonth::parse("202604"), (YearMonth{2026, 4}));
  EXPECT_FALSE(YearMonth::parse("202613"));
  EXPECT_FALSE(YearMonth::parse("202600"));
  EXPECT_FALSE(YearMonth::parse("20264"));
  EXPECT_FALSE(YearMonth::parse("2026a4"));
  EXPECT_EQ((YearMonth{2026, 12}).plus_months(1), (YearMonth{2027, 1}));
  EXPECT_EQ((YearMonth{2026, 5}).months_since({2025, 11}), 6);
  EXPECT_EQ((YearMonth{2024, 2}).days(), 29);
  EXPECT_EQ((YearMonth{2026, 4}).str(), "202604");
}

TEST(Date, ParsesRealDaysOnly) {
  EXPECT_EQ(Date::parse("20240229"), (Date{2024, 2, 29}));
  EXPECT_FALSE(Date::parse("20250229"));
  EXPECT_FALSE(Date::parse("20260431"));
  EXPECT_EQ((Date{2026, 4, 30}).plus_days(1), (Date{2026, 5, 1}));
  EXPECT_EQ((Date{2026, 3, 1}).serial() - (Date{2026, 2, 1}).serial(), 28);
}

TEST(Wareki, EraBoundaries) {
  EXPECT_EQ(wareki_date({2019, 5, 1}), "令和元年5月1日");
  EXPECT_EQ(wareki_date({2019, 4, 30}), "平成31年4月30日");
  EXPECT_EQ(wareki_year_month({2026, 4}), "令和8年4月");
  EXPECT_EQ(wareki_year_month({2019, 4}), "平成31年4月");
  EXPECT_EQ(wareki_short_year_month({2026, 4}), "R08.4");
  EXPECT_EQ(wareki_short_year_month({2023, 9}), "R05.9");
  EXPECT_EQ(wareki_short_year_month({2019, 5}), "R01.5");
  EXPECT_EQ(wareki_short_year_month({2019, 4}), "H31.4");
  EXPECT_EQ(wareki_short_year_month({2000, 4}), "H12.4");
}

TEST(Money, FloorAndRounding) {
  // 1,234 units at 11.40 yen (1級地 70%) → 14,067.6 → 14,067; 90% → 12,660.3 → 12,660.
  Yen cost = cost_of(Units{1234}, UnitPrice{1140});
  EXPECT_EQ(cost.value, 14067);
  EXPECT_EQ(percent_floor(cost, 90).value, 12660);
  EXPECT_EQ(cost_of(Units{-5}, UnitPrice{1072}).value, -54);  // floor(-53.6)
  EXPECT_EQ(round_half_up_div(5, 2), 3);
  EXPECT_EQ(round_half_up_div(-5, 2), -2);
}

}  // namespace kaigo
