// core/date — calendar values of the interface: 年月 (YYYYMM) and 年月日 (YYYYMMDD), 西暦 and 和暦.
// Owns: parsing, validation, month arithmetic, era names. Must not: know about time zones or clocks.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kaigo {

// 年月 — a calendar month, e.g. the サービス提供年月 or the 処理対象年月.
struct YearMonth {
  int year = 0;
  int month = 0;  // 1..12

  constexpr auto operator<=>(const YearMonth&) const = default;
  // "YYYYMM"; nullopt unless six digits with month 01–12 and year ≥ 1900.
  static std::optional<YearMonth> parse(std::string_view s);
  std::string str() const;  // "YYYYMM"
  int index() const { return year * 12 + (month - 1); }
  static YearMonth from_index(int i) { return {i / 12, i % 12 + 1}; }
  YearMonth plus_months(int n) const { return from_index(index() + n); }
  int months_since(YearMonth earlier) const { return index() - earlier.index(); }
  int days() const;  // days in the month
};

// 年月日 — a calendar day.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  constexpr auto operator<=>(const Date&) const = default;
  // "YYYYMMDD"; nullopt unless a real calendar day with year ≥ 1900.
  static std::optional<Date> parse(std::string_view s);
  std::string str() const;  // "YYYYMMDD"
  YearMonth year_month() const { return {year, month}; }
  // Days since 1970-01-01 (proleptic Gregorian), for day differences.
  long serial() const;
  static Date from_serial(long days);
  Date plus_days(long n) const { return from_serial(serial() + n); }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// 和暦: "令和8年4月" style names for printed notices. Eras from 明治 (1868) onward.
std::string wareki_year_month(YearMonth ym);
std::string wareki_date(Date d);
// The short form printed in the tables of the 国保連's 帳票: era initial, two-digit year, month
// ("R08.4" for 令和8年4月, "H31.4" for 平成31年4月).
std::string wareki_short_year_month(YearMonth ym);

}  // namespace kaigo
