#include "kaigo/precheck/detail/amount_checks.hpp"

#include <fmt/format.h>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/terms.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::precheck {
namespace {

std::string_view amount_code(std::int64_t written, std::int64_t computed) { return written > computed ? "ASSA" : "ASS0"; }

void report(const CheckEnv& env, const exchange::Record& r, int item, std::int64_t written, std::int64_t computed,
            const DocInfo& info) {
  env.findings.add(Level::Format, amount_code(written, computed), &info, &r, item, fmt::format("計算値 {}", computed),
                   fmt::format("computed {}", computed));
}

const exchange::Record* nth_of(const exchange::Document& doc, std::size_t n, std::string_view a, std::string_view b = {}) {
  for (const auto& r : doc.records()) {
    if (r.kind != a && (b.empty() || r.kind != b)) continue;
    if (n-- == 0) return &r;
  }
  return nullptr;
}

const exchange::Record* with_item(const exchange::Document& doc, std::string_view kind, int item, std::string_view v) {
  for (const auto& r : doc.records()) {
    if (r.kind == kind && r.item(item) == v) return &r;
  }
  return nullptr;
}

// The record a calculator Difference is about (the calculator numbers 02 and 14 together, in order).
const exchange::Record* record_of(const exchange::Document& doc, const billing::Difference& d) {
  if (d.record_kind == "01") return doc.find("01");
  if (d.record_kind == "02") return nth_of(doc, d.record_index, "02", "14");
  if (d.record_kind == "10") return with_item(doc, "10", 7, d.key);
  if (d.record_kind == "12") return with_item(doc, "12", 8, d.key);
  if (d.record_kind == "11") return d.key == "99" ? with_item(doc, "11", 7, "99") : nth_of(doc, d.record_index, "11");
  return nullptr;
}

bool limit_target(const CheckEnv& env, std::string_view type, YearMonth m) {
  if (env.context.masters == nullptr) return false;
  const auto* st = env.context.masters->service_types.find(type, m);
  return st != nullptr && st->limit_target;
}

// 計画単位数 and the 限度額管理 split (10-9/10/11) mean something only for types inside the
// 区分支給限度基準額; for the others senders write 0 or the total (claims-format §4.7 [NF]).
bool compared(const CheckEnv& env, const billing::Difference& d, YearMonth m) {
  if (d.record_kind != "10") return true;
  if (d.item_no == 7) return false;  // 集計 missing: KP23 says it
  if (d.item_no >= 9 && d.item_no <= 11) return limit_target(env, d.key, m);
  return true;
}

std::string region_name(int region) { return region == 0 ? std::string("その他") : fmt::format("{}級地", region); }

// 単価 (×100) written on `r` item `item` against the office's 地域区分 for `type` — or against the
// municipality's own 単価 (`own`, 総合事業) when its master sets one.
void check_unit_price(const CheckEnv& env, const exchange::Record& r, int item, std::string_view office,
                      std::string_view type, const DocInfo& info, YearMonth m,
                      std::optional<UnitPrice> own = std::nullopt) {
  if (env.context.offices == nullptr || env.context.masters == nullptr) return;
  const auto* o = env.context.offices->find(office, type, m);
  if (o == nullptr) return;  // ADD0 / ADD1 say it
  auto price = own ? own : env.context.masters->unit_price(o->region_class, type, m);
  auto written = parse_int(r.item(item));
  if (!price || !written || *written == price->x100) return;
  if (own) {
    env.findings.add(Level::Format, amount_code(*written, price->x100), &info, &r, item,
                     fmt::format("市町村の総合事業の単価 {}", price->x100),
                     fmt::format("the municipality's 総合事業 unit price: {}", price->x100));
    return;
  }
  env.findings.add(Level::Format, amount_code(*written, price->x100), &info, &r, item,
                   fmt::format("地域区分 {} の単価 {}", region_name(o->region_class), price->x100),
                   fmt::format("unit price of region class {}: {}", o->region_class, price->x100));
}

// The calculator's split of 限度額 対象/対象外 needs every code of the statement in the master;
// otherwise the written split is trusted.
bool all_codes_known(const CheckEnv& env, const billing::ClaimStatement& s) {
  if (env.context.masters == nullptr) return false;
  for (const auto& d : s.details) {
    if (env.context.masters->service_code(d.priced_by(s.key.insurer_no), d.service_type, d.item_code, s.key.service_month) == nullptr) {
      return false;
    }
  }
  return true;
}

bool all_full_benefit(const CheckEnv& env, const billing::ClaimStatement& s) {
  if (s.aggregates.empty()) return false;
  for (const auto& a : s.aggregates) {
    if (!env.rules.full_benefit(a.service_type)) return false;
  }
  return true;
}

}  // namespace

