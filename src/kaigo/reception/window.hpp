// reception/window — which 処理年月 a moment belongs to, and whether a cancel is still possible
// (DESIGN §3.3; seed 000 §5(3), seed 002 §3(3)): the window opens on the 1st at 00:00 and closes
// at the deadline day's deadline minute (included); 取消 is possible from the 1st until the
// cancel cut-off minute (included) of the deadline day.
// Owns: those two rules over the settings. Must not: know files, states or storage.
#pragma once
#include <optional>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/settings.hpp"

namespace kaigo::reception {

// The 処理年月 of a file received at `at`; nullopt outside every window (受付期間外).
std::optional<YearMonth> processing_month_at(const LocalDateTime& at, const ReceptionSettings& s);

// Whether a file of processing month `month` may still be cancelled at `at`.
bool cancel_open(const LocalDateTime& at, YearMonth month, const ReceptionSettings& s);
// The last minute a file of `month` may be cancelled in (included: until hh:mm:59), for the screens
// that say until when.
LocalDateTime cancel_until(YearMonth month, const ReceptionSettings& s);

}  // namespace kaigo::reception
