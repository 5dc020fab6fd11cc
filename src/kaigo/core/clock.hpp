// core/clock — a moment in Japan time (JST, the only zone the 国保連 works in): reception times,
// state changes, cut-offs. Stored and printed as ISO-8601 local time "YYYY-MM-DDTHH:MM:SS".
// Owns: parsing, comparison and the current JST time. Must not: know any window or deadline rule.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/date.hpp"

namespace kaigo {

// 時刻 (hour:minute) of a setting such as the 受付締切時刻 "23:59".
struct ClockTime {
  int hour = 0;
  int minute = 0;
  constexpr auto operator<=>(const ClockTime&) const = default;
  static std::optional<ClockTime> parse(std::string_view hh_mm);  // "HH:MM", 00:00–23:59
  std::string str() const;                                        // "HH:MM"
};

// 日時 in JST.
struct LocalDateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;

  constexpr auto operator<=>(const LocalDateTime&) const = default;
  // "YYYY-MM-DDTHH:MM[:SS]" (a space instead of T is accepted; a "+09:00" suffix is accepted, any
  // other zone is refused because every rule here is in Japan time).
  static std::optional<LocalDateTime> parse(std::string_view iso);
  std::string str() const;  // "YYYY-MM-DDTHH:MM:SS"
  ClockTime clock() const { return {hour, minute}; }
  // Whether this moment falls at or before the whole minute `t` of its own day (23:59 includes
  // 23:59:59): deadlines are written to the minute and include it.
  bool within_minute(ClockTime t) const { return ClockTime{hour, minute} <= t; }
  // Seconds since 1970-01-01T00:00:00 of the same wall clock (JST), for durations and expiries
  // (session idle time, lockouts, certificate validity).
  std::int64_t serial_seconds() const;
  static LocalDateTime from_serial_seconds(std::int64_t s);
  LocalDateTime plus_seconds(std::int64_t s) const { return from_serial_seconds(serial_seconds() + s); }
  // The same moment as POSIX time (UTC), for OpenSSL and mail headers.
  std::int64_t unix_time() const { return serial_seconds() - 9 * 3600; }
};

// The current time in Japan (UTC+9, no daylight saving).
LocalDateTime now_jst();

}  // namespace kaigo
