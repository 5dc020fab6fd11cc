#include "kaigo/precheck/detail/record_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"

namespace kaigo::precheck {
namespace {

// A サービスコード counted per day (算定単位 日) in the master; false when unknown.
bool per_day_code(const CheckEnv& env, const exchange::Record& r, YearMonth month) {
  if (env.context.masters == nullptr) return false;
  const auto* code = env.context.masters->service_codes.find(r.item(7), r.item(8), month);
  return code != nullptr && code->unit_kind == master::UnitKind::PerDay;
}

// The period of use of a form ("YYYYMM-", "YYYYMM-YYYYMM", "-" = always), from forms.tsv.
bool form_valid_in(const exchange::Form& form, YearMonth month) {
  std::string_view v = form.valid;
  auto dash = v.find('-');
  if (dash == std::string_view::npos) return true;
  auto from = YearMonth::parse(v.substr(0, dash));
  auto to = YearMonth::parse(v.substr(dash + 1));
  return (!from || *from <= month) && (!to || month <= *to);
}

// Days of the month between 開始年月日 and 中止年月日 when either falls inside the month.
std::optional<int> days_of_use(const DocFacts& f, YearMonth month) {
  bool start_in = f.start && f.start->year_month() == month;
  bool end_in = f.end && f.end->year_month() == month;
  if (!start_in && !end_in) return std::nullopt;
  int from = start_in ? f.start->day : 1;
  int to = end_in ? f.end->day : month.days();
  return std::max(0, to - from + 1);
}

std::optional<int> actual_days_of(const DocFacts& f, std::string_view type) {
  for (const auto& [t, days] : f.actual_days) {
    if (t == type) return days;
  }
  return std::nullopt;
}

class RuleRun {
 public:
  RuleRun(const CheckEnv& env, const ItemRule& rule, const exchange::Record& r, const DocInfo* doc, Level level)
      : env_(env), rule_(rule), r_(r), doc_(doc), level_(level), v_(r.item(rule.item)) {}

  void run(const DocFacts* facts) {
    switch (rule_.rule) {
      case ItemRuleKind::Required:
        if (v_.empty()) report({}, {});
        return;
      case ItemRuleKind::OneOf:
        if (!v_.empty() && std::find(rule_.args.begin(), rule_.args.end(), v_) == rule_.args.end()) {
          report(fmt::format("{} のいずれか", join(rule_.args, "・")), fmt::format("one of {}", join(rule_.args, ", ")));
        }
        return;
      default: break;
    }
    if (facts != nullptr && facts->service_month) month_rule(*facts, *facts->service_month);
  }

 private:
  void report(std::string_view ja, std::string_view en) { env_.findings.add(level_, rule_.code, doc_, &r_, rule_.item, ja, en); }

  void month_rule(const DocFacts& facts, YearMonth m) {
    switch (rule_.rule) {
      case ItemRuleKind::BeforeProcessingMonth: {
        auto ym = YearMonth::parse(v_);
        if (ym && env_.processing_month && *ym >= *env_.processing_month) {
          report(fmt::format("処理対象年月 {}", env_.processing_month->str()),
                 fmt::format("processing month {}", env_.processing_month->str()));
        }
        return;
      }
      case ItemRuleKind::FormValidInMonth:
        if (doc_ != nullptr && doc_->form != nullptr && !form_valid_in(*doc_->form, m)) {
          report(fmt::format("使用期間 {}", doc_->form->valid), fmt::format("in use {}", doc_->form->valid));
        }
        return;
      case ItemRuleKind::DateInMonth:
      case ItemRuleKind::DateNotAfterMonth:
      case ItemRuleKind::DateNotBeforeMonth:
        if (auto d = Date::parse(v_)) date_rule(d->year_month(), m);
        return;
      case ItemRuleKind::YmNotAfterMonth:
      case ItemRuleKind::YmNotBeforeMonth:
        if (auto ym = YearMonth::parse(v_)) date_rule(*ym, m);
        return;
      default: day_rule(facts, m);
    }
  }

