// review/daily_rate_check — 月額包括報酬の日割り in the review (seed 002 §9): a 月額 service of the
// 日割り table (billing/daily_rate) whose サービス算定対象期間 is cut short by an event the 国保連 can
// see — the 明細書's own 開始年月日 / 中止年月日, a 区分変更 or a 認定有効期間 starting or ending in
// the month in the 受給者台帳 — must be claimed with the per-day code for the days of that period,
// not with the 月額 code. AEFJ (サービス可能な日数を超過) names what does not fit:
//   - the 月額 code claimed although 日割り applies (item サービスコード, expected: the per-day
//     code × days);
//   - per-day codes counting more days than the period (item 日数・回数, expected: the days).
// Which ledger or claim fact stands for which 事由 of the table is data
// (detail/daily_rate_events.tsv). Events the 国保連 cannot see (事業所の変更, 指定効力停止, 公費,
// 短期入所) stay the office's to claim: per-day codes with no visible event are not questioned.
// Owns: the events of one 明細書 and the comparison. Must not: decide the outcome (any finding
// returns the 明細書) or count days (billing::days_to_charge does).
#pragma once
#include <span>
#include <vector>

#include "kaigo/billing/daily_rate.hpp"
#include "kaigo/billing/types.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/review/decision.hpp"

namespace kaigo::review {

// The days of the サービス算定対象期間 of one サービス種類 of a 明細書: `daily` is false when no
// visible event makes it 日割り (the 月額 code is then the right one).
struct DailyRateDays {
  bool daily = false;
  int days = 0;  // the month's days when not daily; with a 区分変更, the days of both sides summed
};

// The 算定対象期間 of `service_type` for the person of `st` (`versions`: the ledger versions valid in
// the month, oldest first).
DailyRateDays daily_rate_days(const billing::DailyRateRules& rules, std::span<const master::Recipient* const> versions,
                              const billing::ClaimStatement& st, std::string_view service_type);

// AEFJ for the 月額 and per-day codes of `st` that do not fit their period.
void check_daily_rates(const master::Masters& masters, std::span<const master::Recipient* const> versions,
                       const billing::ClaimStatement& st, std::vector<Finding>& out);

// The bundled 日割り table (data/masters/daily_rate_rules.csv), loaded once.
const billing::DailyRateRules& bundled_daily_rate_rules();

}  // namespace kaigo::review
