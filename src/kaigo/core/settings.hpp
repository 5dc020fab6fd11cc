// core/settings — the 国保連's settings (DESIGN §3.3 `kokuhoren.toml`): the reception window and
// cancel cut-off, the review's plan-mismatch policy and hold schedule. Values the seeds date
// (the 1-month hold from the 2026-04 review) are schedules here, not constants in code.
// Owns: the values, their defaults and strict parsing of the TOML text. Must not: read files or
// apply the rules (reception and review do).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/diagnostic.hpp"

namespace kaigo {

// 受付期間: from the 1st 00:00 to deadline_day at deadline_time (that minute included).
struct ReceptionSettings {
  int deadline_day = 10;
  ClockTime deadline_time{23, 59};
  ClockTime cancel_cutoff{23, 30};  // 取消 possible until this minute of the deadline day, included
};

// One entry of the 保留 schedule: from review month `from` on, a held claim is returned after
// `months` months without a 給付管理票.
struct HoldRule {
  YearMonth from;
  int months = 1;
};

enum class PlanMismatch { Cut, Return };  // 増減 (査定) or 返戻 when a claim exceeds its plan

struct ReviewSettings {
  PlanMismatch plan_mismatch = PlanMismatch::Cut;
  // seed 002 (2–3 months before) and seed 000 §4 (1 month from the April 2026 review).
  std::vector<HoldRule> hold{{{2000, 4}, 3}, {{2026, 4}, 1}};
  // hold(R): the months of the entry in force for review month R (the latest `from` ≤ R);
  // nullopt before the first entry.
  std::optional<int> hold_months(YearMonth review_month) const;
};

struct Settings {
  std::string name = "国民健康保険団体連合会";
  ReceptionSettings reception;
  ReviewSettings review;
};

struct SettingsResult {
  std::optional<Settings> settings;  // set unless an error was found
  Diagnostics diagnostics;           // errors (KS01 syntax, KS02 value) and warnings (KS03 unknown key)
};

// Parses kokuhoren.toml text; keys left out keep their defaults.
SettingsResult parse_settings(std::string_view toml_text, const std::string& file_name);

}  // namespace kaigo
