#include "kaigo/billing/types.hpp"

#include <algorithm>

namespace kaigo::billing {

const AggregateRow* ClaimStatement::aggregate(std::string_view service_type) const {
  for (const auto& a : aggregates) {
    if (a.service_type == service_type) return &a;
  }
  return nullptr;
}

std::vector<std::string_view> ClaimStatement::service_types() const {
  std::vector<std::string_view> types;
  for (const auto& a : aggregates) types.push_back(a.service_type);
  for (const auto& d : details) types.push_back(d.service_type);
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  return types;
}

const InvoiceRow* Invoice::find(int payer_kind, std::string_view law_no, std::string_view claim_class) const {
  for (const auto& r : rows) {
    if (r.payer_kind == payer_kind && r.law_no == law_no && r.claim_class == claim_class) return &r;
  }
  return nullptr;
}

std::optional<Units> BenefitPlan::plan_units_for(std::string_view office_no, std::string_view service_type) const {
  std::optional<Units> found;
  for (const auto& l : lines) {
    if (l.office_no == office_no && l.service_type == service_type) found = found.value_or(Units{}) + l.plan_units;
  }
  return found;
}

Units BenefitPlan::sum_of_lines() const {
  Units sum;
  for (const auto& l : lines) sum += l.plan_units;
  return sum;
}

}  // namespace kaigo::billing