  void date_rule(YearMonth written, YearMonth m) {
    bool bad = false;
    switch (rule_.rule) {
      case ItemRuleKind::DateInMonth: bad = written != m; break;
      case ItemRuleKind::DateNotAfterMonth:
      case ItemRuleKind::YmNotAfterMonth: bad = written > m; break;
      case ItemRuleKind::DateNotBeforeMonth:
      case ItemRuleKind::YmNotBeforeMonth: bad = written < m; break;
      default: break;
    }
    if (bad) report(fmt::format("サービス提供年月 {}", m.str()), fmt::format("service month {}", m.str()));
  }

  // The master is asked whether a code is counted per day only when the count could break a rule.
  void day_rule(const DocFacts& facts, YearMonth m) {
    auto n = parse_int(v_);
    if (!n) return;
    auto per_day = [&] { return per_day_code(env_, r_, m); };
    switch (rule_.rule) {
      case ItemRuleKind::DaysInMonth:
      case ItemRuleKind::DaysInMonthPerDay:
        if (*n > m.days() && (rule_.rule == ItemRuleKind::DaysInMonth || per_day())) {
          report(fmt::format("{}年{}月は{}日まで", m.year, m.month, m.days()), fmt::format("the month has {} days", m.days()));
        }
        return;
      case ItemRuleKind::DaysWithinActual: {
        auto actual = actual_days_of(facts, r_.item(7));
        if (actual && *actual > 0 && *n > *actual && per_day()) {
          report(fmt::format("サービス実日数 {}日", *actual), fmt::format("{} service days", *actual));
        }
        return;
      }
      case ItemRuleKind::DaysWithinPeriod: {
        auto days = days_of_use(facts, m);
        if (days && *n > *days && per_day()) {
          report(fmt::format("開始〜中止 {}日", *days), fmt::format("{} days from start to end", *days));
        }
        return;
      }
      default: return;
    }
  }

  const CheckEnv& env_;
  const ItemRule& rule_;
  const exchange::Record& r_;
  const DocInfo* doc_;
  Level level_;
  std::string_view v_;
};

bool has_kind(const std::vector<std::string>& kinds, std::string_view kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

void check_required(const CheckEnv& env, const exchange::Document& doc, const StructureRule& rule, const DocInfo& info) {
  for (const auto& r : doc.records()) {
    if (has_kind(rule.kinds, r.kind)) return;
  }
  std::string kinds = join(rule.kinds, "/");
  env.findings.add(Level::Format, rule.code, &info, &doc.records().front(), 0,
                   fmt::format("レコード種別 {} がありません", kinds), fmt::format("no record of kind {}", kinds));
}

void check_sequence(const CheckEnv& env, const exchange::Document& doc, const StructureRule& rule, const DocInfo& info) {
  std::vector<std::int64_t> seen;
  const exchange::Record* last = nullptr;
  bool closed = false;
  for (const auto& r : doc.records()) {
    if (!rule.kinds.empty() && !has_kind(rule.kinds, r.kind)) continue;
    last = &r;
    auto n = parse_int(r.item(rule.item));
    if (!n || *n < 1 || (*n > 98 && *n != 99)) {
      env.findings.add(Level::Format, rule.code, &info, &r, rule.item, "01〜98、最後の行は99", "01–98, the last 99");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), *n) != seen.end()) {
      env.findings.add(Level::Format, rule.code, &info, &r, rule.item, "番号が重複しています", "the number repeats");
      continue;
    }
    seen.push_back(*n);
    closed = closed || *n == 99;
  }
  if (last != nullptr && !closed) {
    env.findings.add(Level::Format, rule.code, &info, last, rule.item, "最後の行が99ではありません", "no line numbered 99");
  }
}

void check_types_match(const CheckEnv& env, const exchange::Document& doc, const StructureRule& rule, const DocInfo& info) {
  std::vector<std::pair<std::string_view, const exchange::Record*>> details;
  std::vector<std::pair<std::string_view, const exchange::Record*>> totals;
  auto add = [](auto& list, std::string_view type, const exchange::Record* r) {
    for (const auto& [t, first] : list) {
      if (t == type) return;
    }
    list.emplace_back(type, r);
  };
  for (const auto& r : doc.records()) {
    if (has_kind(rule.kinds, r.kind)) add(details, r.item(rule.item), &r);
    if (has_kind(rule.kinds_to, r.kind)) add(totals, r.item(rule.item), &r);
  }
  auto missing = [&](const auto& from, const auto& in, std::string_view ja, std::string_view en) {
    for (const auto& entry : from) {
      std::string_view type = entry.first;  // (a structured binding cannot be captured by clang 15)
      bool found = std::any_of(in.begin(), in.end(), [&](const auto& p) { return p.first == type; });
      if (!found) env.findings.add(Level::Format, rule.code, &info, entry.second, rule.item, ja, en);
    }
  };
  missing(details, totals, "このサービス種類の集計情報がありません", "no 集計 record for this service type");
  missing(totals, details, "このサービス種類の明細情報がありません", "no 明細 record for this service type");
}

}  // namespace

