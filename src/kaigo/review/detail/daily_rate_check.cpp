#include "kaigo/review/detail/daily_rate_check.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/review/codes.hpp"

namespace kaigo::review {
namespace {

constexpr std::string_view kEventsTable = "src/kaigo/review/detail/daily_rate_events.tsv";

// One row of daily_rate_events.tsv: a fact the review sees, and the 日割り 事由 it stands for.
struct EventSource {
  std::string_view source;
  bool start = false;  // the fact opens the period
  bool end = false;    // the fact closes it (both: a 区分変更 splits the month)
  std::vector<std::string_view> events;  // in preference order: the first the table has for the type
};

bool names_an_event(std::string_view event) {
  const auto rules = bundled_daily_rate_rules().rules();
  return std::any_of(rules.begin(), rules.end(), [&](const billing::DailyRateRule& r) { return r.event == event; });
}

std::vector<EventSource> load_event_sources() {
  std::vector<EventSource> rows;
  for (const auto& cells : embedded::tsv_rows(kEventsTable, 3)) {
    EventSource row;
    row.source = cells[0];
    row.start = cells[1] == "start" || cells[1] == "both";
    row.end = cells[1] == "end" || cells[1] == "both";
    if (!row.start && !row.end) throw std::logic_error(fmt::format("daily_rate_events.tsv: side {}", cells[1]));
    for (auto e : split(cells[2], ' ')) {
      if (e.empty()) continue;
      // A misspelt event would silently never apply.
      if (!names_an_event(e)) throw std::logic_error(fmt::format("daily_rate_events.tsv: {} is not in the 日割り table", e));
      row.events.push_back(e);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

const EventSource& source(std::string_view name) {
  static const std::vector<EventSource> rows = load_event_sources();
  for (const auto& r : rows) {
    if (r.source == name) return r;
  }
  throw std::logic_error(fmt::format("daily_rate_events.tsv has no row {}", name));
}

bool in_month(Date d, YearMonth m) { return d.year == m.year && d.month == m.month; }

// 要支援 (1x) and 要介護 (2x) are the two tiers of the table's 区分変更.
bool same_tier(std::string_view a, std::string_view b) { return !a.empty() && !b.empty() && a.front() == b.front(); }

struct Fact {
  std::string_view source;
  Date date;
};

// What the 明細書 and the ledger show happened in the month.
std::vector<Fact> facts_of(std::span<const master::Recipient* const> versions, const billing::ClaimStatement& st) {
  const YearMonth m = st.key.service_month;
  std::vector<Fact> out;
  const auto& b = st.basic;
  if (b.start_date && in_month(*b.start_date, m)) out.push_back({"claim_start", *b.start_date});
  if (b.end_date && in_month(*b.end_date, m)) out.push_back({"claim_end", *b.end_date});
  for (std::size_t i = 1; i < versions.size(); ++i) {
    const auto& before = versions[i - 1]->care_level;
    const auto& after = versions[i]->care_level;
    const Date from = versions[i]->period.from;
    if (before == after || !in_month(from, m) || from.day == 1) continue;
    out.push_back({same_tier(before, after) ? "level_change_same_tier" : "level_change_cross_tier", from});
  }
  // The certification of the month as a whole: a 区分変更 starts a new one, which is not a 取得.
  std::optional<Date> cert_from, cert_to;
  for (const auto* r : versions) {
    if (r->cert_from && (!cert_from || *r->cert_from < *cert_from)) cert_from = r->cert_from;
    if (r->cert_to && (!cert_to || *cert_to < *r->cert_to)) cert_to = r->cert_to;
  }
  if (cert_from && in_month(*cert_from, m)) out.push_back({"cert_start", *cert_from});
  if (cert_to && in_month(*cert_to, m)) out.push_back({"cert_end", *cert_to});
  return out;
}

const billing::DailyRateRule* rule_for(const billing::DailyRateRules& rules, std::string_view type,
                                       billing::EventSide side, const EventSource& src) {
  for (auto e : src.events) {
    if (const auto* r = rules.find(type, side, e)) return r;
  }
  return nullptr;
}

// A start on the 1st or an end on the last day leaves the month whole: not 月の途中.
bool mid_month(const billing::DailyRateRule& rule, Date date, YearMonth m) {
  const Date anchor = date.plus_days(rule.offset);
  if (rule.side == billing::EventSide::Start) return anchor.serial() > Date{m.year, m.month, 1}.serial();
  return anchor.serial() < Date{m.year, m.month, m.days()}.serial();
}

struct Change {
  Date date;
  std::string event;
};

}  // namespace

const billing::DailyRateRules& bundled_daily_rate_rules() {
  static const billing::DailyRateRules rules = [] {
    auto loaded = billing::load_bundled_daily_rate_rules();
    if (!loaded.diagnostics.empty() || !loaded.table) {
      throw std::logic_error("data/masters/daily_rate_rules.csv: " +
                             (loaded.diagnostics.empty() ? std::string("not loaded") : loaded.diagnostics.front().to_string()));
    }
    return *loaded.table;
  }();
  return rules;
}

DailyRateDays daily_rate_days(const billing::DailyRateRules& rules, std::span<const master::Recipient* const> versions,
                              const billing::ClaimStatement& st, std::string_view service_type) {
  const YearMonth m = st.key.service_month;
  std::vector<billing::ServiceEvent> one_sided;
  std::vector<Change> changes;
  for (const auto& f : facts_of(versions, st)) {
    const auto& src = source(f.source);
    if (src.start && src.end) {
      const auto* r = rule_for(rules, service_type, billing::EventSide::Start, src);
      if (r && rules.find(service_type, billing::EventSide::End, r->event)) changes.push_back({f.date, r->event});
      continue;
    }
    const auto side = src.start ? billing::EventSide::Start : billing::EventSide::End;
    const auto* r = rule_for(rules, service_type, side, src);
    if (r && mid_month(*r, f.date, m)) one_sided.push_back({r->event, side, f.date});
  }
  if (changes.empty()) {
    auto c = billing::days_to_charge(rules, m, service_type, one_sided);
    return {!c.monthly, c.days};
  }
  // A 区分変更 splits the month: each level's part is charged from its own 起算日 (seed 002 §9:
  // the 変更日 on both sides).
  std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.date < b.date; });
  int total = 0;
  for (std::size_t i = 0; i <= changes.size(); ++i) {
    auto events = one_sided;
    if (i > 0) events.push_back({changes[i - 1].event, billing::EventSide::Start, changes[i - 1].date});
    if (i < changes.size()) events.push_back({changes[i].event, billing::EventSide::End, changes[i].date});
    total += billing::days_to_charge(rules, m, service_type, events).days;
  }
  return {true, total};
}

void check_daily_rates(const master::Masters& masters, std::span<const master::Recipient* const> versions,
                       const billing::ClaimStatement& st, std::vector<Finding>& out) {
  if (versions.empty()) return;  // 12P0 says it
  const auto& rules = bundled_daily_rate_rules();
  const YearMonth m = st.key.service_month;
  for (std::string_view type : st.service_types()) {
    if (!rules.covers(type)) continue;
    std::vector<const master::ServiceCode*> monthly;
    int per_day = 0;
    bool has_per_day = false;
    for (const auto& d : st.details) {
      if (d.service_type != type) continue;
      const auto* code = masters.service_codes.find(d.service_type, d.item_code, m);
      if (!code) continue;  // ADD1 / the pre-check say it
      if (code->unit_kind == master::UnitKind::PerMonth && !code->daily_item_code.empty()) {
        monthly.push_back(code);
      } else if (masters.service_codes.monthly_of(code->code(), m)) {
        per_day += d.count;
        has_per_day = true;
      }
    }
    if (monthly.empty() && !has_per_day) continue;
    const auto days = daily_rate_days(rules, versions, st, type);
    if (!days.daily) continue;
    for (const auto* c : monthly) {
      out.push_back(error("AEFJ", "サービスコード", std::string(type), c->code(),
                          fmt::format("{}{}×{}", c->service_type, c->daily_item_code, days.days)));
    }
    if (per_day > days.days) {
      out.push_back(error("AEFJ", "日数・回数", std::string(type), std::to_string(per_day), std::to_string(days.days)));
    }
  }
}

}  // namespace kaigo::review
