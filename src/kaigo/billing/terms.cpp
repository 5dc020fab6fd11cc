#include "kaigo/billing/terms.hpp"

#include <algorithm>

namespace kaigo::billing {

std::optional<UnitPrice> own_unit_price(const master::Masters& masters, const ClaimStatement& st, std::string_view type) {
  for (const auto& d : st.details) {
    if (d.service_type != type) continue;
    const auto* own = masters.own_code(d.priced_by(st.key.insurer_no), d.service_type, d.item_code, st.key.service_month);
    if (own && own->unit_price) return own->unit_price;
  }
  return std::nullopt;
}

std::optional<int> own_benefit_rate(const master::Masters& masters, const ClaimStatement& st) {
  std::optional<int> rate;
  for (const auto& d : st.details) {
    const auto* own = masters.own_code(d.priced_by(st.key.insurer_no), d.service_type, d.item_code, st.key.service_month);
    if (own && own->benefit_rate) rate = own->benefit_rate;
  }
  return rate;
}

StatementTerms make_terms(const master::Masters& masters, const master::OfficeLedger& offices,
                          const ClaimStatement& statement, const BenefitPlan* plan,
                          const master::Recipient* recipient) {
  StatementTerms t;
  t.codes = &masters.service_codes;
  if (!masters.sougou.insurers().empty()) t.own_codes = &masters;
  const YearMonth month = statement.key.service_month;
  std::vector<std::string> types;
  for (const auto& a : statement.aggregates) types.push_back(a.service_type);
  for (const auto& d : statement.details) {
    if (std::find(types.begin(), types.end(), d.service_type) == types.end()) types.push_back(d.service_type);
  }
  for (const auto& type : types) {
    TypeTerms tt;
    tt.service_type = type;
    if (const auto* office = offices.find(statement.key.office_no, type, month)) {
      tt.unit_price = masters.unit_price(office->region_class, type, month);
    }
    // 総合事業: the municipality's own 単価 when its master sets one (seed 002 §11 地域単価).
    if (t.own_codes) {
      if (auto own = own_unit_price(masters, statement, type)) tt.unit_price = own;
    }
    const auto* st = masters.service_types.find(type, month);
    if (plan && st && st->limit_target) tt.plan_units = plan->plan_units_for(statement.key.office_no, type).value_or(Units{});
    t.types.push_back(tt);
  }
  if (recipient && recipient->benefit_rate) t.insurance_rate = recipient->benefit_rate;
  // 定率 総合事業 (A3/A7): the 給付率 is the municipality's, written on its code.
  if (t.own_codes) {
    if (auto rate = own_benefit_rate(masters, statement)) t.insurance_rate = rate;
  }
  return t;
}

}  // namespace kaigo::billing
