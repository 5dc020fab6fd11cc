#include "kaigo/reception/window.hpp"

namespace kaigo::reception {

std::optional<YearMonth> processing_month_at(const LocalDateTime& at, const ReceptionSettings& s) {
  if (at.date.day < s.deadline_day) return at.date.year_month();
  if (at.date.day == s.deadline_day && at.within_minute(s.deadline_time)) return at.date.year_month();
  return std::nullopt;
}

bool cancel_open(const LocalDateTime& at, YearMonth month, const ReceptionSettings& s) {
  if (at.date.year_month() != month) return false;
  if (at.date.day < s.deadline_day) return true;
  return at.date.day == s.deadline_day && at.within_minute(s.cancel_cutoff);
}

LocalDateTime cancel_until(YearMonth month, const ReceptionSettings& s) {
  return {{month.year, month.month, s.deadline_day}, s.cancel_cutoff.hour, s.cancel_cutoff.minute, 0};
}

}  // namespace kaigo::reception
