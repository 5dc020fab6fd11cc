#include "kaigo/review/detail/plan_match.hpp"

#include <algorithm>

#include "kaigo/review/amount_checks.hpp"
#include "kaigo/review/codes.hpp"

namespace kaigo::review {
namespace {

bool needs_plan(const master::ServiceTypeMaster& types, const billing::ClaimStatement& st) {
  auto needs = [&](const std::string& t) {
    const auto* type = types.find(t, st.key.service_month);
    return type && type->needs_plan;
  };
  return std::any_of(st.aggregates.begin(), st.aggregates.end(), [&](const auto& a) { return needs(a.service_type); }) ||
         std::any_of(st.details.begin(), st.details.end(), [&](const auto& l) { return needs(l.service_type); });
}

// The 給付単位数 claimed inside the 区分支給限度 (what the plan line bounds).
Units claimed_in_limit(const billing::AggregateRow& a) { return a.insurance_units - a.outside_limit_units; }

// Amounts after the cut: the claim recomputed with each cut row's decided units as its plan cap.
void recompute_cut(const billing::ClaimStatement& st, const master::Recipient* recipient,
                   const std::vector<std::pair<std::string, Units>>& caps, const ClaimReviewDeps& deps,
                   ClaimDecision& d) {
  auto terms = claim_terms(deps.context.masters, deps.context.offices, st, recipient, deps.context.funds);
  for (auto& t : terms.types) {
    for (const auto& [type, units] : caps) {
      if (t.service_type == type) t.plan_units = units;
    }
  }
  const auto computed = billing::compute(st, terms).statement;
  for (auto& row : d.rows) {
    if (const auto* a = computed.aggregate(row.service_type)) row.decided = amounts_of(*a);
  }
}

}  // namespace

void hold_or_return(const billing::ClaimStatement& st, YearMonth first_held, const ClaimReviewDeps& deps,
                    ClaimDecision& d) {
  const bool fee = is_care_plan_fee(st.key.form_id);
  d.held_since = first_held;
  if (deps.month.months_since(first_held) >= deps.context.config.hold_months(deps.month).value_or(0)) {
    d.outcome = ClaimOutcome::Returned;
    d.findings.push_back(hold_ended(fee));
  } else {
    d.outcome = ClaimOutcome::Held;
    d.findings.push_back(hold(fee));
  }
}

void match_plan(const billing::ClaimStatement& st, const master::Recipient* recipient, YearMonth first_held,
                const ClaimReviewDeps& deps, ClaimDecision& d) {
  const auto& types = deps.context.masters.service_types;
  if (!needs_plan(types, st)) {
    d.outcome = ClaimOutcome::Paid;
    return;
  }
  const auto* entry = deps.plans.find(billing::PersonMonthKey::from(st.key));
  if (!entry) {
    hold_or_return(st, first_held, deps, d);
    return;
  }
  std::vector<std::pair<std::string, Units>> caps;
  for (auto& row : d.rows) {
    const auto* type = types.find(row.service_type, st.key.service_month);
    const auto* written = st.aggregate(row.service_type);
    if (!type || !type->limit_target || !written) continue;
    const auto line = entry->plan->plan_units_for(st.key.office_no, row.service_type);
    const Units claimed = claimed_in_limit(*written);
    const Units decided = line ? std::min(claimed, *line) : Units{};
    row.plan_units = line.value_or(Units{});
    if (decided >= claimed) continue;
    row.cut = line ? CutReason::OverPlan : CutReason::NotOnPlan;
    caps.emplace_back(row.service_type, decided);
  }
  if (caps.empty()) {
    d.outcome = ClaimOutcome::Paid;
    return;
  }
  const bool cut = deps.context.config.plan_mismatch == PlanMismatch::Cut;
  for (auto& row : d.rows) {
    if (row.cut == CutReason::None) continue;
    const auto* written = st.aggregate(row.service_type);
    const Units claimed = claimed_in_limit(*written);
    const Units planned = *row.plan_units;
    if (cut) {
      d.findings.push_back(review::cut(row.cut, row.service_type, claimed, std::min(claimed, planned)));
    } else {
      d.findings.push_back(plan_mismatch(row.cut, row.service_type, claimed, planned));
      row.cut = CutReason::None;  // nothing is cut: the whole 明細書 goes back
    }
  }
  if (!cut) {
    d.outcome = ClaimOutcome::Returned;
    return;
  }
  d.outcome = ClaimOutcome::Cut;
  recompute_cut(st, recipient, caps, deps, d);
}

}  // namespace kaigo::review
