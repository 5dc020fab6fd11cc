// review/config — the settings of the monthly review that differ between 国保連 or change by date
// (DESIGN §3.3 [review]): the hold schedule, cut-or-return on a plan mismatch, and the
// municipalities' 種類支給限度基準額.
// Owns: these values and the lookup of the hold period in force. Must not: read files (the CLI
// parses kokuhoren.toml) or decide outcomes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"

namespace kaigo::review {

// 保留期間 — how many review months a 明細書 without its 給付管理票 waits, from review month
// `from` on. 0 = no hold: such a 明細書 is returned in the month it arrives (review-rules §4.5).
struct HoldRule {
  YearMonth from;
  int months = 0;
};

// 種類支給限度基準額 — a municipality's own cap on the planned units of one サービス種類 (15P6).
// Nationally none is set; a municipality sets it by ordinance, so it is data, never code.
struct TypeLimit {
  std::string insurer_no;    // 保険者番号 (6 digits)
  std::string service_type;  // サービス種類コード
  std::string care_level;    // 要介護状態区分コード; empty = every level
  YearMonth from;
  std::optional<YearMonth> to;  // empty = open
  Units units;
};

// What to do when a 明細書 disagrees with its 給付管理票 (review-rules §4.3: 「査定」 or, at
// some 国保連, 「返戻（査定でエラーがある場合）」).
enum class PlanMismatch { Cut, Return };

struct Config {
  PlanMismatch plan_mismatch = PlanMismatch::Cut;
  std::vector<HoldRule> hold;          // any order; the rule with the latest `from` ≤ the month applies
  std::vector<TypeLimit> type_limits;  // empty = no 種類支給限度 anywhere

  // hold(R) of DESIGN §3.3: the hold period in force for review month `r` (0 before any rule).
  int hold_months(YearMonth r) const;
  // The 種類支給限度基準額 for one plan line's type, or nullopt when none is set.
  std::optional<Units> type_limit(std::string_view insurer_no, std::string_view service_type,
                                  std::string_view care_level, YearMonth month) const;
};

// DESIGN §3.3 defaults: cut on a mismatch; hold 3 months from 2000-04, 1 month from the
// April 2026 review (seed 000 §4).
Config default_config();

}  // namespace kaigo::review
