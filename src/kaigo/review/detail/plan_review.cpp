#include "kaigo/review/detail/plan_review.hpp"

#include <algorithm>
#include <map>

#include "kaigo/review/codes.hpp"
#include "kaigo/review/detail/office_checks.hpp"
#include "kaigo/review/recipient_checks.hpp"

namespace kaigo::review {
namespace {

enum CreateKind { kNew = 1, kCorrect = 2, kCancel = 3 };  // 給付管理票情報作成区分コード

constexpr std::string_view kCreateItem = "給付管理票情報作成区分コード";

void check_create_kind(const billing::BenefitPlan& p, const PlanRegistry::Entry* in_force, std::vector<Finding>& out) {
  const std::string found = std::to_string(p.create_kind);
  if (p.create_kind == kCorrect || p.create_kind == kCancel) {
    if (!in_force) out.push_back(error("ANN9", std::string(kCreateItem), {}, found));
  } else if (in_force) {
    out.push_back(error(in_force->this_month ? "ANN0" : "ANNJ", std::string(kCreateItem), {}, found));
  }
}

void check_duplicate_lines(const billing::BenefitPlan& p, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    const auto& l = p.lines[i];
    auto same = [&](const billing::BenefitPlanLine& o) { return o.office_no == l.office_no && o.service_type == l.service_type; };
    if (std::any_of(p.lines.begin(), p.lines.begin() + static_cast<std::ptrdiff_t>(i), same)) {
      out.push_back(error("ANNK", "サービス事業所番号", l.service_type, l.office_no));
    }
  }
}

// 12P3: against the highest limit of the month (the heaviest level, review-rules §3.3). 償還 units
// of the month are not known to the review (History has none) and count as 0.
void check_limit(const master::Masters& masters, std::span<const master::Recipient* const> versions,
                 const billing::BenefitPlan& p, std::vector<Finding>& out) {
  std::optional<Units> limit;
  for (const auto* r : versions) {
    auto l = masters.limit_of(*r, p.service_month);
    if (l && (!limit || *limit < *l)) limit = l;
  }
  const Units total = p.sum_of_lines();
  if (!limit || total <= *limit) return;
  // One row per related item, all with the same code (review-rules §1.1 [PUB-12]).
  out.push_back(error("12P3", "証記載保険者番号", {}, p.insurer_no));
  out.push_back(error("12P3", "給付管理票種別区分コード", {}, "3"));
  out.push_back(error("12P3", "被保険者番号", {}, p.insured_no));
  out.push_back(error("12P3", "給付計画合計単位数", {}, std::to_string(total.value), std::to_string(limit->value)));
}

void check_type_limits(const Config& config, const billing::BenefitPlan& p, std::vector<Finding>& out) {
  if (config.type_limits.empty()) return;
  std::map<std::string, Units> per_type;  // ordered: findings in サービス種類 order
  for (const auto& l : p.lines) per_type[l.service_type.str()] += l.plan_units;
  for (const auto& [type, units] : per_type) {
    auto cap = config.type_limit(p.insurer_no, type, p.care_level, p.service_month);
    if (cap && *cap < units) out.push_back(error("15P6", "サービス種類コード", type, std::to_string(units.value), std::to_string(cap->value)));
  }
}

std::vector<std::string> ids_of(const std::vector<const DecidedClaim*>& claims) {
  std::vector<std::string> ids;
  ids.reserve(claims.size());
  for (const auto* c : claims) ids.push_back(c->id);
  return ids;
}

}  // namespace

PlanDecision review_plan(const SubmittedPlan& submitted, PlanReviewDeps& deps) {
  const billing::BenefitPlan& p = submitted.plan;
  PlanDecision d;
  d.plan_id = submitted.id;
  d.order = submitted.order;
  const auto key = billing::PersonMonthKey::from(p);
  const PlanRegistry::Entry* in_force = deps.registry.find(key);
  check_create_kind(p, in_force, d.findings);
  if (p.create_kind != kCancel) {
    check_plan_offices(deps.context.offices, p, d.findings);
    check_duplicate_lines(p, d.findings);
    auto versions = find_recipient(deps.context.recipients, p.insurer_no, p.insured_no, p.service_month, d.findings);
    check_plan_recipient(versions, p, d.findings);
    check_limit(deps.context.masters, versions, p, d.findings);
    check_type_limits(deps.context.config, p, d.findings);
  }
  if (!d.findings.empty()) {
    d.outcome = PlanOutcome::Returned;
    return d;
  }
  if (in_force) d.previous_plan_id = in_force->id;
  const auto decided = deps.history.decided_of(key);
  switch (p.create_kind) {
    case kCancel:
      d.outcome = PlanOutcome::Withdrawn;
      d.withdrawn_claims = ids_of(decided);
      for (const auto* c : decided) deps.history.add_withdrawal(c->key);
      deps.registry.withdraw(key);
      break;
    case kCorrect:
      d.outcome = PlanOutcome::Replaced;
      d.rereview_claims = ids_of(decided);
      deps.registry.register_plan(key, submitted);
      break;
    default:
      // 作成区分 values other than 2 / 3 are the pre-check's to refuse; here they count as 新規.
      d.outcome = PlanOutcome::Registered;
      deps.registry.register_plan(key, submitted);
      break;
  }
  return d;
}

}  // namespace kaigo::review
