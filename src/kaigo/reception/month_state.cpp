#include "kaigo/reception/month_state.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::reception {
namespace {

constexpr EnumTable<MonthState, 5> kMonthStates{{{
    {MonthState::Open, "open", "受付中"},
    {MonthState::Closed, "closed", "締切"},
    {MonthState::UnderReview, "under_review", "審査中"},
    {MonthState::Reviewed, "reviewed", "審査済"},
    {MonthState::Settled, "settled", "支払済"},
}}};
static_assert(kMonthStates.one_to_one());

}  // namespace

std::string_view month_state_name(MonthState s) { return kMonthStates.ja(s); }
std::string_view month_state_code(MonthState s) { return kMonthStates.code(s); }
std::optional<MonthState> parse_month_state_code(std::string_view code) { return kMonthStates.parse(code); }

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
