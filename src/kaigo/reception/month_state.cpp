#include "kaigo/reception/month_state.hpp"

#include <array>

namespace kaigo::reception {
namespace {

struct MonthStateInfo {
  MonthState state;
  std::string_view name;
  std::string_view code;
};

constexpr std::array<MonthStateInfo, 5> kMonthStates{{
    {MonthState::Open, "受付中", "open"},
    {MonthState::Closed, "締切", "closed"},
    {MonthState::UnderReview, "審査中", "under_review"},
    {MonthState::Reviewed, "審査済", "reviewed"},
    {MonthState::Settled, "支払済", "settled"},
}};

}  // namespace

std::string_view month_state_name(MonthState s) { return kMonthStates[static_cast<std::size_t>(s)].name; }
std::string_view month_state_code(MonthState s) { return kMonthStates[static_cast<std::size_t>(s)].code; }

std::optional<MonthState> parse_month_state_code(std::string_view code) {
  for (const auto& info : kMonthStates) {
    if (info.code == code) return info.state;
  }
  return std::nullopt;
}

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
