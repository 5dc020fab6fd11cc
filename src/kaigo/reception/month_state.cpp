#include "kaigo/reception/month_state.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::reception {

bool can_move(MonthState from, MonthState to) { return enum_may_move(from, to); }

LocalDateTime window_end(YearMonth month, const ReceptionSettings& s) {
  return {Date{month.year, month.month, s.deadline_day}, s.deadline_time.hour, s.deadline_time.minute, 59};
}

}  // namespace kaigo::reception
