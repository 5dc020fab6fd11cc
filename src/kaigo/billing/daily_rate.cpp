#include "kaigo/billing/daily_rate.hpp"

#include <algorithm>
#include <array>
#include <functional>

#include "kaigo/core/strings.hpp"
#include "kaigo/master/sources.hpp"

namespace kaigo::billing {
namespace {

using master::Column;
enum Col : std::size_t { kGroup, kTypes, kSide, kEvent, kEventJa, kAnchor, kOffset, kCondition, kSource };
constexpr std::array<Column, 9> kColumns{{
    {"group", "区分"},
    {"service_types", "サービス種類コード"},
    {"side", "開始・終了"},
    {"event", "事由コード"},
    {"event_ja", "対象事由"},
    {"anchor", "起算日"},
    {"offset", "起算日の日数差"},
    {"condition", "条件"},
    master::kSourceColumn,
}};
constexpr std::array<std::string_view, 2> kSides{"start", "end"};
constexpr std::array<std::string_view, 1> kConditions{"distinct_months"};

bool applies_to(const DailyRateRule& r, std::string_view type) {
  return std::find(r.service_types.begin(), r.service_types.end(), type) != r.service_types.end();
}

bool in_month(Date d, YearMonth m) { return d.year == m.year && d.month == m.month; }

// "distinct_months": ignore the event when its counterpart (same condition, other side) falls in
// the same month.
bool counterpart_in_month(const DailyRateRules& rules, const DailyRateRule& rule, std::string_view type,
                          YearMonth month, std::span<const ServiceEvent> events) {
  EventSide other = rule.side == EventSide::Start ? EventSide::End : EventSide::Start;
  for (const auto& e : events) {
    if (e.side != other || !in_month(e.date, month)) continue;
    const auto* r = rules.find(type, other, e.event);
    if (r && r->condition == rule.condition) return true;
  }
  return false;
}

}  // namespace

const DailyRateRule* DailyRateRules::find(std::string_view service_type, EventSide side,
                                          std::string_view event) const {
  for (const auto& r : rules_) {
    if (r.side == side && r.event == event && applies_to(r, service_type)) return &r;
  }
  return nullptr;
}

bool DailyRateRules::covers(std::string_view service_type) const {
  return std::binary_search(covered_types_.begin(), covered_types_.end(), service_type, std::less<>{});
}

master::LoadResult<DailyRateRules> load_daily_rate_rules(std::string_view text, std::string file_name) {
  master::LoadResult<DailyRateRules> result;
  master::CsvFile csv(text, file_name, {kColumns}, result.diagnostics);
  DailyRateRules table;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    master::RowReader r(csv, i, result.diagnostics);
    auto group = r.required(kGroup);
    auto types = r.required(kTypes);
    auto side = r.one_of(kSide, kSides, true);
    auto event = r.required(kEvent);
    auto event_ja = r.required(kEventJa);
    auto anchor = r.required(kAnchor);
    auto offset = r.integer(kOffset, -1, 1, true);
    auto condition = r.one_of(kCondition, kConditions, false);
    if (!r.ok() || !group || !types || !side || !event || !event_ja || !anchor || !offset) continue;
    DailyRateRule rule;
    rule.group = std::string(*group);
    for (auto t : split(*types, ' ')) {
      if (!t.empty()) rule.service_types.emplace_back(t);
    }
    rule.side = *side == "start" ? EventSide::Start : EventSide::End;
    rule.event = std::string(*event);
    rule.event_ja = std::string(*event_ja);
    rule.anchor = std::string(*anchor);
    rule.offset = static_cast<int>(*offset);
    rule.condition = condition ? std::string(*condition) : std::string();
    rule.source = std::string(r.text(kSource));
    rule.line = r.line();
    for (const auto& t : rule.service_types) {
      if (const auto* dup = table.find(t, rule.side, rule.event)) {
        r.fail(kEvent, master::code::kOverlap,
               "同じサービス種類・事由の行が" + std::to_string(dup->line) + "行目にもあります",
               "the same service type and event already appear on line " + std::to_string(dup->line));
        break;
      }
    }
    if (r.ok()) {
      table.covered_types_.insert(table.covered_types_.end(), rule.service_types.begin(), rule.service_types.end());
      table.rules_.push_back(std::move(rule));
    }
  }
  auto& covered = table.covered_types_;
  std::sort(covered.begin(), covered.end());
  covered.erase(std::unique(covered.begin(), covered.end()), covered.end());
  if (csv.ok() && result.diagnostics.empty()) result.table = std::move(table);
  return result;
}

master::LoadResult<DailyRateRules> load_bundled_daily_rate_rules() {
  auto src = master::bundled_source("daily_rate_rules.csv");
  if (!src) {
    master::LoadResult<DailyRateRules> missing;
    missing.diagnostics.push_back(master::make_diagnostic(master::code::kUnreadable,
                                                          "data/masters/daily_rate_rules.csv", 0, 0, "", "",
                                                          "同梱マスタがありません", "the bundled master is missing"));
    return missing;
  }
  return load_daily_rate_rules(src->text, src->name);
}

ChargeDays days_to_charge(const DailyRateRules& rules, YearMonth month, std::string_view service_type,
                          std::span<const ServiceEvent> events) {
  ChargeDays out;
  Date first{month.year, month.month, 1};
  Date last{month.year, month.month, month.days()};
  out.from = first;
  out.to = last;
  for (const auto& e : events) {
    const DailyRateRule* rule = rules.find(service_type, e.side, e.event);
    bool usable = rule && in_month(e.date, month) &&
                  !(rule->condition == "distinct_months" &&
                    counterpart_in_month(rules, *rule, service_type, month, events));
    if (!usable) {
      out.ignored.push_back(e.event);
      continue;
    }
    out.monthly = false;
    Date anchor = e.date.plus_days(rule->offset);
    if (e.side == EventSide::Start) {
      out.from = std::max(out.from, anchor);
    } else {
      out.to = std::min(out.to, anchor);
    }
  }
  long days = out.to.serial() - out.from.serial() + 1;
  out.days = days > 0 ? static_cast<int>(days) : 0;
  return out;
}

}  // namespace kaigo::billing
