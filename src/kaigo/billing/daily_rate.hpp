// billing/daily_rate — 月額包括報酬の日割り (seed 002 §9, 記載要領 別表): which mid-month events
// make a 月額 service be charged per day, from which 起算日, and how many days that gives.
// The rules are data (data/masters/daily_rate_rules.csv): group, service types, side (開始/終了),
// event, 起算日 and its offset from the event date.
// Owns: the rule table, its loader and the day count. Must not: pick service codes or amounts.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::billing {

enum class EventSide { Start, End };  // 開始 / 終了

// One row of the 日割り table: for the services of `group`, `event` on `side` counts from
// the event date + `offset` days (起算日: e.g. 退所日の翌日 = +1, 入所日の前日 = −1).
struct DailyRateRule {
  std::string group;
  std::vector<std::string> service_types;
  EventSide side = EventSide::Start;
  std::string event;     // e.g. short_stay_exit
  std::string event_ja;  // 対象事由
  std::string anchor;    // 起算日
  int offset = 0;
  // "distinct_months": applies only when the other side's event of the same kind is not in the
  // same month (福祉用具貸与: 開始月と中止月が異なる場合).
  std::string condition;
  std::string source;
  std::uint64_t line = 0;
};

class DailyRateRules {
 public:
  const DailyRateRule* find(std::string_view service_type, EventSide side, std::string_view event) const;
  // Whether `service_type` has any 日割り rule (i.e. is a 月額 service of the table).
  bool covers(std::string_view service_type) const;
  std::span<const DailyRateRule> rules() const { return rules_; }

 private:
  friend master::LoadResult<DailyRateRules> load_daily_rate_rules(std::string_view, std::string);
  std::vector<DailyRateRule> rules_;
  // The サービス種類 any rule covers, sorted: covers() is asked for every 集計 row of the month.
  std::vector<std::string> covered_types_;
};

master::LoadResult<DailyRateRules> load_daily_rate_rules(std::string_view text, std::string file_name);
// The bundled table (data/masters/daily_rate_rules.csv).
master::LoadResult<DailyRateRules> load_bundled_daily_rate_rules();

// A mid-month event of one person × service: the caller gives the date the 起算日 refers to
// (契約日, 退所日, 変更日 …).
struct ServiceEvent {
  std::string event;
  EventSide side = EventSide::Start;
  Date date;
};

struct ChargeDays {
  bool monthly = true;  // no 日割り event: charge the 月額 code
  Date from;            // サービス算定対象期間
  Date to;
  int days = 0;         // days to charge with the per-day code (the month's days when monthly)
  std::vector<std::string> ignored;  // events that are not 日割り reasons for this service
};

// The サービス算定対象期間 of `service_type` in `month` given the events: from the latest start
// 起算日 (or the 1st) to the earliest end 起算日 (or the month end), whatever the days of use.
ChargeDays days_to_charge(const DailyRateRules& rules, YearMonth month, std::string_view service_type,
                          std::span<const ServiceEvent> events);

// Units of the per-day code for `days` (用意された日額のサービスコードの単位数 × 日数).
constexpr Units daily_rate_units(Units per_day, int days) { return Units{per_day.value * days}; }

}  // namespace kaigo::billing
