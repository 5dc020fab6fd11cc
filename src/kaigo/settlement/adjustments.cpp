// 7211 / 7221 審査決定増減表: per 保険者 × 提供年月 the 返戻, 査定増減, 保留 and 保留復活 of the
// month, and the 請求差 of the 請求書 against what the 明細書 are paid.
#include <algorithm>
#include <map>
#include <tuple>

#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

using review::ClaimOutcome;

Units change_of(const review::ClaimDecision& d) {
  Units u;
  for (const auto& r : d.rows) u += r.change();
  return u;
}

// 返戻, 保留 and 保留復活 show the 明細書 as claimed.
Tally as_claimed(const SettledClaim& c) {
  const bool facility = c.statement.facility_totals.has_value();
  const auto parts = payer_parts(c, Side::Written);
  return {1, facility ? 1 : 0, written_units(c.decision), benefit_of(parts, true)};
}

Tally as_cut(const SettledClaim& c) {
  const auto written = payer_parts(c, Side::Written);
  const auto decided = payer_parts(c, Side::Decided);
  const Yen facility = benefit_of(decided, true) - benefit_of(written, true);
  return {1, facility != Yen{} ? 1 : 0, change_of(c.decision), facility};
}

void add_to_row(const SettledClaim& c, YearMonth month, AdjustmentRow& row) {
  const auto& d = c.decision;
  if (d.released && is_paid(d)) row.released += as_claimed(c);
  if (d.outcome == ClaimOutcome::Cut) row.cut += as_cut(c);
  if (!claimed_this_month(d, month)) return;
  if (d.outcome == ClaimOutcome::Returned) row.returned += as_claimed(c);
  if (d.outcome == ClaimOutcome::Held) row.held += as_claimed(c);
}

bool counts_in_table(const SettledClaim& c, YearMonth month) {
  return claimed_this_month(c.decision, month) || (c.decision.released && is_paid(c.decision));
}

// 請求差: the paid 明細書 (this month's and 保留復活) against the 請求書 保険 rows — the same sums
// billing::add_to_invoice makes: 生保単独 明細書 are on no 保険 row [INF].
ClaimDifference difference(const OfficeMonth& om, Program program) {
  ClaimDifference d;
  for (const auto* c : om.claims) {
    if (program_of(c->statement.key.form_id) != program || !is_paid(c->decision) || c->statement.key.welfare_only())
      continue;
    const auto parts = payer_parts(*c, Side::Decided);
    d.count += 1;
    d.amount += benefit_of(parts, false);
    if (c->statement.facility_totals) {
      d.facility_count += 1;
      d.facility_amount += benefit_of(parts, true);
    }
  }
  const std::string_view form = program == Program::Care ? "7111" : "7113";
  for (const auto* r : om.invoices) {
    if (r->form_id != form || r->payer_kind != 1) continue;
    d.count -= r->count;
    d.amount -= r->insurance_claim + r->public_claim;
    d.facility_count -= r->facility_count;
    d.facility_amount -= r->facility_insurance_claim + r->facility_public_claim;
  }
  return d;
}

}  // namespace

Tally& Tally::operator+=(const Tally& o) {
  count += o.count;
  facility_count += o.facility_count;
  units += o.units;
  facility += o.facility;
  return *this;
}

AdjustmentTable adjustment_table(const OfficeMonth& om, Program program) {
  AdjustmentTable t;
  std::map<std::pair<std::string, YearMonth>, AdjustmentRow> rows;
  for (const auto* c : om.claims) {
    if (program_of(c->statement.key.form_id) != program || !counts_in_table(*c, om.month)) continue;
    t.present = true;
    const auto& key = c->statement.key;
    auto& row = rows[{insurer8(key.insurer_no), key.service_month}];
    row.insurer_no = insurer8(key.insurer_no);
    row.service_month = key.service_month;
    add_to_row(*c, om.month, row);
  }
  const std::string_view form = program == Program::Care ? "7111" : "7113";
  t.present = t.present || std::any_of(om.invoices.begin(), om.invoices.end(), [&](auto* r) { return r->form_id == form; });
  for (auto& [key, row] : rows) {
    if (row.returned.count == 0 && row.cut.count == 0 && row.held.count == 0 && row.released.count == 0) continue;
    t.total.returned += row.returned;
    t.total.cut += row.cut;
    t.total.held += row.held;
    t.total.released += row.released;
    t.rows.push_back(std::move(row));
  }
  if (t.present) t.difference = difference(om, program);
  return t;
}

}  // namespace kaigo::settlement
