#include "kaigo/core/clock.hpp"

#include <fmt/format.h>
#include <chrono>

namespace kaigo {
namespace {

std::optional<int> two_digits(std::string_view s, int lo, int hi) {
  if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return std::nullopt;
  int v = (s[0] - '0') * 10 + (s[1] - '0');
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

}  // namespace

std::optional<ClockTime> ClockTime::parse(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto h = two_digits(s.substr(0, 2), 0, 23);
  auto m = two_digits(s.substr(3, 2), 0, 59);
  if (!h || !m) return std::nullopt;
  return ClockTime{*h, *m};
}

std::string ClockTime::str() const { return fmt::format("{:02}:{:02}", hour, minute); }

std::optional<LocalDateTime> LocalDateTime::parse(std::string_view s) {
  if (s.ends_with("+09:00")) s.remove_suffix(6);
  if (s.size() != 16 && s.size() != 19) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  std::string ymd;
  ymd.append(s.substr(0, 4)).append(s.substr(5, 2)).append(s.substr(8, 2));
  auto date = Date::parse(ymd);
  auto h = two_digits(s.substr(11, 2), 0, 23);
  auto m = two_digits(s.substr(14, 2), 0, 59);
  if (!date || !h || !m) return std::nullopt;
  int sec = 0;
  if (s.size() == 19) {
    if (s[16] != ':') return std::nullopt;
    auto v = two_digits(s.substr(17, 2), 0, 59);
    if (!v) return std::nullopt;
    sec = *v;
  }
  return LocalDateTime{*date, *h, *m, sec};
}

std::string LocalDateTime::str() const {
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", date.year, date.month, date.day, hour, minute, second);
}

std::int64_t LocalDateTime::serial_seconds() const {
  return static_cast<std::int64_t>(date.serial()) * 86400 + hour * 3600 + minute * 60 + second;
}

LocalDateTime LocalDateTime::from_serial_seconds(std::int64_t s) {
  auto days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
  auto rest = static_cast<int>(s - days * 86400);
  return LocalDateTime{Date::from_serial(static_cast<long>(days)), rest / 3600, rest / 60 % 60, rest % 60};
}

LocalDateTime now_jst() {
  using namespace std::chrono;
  auto jst = floor<seconds>(system_clock::now()) + hours(9);
  auto day = floor<days>(jst);
  hh_mm_ss hms{jst - day};
  long serial = day.time_since_epoch().count();
  return LocalDateTime{Date::from_serial(serial), static_cast<int>(hms.hours().count()),
                       static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count())};
}

}  // namespace kaigo
