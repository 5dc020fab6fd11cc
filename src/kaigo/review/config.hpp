// review/config — what the monthly review is configured with: the 国保連's [review] settings
// (core/settings ReviewSettings: the hold schedule and cut-or-return on a plan mismatch, DESIGN
// §3.3) and the municipalities' 種類支給限度基準額.
// Owns: the 種類支給限度 values and their lookup. Must not: read files (the CLI parses
// kokuhoren.toml) or decide outcomes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/core/settings.hpp"

namespace kaigo::review {

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

struct Config : ReviewSettings {
  std::vector<TypeLimit> type_limits;  // empty = no 種類支給限度 anywhere

  // The 種類支給限度基準額 for one plan line's type, or nullopt when none is set.
  std::optional<Units> type_limit(std::string_view insurer_no, std::string_view service_type,
                                  std::string_view care_level, YearMonth month) const;
};

// The review Config of the 国保連's settings, without 種類支給限度.
Config config_of(const ReviewSettings& settings);

// DESIGN §3.3 defaults (ReviewSettings{}): cut on a mismatch; hold 3 months from 2000-04, 1 month
// from the April 2026 review (seed 000 §4).
inline Config default_config() { return config_of(ReviewSettings{}); }

}  // namespace kaigo::review
