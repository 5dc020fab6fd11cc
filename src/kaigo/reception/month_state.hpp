// reception/month_state — the processing month (処理年月) as a state machine: 受付中 (open) →
// 締切 (closed: the window is over by the clock or `--at`, or the operator closed it) → 審査中
// (under review) → 審査済 (reviewed) → 支払済 (settled). A file is taken in, or cancelled, only
// while its month is open; a month is reviewed only once closed; reviewing it again is an
// explicit step back to 審査中.
// Owns: the states, their names and which move is allowed. Must not: know storage.
#pragma once
#include <optional>
#include <string_view>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/clock.hpp"
#include "kaigo/core/settings.hpp"

namespace kaigo::reception {

enum class MonthState {
  Open,         // 受付中
  Closed,       // 締切
  UnderReview,  // 審査中
  Reviewed,     // 審査済
  Settled,      // 支払済
};
inline constexpr EnumTable<MonthState, 5> kMonthStates{{{
#include "kaigo/reception/month_state.enum.inc"
}}};
constexpr const auto& enum_table(MonthState) { return kMonthStates; }

// Whether `from` → `to` is a move of the machine (UnderReview → UnderReview: a review that stopped
// half-way is started again; Reviewed/Settled → UnderReview: an explicit re-review).
bool can_move(MonthState from, MonthState to);

// The last moment of `month`'s reception window (the deadline day's deadline minute, included).
LocalDateTime window_end(YearMonth month, const ReceptionSettings& s);

}  // namespace kaigo::reception
