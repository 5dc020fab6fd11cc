#include "kaigo/review/month_run.hpp"

#include <string_view>
#include <unordered_map>

#include "kaigo/review/detail/claim_review.hpp"

namespace kaigo::review {
namespace {

PlanDecision plan_returned_at_reception(const SubmittedPlan& p, std::vector<Finding> findings) {
  PlanDecision d;
  d.plan_id = p.id;
  d.order = p.order;
  d.outcome = PlanOutcome::Returned;
  d.findings = std::move(findings);
  return d;
}

}  // namespace

RunReport run_month(MonthSource& source, DecisionSink& sink, const ReviewContext& context, YearMonth month) {
  RunReport report;
  History history = source.history(month);
  MonthReviewer reviewer(context, month, history);
  sink.begin(month);

  // 1. 給付管理票: the ones the pre-check returned are decided at once; the others in order.
  std::vector<SubmittedPlan> plans;
  std::vector<std::pair<SubmittedPlan, std::vector<Finding>>> returned_plans;
  source.for_each_plan(month, [&](SubmittedPlan&& p, std::vector<Finding>&& findings) {
    if (findings.empty()) {
      plans.push_back(std::move(p));
    } else {
      returned_plans.emplace_back(std::move(p), std::move(findings));
    }
  });
  std::unordered_map<std::string_view, std::size_t> plan_at;  // ids of `plans`, which stays as it is
  for (std::size_t i = 0; i < plans.size(); ++i) plan_at.emplace(plans[i].id, i);
  for (const auto& d : reviewer.review_plans(plans)) {
    sink.plan(plans[plan_at.at(d.plan_id)], d);
    ++report.plans[std::string(outcome_name(d.outcome))];
  }
  for (auto& [p, findings] : returned_plans) {
    sink.plan(p, plan_returned_at_reception(p, std::move(findings)));
    ++report.plans[std::string(outcome_name(PlanOutcome::Returned))];
    ++report.returned_at_reception;
  }

  // 2. 明細書 on hold from earlier months.
  std::unordered_map<std::string, std::size_t> held_at;
  for (std::size_t i = 0; i < history.held.size(); ++i) held_at.emplace(history.held[i].claim.id, i);
  for (const auto& d : reviewer.review_held()) {
    sink.claim(history.held[held_at.at(d.claim_id)].claim, d);
    ++report.claims[std::string(outcome_name(d.outcome))];
    if (d.released) ++report.released;
  }

  // 3. This month's 明細書, streamed in acceptance order.
  source.for_each_claim(month, [&](SubmittedClaim&& c, std::vector<Finding>&& findings) {
    const bool precheck_errors = !findings.empty();
    ClaimDecision d = precheck_errors ? returned_at_reception(c, std::move(findings)) : reviewer.review_claim(c);
    if (precheck_errors) ++report.returned_at_reception;
    sink.claim(c, d);
    ++report.claims[std::string(outcome_name(d.outcome))];
  });
  sink.commit();
  return report;
}

}  // namespace kaigo::review