void check_statement_amounts(const CheckEnv& env, const exchange::Document& doc, const billing::ClaimStatement& written,
                             const DocFacts& facts, const DocInfo& info) {
  if (!facts.service_month) return;
  const YearMonth m = *facts.service_month;
  const exchange::Record* basic = doc.find("01");
  if (basic == nullptr) return;
  if (written.key.welfare_only() && written.basic.insurance.claim.value > 0) {
    // The root cause; every amount after it would differ as well.
    env.findings.add(Level::Format, "ATT5", &info, basic, 34);
    return;
  }
  for (const auto& r : doc.records()) {
    if (r.kind != "10") continue;
    check_unit_price(env, r, 15, r.item(4), r.item(7), info, m,
                     env.context.masters ? billing::own_unit_price(*env.context.masters, written, r.item(7)) : std::nullopt);
  }
  billing::StatementTerms terms;
  for (const auto& a : written.aggregates) terms.types.push_back({a.service_type, a.unit_price, std::nullopt});
  terms.plan_from_claim = true;
  if (all_full_benefit(env, written)) {
    terms.insurance_rate = 100;
  } else if (!written.basic.insurance_rate && !written.key.welfare_only()) {
    return;  // no 給付率 to compute with: ABB0 on 保険給付率 says it
  }
  if (all_codes_known(env, written)) {
    terms.codes = &env.context.masters->service_codes;
    if (!env.context.masters->sougou.insurers().empty()) terms.own_codes = env.context.masters;
  }
  auto result = billing::compute(written, terms);
  for (const auto& d : billing::compare(written, result.statement)) {
    if (!compared(env, d, m)) continue;
    if (const exchange::Record* r = record_of(doc, d)) report(env, *r, d.item_no, d.written, d.computed, info);
  }
}

void check_careplan_amounts(const CheckEnv& env, const exchange::Document& doc, const DocFacts& facts,
                            const DocInfo& info) {
  const exchange::Record* closing = nullptr;
  std::int64_t total = 0;
  for (const auto& r : doc.records()) {
    auto unit = parse_int(r.item(18));
    auto count = parse_int(r.item(19));
    auto units = parse_int(r.item(20));
    if (unit && count) {
      if (units && *units != *unit * *count) report(env, r, 20, *units, *unit * *count, info);
      total += *unit * *count;
    } else {
      total += units.value_or(0);
    }
    if (r.item(16) == "99") closing = &r;
  }
  if (closing == nullptr) return;  // KP22 says it
  if (auto w = parse_int(closing->item(21)); w && *w != total) report(env, *closing, 21, *w, total, info);
  if (auto price = parse_int(closing->item(6))) {
    // 請求金額 = floor(サービス単位数合計 × 単価) — 10割給付 (claims-format §4.16).
    std::int64_t claim = cost_of(Units{total}, UnitPrice{*price}).value;
    if (auto w = parse_int(closing->item(22)); w && *w != claim) report(env, *closing, 22, *w, claim, info);
  }
  if (facts.service_month && closing->item(17).size() == 6) {
    check_unit_price(env, *closing, 6, closing->item(2), closing->item(17).substr(0, 2), info, *facts.service_month);
  }
}

void check_plan_totals(const CheckEnv& env, const exchange::Document& doc, const DocInfo& info) {
  const exchange::Record* closing = nullptr;
  std::int64_t total = 0;
  for (const auto& r : doc.records()) {
    if (r.item(8) == "99") closing = &r;
    else total += parse_int(r.item(20)).value_or(0);
  }
  if (closing == nullptr) return;
  auto w = parse_int(closing->item(24));
  if (!w || *w == total) return;
  env.findings.add(Level::Format, "KP32", &info, closing, 24, fmt::format("明細行の合計 {}", total),
                   fmt::format("the lines add up to {}", total));
}

}  // namespace kaigo::precheck
