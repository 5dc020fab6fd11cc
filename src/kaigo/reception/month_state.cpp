#include "kaigo/reception/month_state.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::reception {

bool can_move(MonthState from, MonthState to) {
  using S = MonthState;
  switch (from) {
    case S::Open:
      return to == S::Closed;
    case S::Closed:
      return to == S::UnderReview;
    case S::UnderReview:
      return to == S::Reviewed || to == S::UnderReview;
    case S::Reviewed:
      return to == S::Settled || to == S::UnderReview;
    case S::Settled:
      return to == S::Settled || to == S::UnderReview;
  }
  return false;
}

LocalDateTime window_end(YearMonth month, const ReceptionSettings& s) {
  return {Date{month.year, month.month, s.deadline_day}, s.deadline_time.hour, s.deadline_time.minute, 59};
}

}  // namespace kaigo::reception