DocFacts doc_facts(const exchange::Document& doc, RuleFamily family, const DocInfo& info) {
  DocFacts f;
  f.family = family;
  f.service_month = YearMonth::parse(info.service_month);
  if (family != RuleFamily::Statement) return f;
  for (const auto& r : doc.records()) {
    if (r.kind == "01") {
      f.start = Date::parse(r.item(21));
      f.end = Date::parse(r.item(22));
    } else if (r.kind == "10") {
      f.actual_days.emplace_back(r.item(7), static_cast<int>(parse_int(r.item(8)).value_or(0)));
    }
  }
  return f;
}

void check_item_rules(const CheckEnv& env, RuleFamily family, const exchange::Record& record, const DocFacts* facts,
                      const DocInfo* doc, Level level) {
  for (const ItemRule* rule : env.rules.items_for(family, record.kind)) {
    if (!all_hold(rule->when, record)) continue;
    RuleRun(env, *rule, record, doc, level).run(facts);
  }
}

bool check_structure(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts, const DocInfo& info) {
  auto before = env.findings.count();
  if (doc.records().empty()) return true;
  for (const auto& rule : env.rules.structure()) {
    if (rule.family != facts.family) continue;
    switch (rule.rule) {
      case StructureKind::Required: check_required(env, doc, rule, info); break;
      case StructureKind::Sequence: check_sequence(env, doc, rule, info); break;
      case StructureKind::TypesMatch: check_types_match(env, doc, rule, info); break;
    }
  }
  return env.findings.count() == before;
}

bool check_duplicates(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts, const DocInfo& info) {
  auto before = env.findings.count();
  // Lines of one kind in one document are few: compare them pairwise rather than build keys.
  std::vector<const exchange::Record*> lines;
  for (const auto& rule : env.rules.duplicates()) {
    if (rule.family != facts.family) continue;
    lines.clear();
    for (const auto& r : doc.records()) {
      if ((rule.kind.empty() || r.kind == rule.kind) && all_hold(rule.when, r)) lines.push_back(&r);
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
      bool repeated = std::any_of(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(i), [&](const auto* earlier) {
        return std::all_of(rule.items.begin(), rule.items.end(),
                           [&](int no) { return earlier->item(no) == lines[i]->item(no); });
      });
      if (repeated) {
        env.findings.add(Level::Format, rule.code, &info, lines[i], rule.report_item, "同じ内容の行が前にあります",
                         "repeats an earlier line");
      }
    }
  }
  return env.findings.count() == before;
}

}  // namespace kaigo::precheck
