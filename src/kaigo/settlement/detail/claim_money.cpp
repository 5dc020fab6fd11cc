#include "kaigo/settlement/detail/claim_money.hpp"

#include <algorithm>
#include <array>


namespace kaigo::settlement {
namespace {

// 出来高医療費 cost: every payer's share of it (the 集計 row holds them apart).
Yen medical_cost(const billing::AggregateRow& a) {
  Yen c = a.medical.claim + a.medical.burden;
  for (const auto& m : a.fund_medical) c += m.claim + m.burden;
  return c;
}

void add_row_parts(const billing::ClaimStatement& st, const billing::AggregateRow& a, const review::Amounts& m,
                   std::vector<PayerPart>& out) {
  if (!st.key.welfare_only()) {
    PayerPart p;
    p.payer_no = insurer8(st.key.insurer_no);
    p.service_type = a.service_type;
    p.days = a.actual_days;
    p.units = m.units + a.medical.units;
    p.cost = cost_of(m.units, a.unit_price) + medical_cost(a);
    p.benefit = m.insurance_claim + a.medical.claim;
    out.push_back(std::move(p));
  }
  for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
    const auto& fund = st.basic.funds[k];
    if (!fund.present()) continue;
    PayerPart p;
    p.payer_no = fund.payer_no;
    p.fund = true;
    p.service_type = a.service_type;
    p.days = a.actual_days;
    // 公費対象単位数 never exceeds the 給付単位数 (review-rules §2.4: Uk = min(公費k対象単位数, U)).
    const Units fund_units = std::min(a.funds[k].units, m.units);
    p.units = fund_units + a.fund_medical[k].units;
    p.cost = cost_of(fund_units, a.unit_price);
    p.benefit = m.fund_claims[k] + a.fund_medical[k].claim;
    out.push_back(std::move(p));
  }
}

void add_facility_parts(const billing::ClaimStatement& st, const review::Amounts& m, std::vector<PayerPart>& out) {
  const auto& t = *st.facility_totals;
  std::int64_t days = 0;
  std::array<std::int64_t, billing::kFundSlots> fund_days{};
  for (const auto& line : st.facility_costs) {
    if (line.seq == 99 && line.days == 0) continue;  // a totals-only 99 record
    days += line.days;
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) fund_days[k] += line.fund_days[k];
  }
  if (!st.key.welfare_only()) {
    PayerPart p{insurer8(st.key.insurer_no), false, std::string(kFacilityServiceType), true, days, Units{}, t.cost,
                m.insurance_claim};
    out.push_back(std::move(p));
  }
  for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
    const auto& fund = st.basic.funds[k];
    if (!fund.present()) continue;
    PayerPart p{fund.payer_no, true, std::string(kFacilityServiceType), true, fund_days[k], Units{},
                t.funds[k].burden_total, m.fund_claims[k]};
    out.push_back(std::move(p));
  }
}

}  // namespace

bool is_paid(const review::ClaimDecision& d) {
  return d.outcome == review::ClaimOutcome::Paid || d.outcome == review::ClaimOutcome::Cut;
}

std::string insurer8(std::string_view insurer_no) {
  if (insurer_no.size() >= 8) return std::string(insurer_no);
  return std::string(8 - insurer_no.size(), '0') + std::string(insurer_no);
}

std::vector<PayerPart> payer_parts(const billing::ClaimStatement& st, const review::ClaimDecision& d, Side side) {
  std::vector<PayerPart> out;
  if (side == Side::Decided && !is_paid(d)) return out;
  for (const auto& row : d.rows) {
    const auto* a = st.aggregate(row.service_type);
    if (!a) continue;
    add_row_parts(st, *a, side == Side::Written ? row.written : row.decided, out);
  }
  if (st.facility_totals) add_facility_parts(st, side == Side::Written ? d.facility_written : d.facility_decided, out);
  return out;
}

std::vector<PayerPart> payer_parts(const SettledClaim& c, Side side) {
  return payer_parts(c.statement, c.decision, side);
}

Yen benefit_of(const std::vector<PayerPart>& parts, bool facility) {
  Yen sum;
  for (const auto& p : parts) {
    if (p.facility == facility) sum += p.benefit;
  }
  return sum;
}

Units written_units(const review::ClaimDecision& d) {
  Units u;
  for (const auto& r : d.rows) u += r.written.units;
  return u;
}

}  // namespace kaigo::settlement
