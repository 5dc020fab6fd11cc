#include "kaigo/billing/terms.hpp"

#include <algorithm>

namespace kaigo::billing {

StatementTerms make_terms(const master::Masters& masters, const master::OfficeLedger& offices,
                          const ClaimStatement& statement, const BenefitPlan* plan,
                          const master::Recipient* recipient) {
  StatementTerms t;
  t.codes = &masters.service_codes;
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
    const auto* st = masters.service_types.find(type, month);
    if (plan && st && st->limit_target) tt.plan_units = plan->plan_units_for(statement.key.office_no, type).value_or(Units{});
    t.types.push_back(tt);
  }
  if (recipient && recipient->benefit_rate) t.insurance_rate = recipient->benefit_rate;
  return t;
}

}  // namespace kaigo::billing
