// 7521 / 7541 支払決定額内訳書: D1 per payer × 提供年月 × サービス種類 of the 明細書 paid this
// month; T1 their sum, T2 過誤調整 (this month's 過誤, less what 再審査 restores [INF]), T3 = T1 − T2.
#include <map>
#include <tuple>

#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

QuantityPair as_quantity(const PayerPart& p, std::int64_t count) {
  QuantityPair q;
  Quantity& side = p.facility ? q.facility : q.service;
  side = {count, count != 0 ? p.days : 0, p.units, p.cost, p.benefit};
  return q;
}

QuantityPair sum(const std::vector<PayerPart>& parts, std::int64_t count) {
  QuantityPair q;
  for (const auto& p : parts) q += as_quantity(p, count);
  return q;
}

constexpr auto kAddFigure = [](auto& to, const auto& from) { to += from; };
constexpr auto kSubtractFigure = [](auto& to, const auto& from) { to -= from; };

// Applies `op` to each figure of `to` with the same figure of `from`: the one place that lists them.
template <class Op>
Quantity& each_breakdown_figure(Quantity& to, const Quantity& from, Op op) {
  op(to.count, from.count);
  op(to.days, from.days);
  op(to.units, from.units);
  op(to.cost, from.cost);
  op(to.benefit, from.benefit);
  return to;
}

template <class Op>
QuantityPair& each_breakdown_figure(QuantityPair& to, const QuantityPair& from, Op op) {
  each_breakdown_figure(to.service, from.service, op);
  each_breakdown_figure(to.facility, from.facility, op);
  return to;
}

}  // namespace

Quantity& Quantity::operator+=(const Quantity& o) { return each_breakdown_figure(*this, o, kAddFigure); }
Quantity& Quantity::operator-=(const Quantity& o) { return each_breakdown_figure(*this, o, kSubtractFigure); }

QuantityPair& QuantityPair::operator+=(const QuantityPair& o) { return each_breakdown_figure(*this, o, kAddFigure); }
QuantityPair& QuantityPair::operator-=(const QuantityPair& o) {
  return each_breakdown_figure(*this, o, kSubtractFigure);
}

BreakdownTable breakdown_table(const OfficeMonth& om, Program program, const Names& names) {
  BreakdownTable t;
  std::map<std::tuple<bool, std::string, YearMonth, std::string>, BreakdownRow> rows;
  for (const auto* c : om.claims) {
    if (program_of(c->statement.key.form_id) != program) continue;
    const YearMonth month = c->statement.key.service_month;
    for (const auto& p : payer_parts(*c, Side::Decided)) {
      auto& row = rows[{p.fund, p.payer_no, month, p.service_type}];
      if (row.payer_no.empty()) {
        row.payer_no = p.payer_no;
        row.fund = p.fund;
        row.service_month = month;
        row.service_type = p.service_type;
        row.service_type_name = names.service_type_name(p.service_type, month);
      }
      row.amounts += as_quantity(p, 1);
    }
  }
  for (auto& [key, row] : rows) {
    t.total += row.amounts;
    t.rows.push_back(std::move(row));
  }
  for (const auto* w : om.withdrawals) {
    if (program_of(w->claim.statement.key.form_id) == program) t.adjustment += sum(payer_parts(w->claim, Side::Decided), 1);
  }
  for (const auto* r : om.rereviews) {
    if (r->program != program) continue;
    t.adjustment -= sum(payer_parts(r->statement, r->after, Side::Decided), 0);
    t.adjustment += sum(payer_parts(r->statement, r->before, Side::Decided), 0);
  }
  t.decided = t.total;
  t.decided -= t.adjustment;
  return t;
}

}  // namespace kaigo::settlement
