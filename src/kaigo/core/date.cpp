#include "kaigo/core/date.hpp"

#include <array>
#include <fmt/format.h>

namespace kaigo {
namespace {

std::optional<int> digits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

struct Era {
  Date start;
  const char* name;
  char initial;  // the letter of the short form (R05.9)
};
// Start days of the eras (the first day of each era is year 1, written 元年).
constexpr std::array<Era, 5> kEras{{{{2019, 5, 1}, "令和", 'R'},
                                    {{1989, 1, 8}, "平成", 'H'},
                                    {{1926, 12, 25}, "昭和", 'S'},
                                    {{1912, 7, 30}, "大正", 'T'},
                                    {{1868, 1, 25}, "明治", 'M'}}};

std::string era_year(const Era& e, int year) {
  int n = year - e.start.year + 1;
  return n == 1 ? fmt::format("{}元年", e.name) : fmt::format("{}{}年", e.name, n);
}

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && is_leap_year(y)) return 29;
  return kDays[static_cast<std::size_t>(m - 1)];
}

std::optional<YearMonth> YearMonth::parse(std::string_view s) {
  if (s.size() != 6) return std::nullopt;
  auto y = digits(s.substr(0, 4));
  auto m = digits(s.substr(4, 2));
  if (!y || !m || *y < 1900 || *m < 1 || *m > 12) return std::nullopt;
  return YearMonth{*y, *m};
}

std::string YearMonth::str() const { return fmt::format("{:04d}{:02d}", year, month); }

int YearMonth::days() const { return days_in_month(year, month); }

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  auto y = digits(s.substr(0, 4));
  auto m = digits(s.substr(4, 2));
  auto d = digits(s.substr(6, 2));
  if (!y || !m || !d || *y < 1900 || *m < 1 || *m > 12) return std::nullopt;
  if (*d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
  return Date{*y, *m, *d};
}

std::string Date::str() const { return fmt::format("{:04d}{:02d}{:02d}", year, month, day); }

// Howard Hinnant's days_from_civil.
long Date::serial() const {
  const long y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_serial(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

std::string wareki_date(Date d) {
  for (const auto& e : kEras) {
    if (d >= e.start) return fmt::format("{}{}月{}日", era_year(e, d.year), d.month, d.day);
  }
  return fmt::format("{}年{}月{}日", d.year, d.month, d.day);
}

std::string wareki_year_month(YearMonth ym) {
  // A month belongs to the era in force on its last day (令和元年5月, 平成31年4月).
  Date last{ym.year, ym.month, ym.days()};
  for (const auto& e : kEras) {
    if (last >= e.start) return fmt::format("{}{}月", era_year(e, ym.year), ym.month);
  }
  return fmt::format("{}年{}月", ym.year, ym.month);
}

std::string wareki_short_year_month(YearMonth ym) {
  Date last{ym.year, ym.month, ym.days()};
  for (const auto& e : kEras) {
    if (last >= e.start) return fmt::format("{}{:02d}.{}", e.initial, ym.year - e.start.year + 1, ym.month);
  }
  return fmt::format("{:04d}.{}", ym.year, ym.month);
}

}  // namespace kaigo
