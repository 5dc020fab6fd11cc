#include "kaigo/settlement/rereview.hpp"

#include <algorithm>
#include <utility>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/review/amount_checks.hpp"
#include "kaigo/review/codes.hpp"
#include "kaigo/review/recipient_checks.hpp"

namespace kaigo::settlement {
namespace {

using review::CutReason;

review::Amounts amounts_of(const billing::AggregateRow& a) {
  review::Amounts m{a.insurance_units, a.insurance_claim, a.user_burden, {}};
  for (std::size_t k = 0; k < billing::kFundSlots; ++k) m.fund_claims[k] = a.funds[k].claim;
  return m;
}

// The 受給者台帳 version whose 給付率 the review computed with.
const master::Recipient* recipient_of(const billing::ClaimStatement& st, const review::ReviewContext& ctx) {
  std::vector<review::Finding> ignored;
  auto versions = review::find_recipient(ctx.recipients, st.key.insurer_no, st.key.insured_no, st.key.service_month, ignored);
  return review::check_claim_recipient(versions, st, review::is_care_plan_fee(st.key.form_id), ignored);
}

struct Match {
  std::string service_type;
  CutReason cut = CutReason::None;
  Units claimed;  // inside the limit
  Units decided;  // inside the limit
};

// The rows matched against the corrected plan (review/plan_match's rule).
std::vector<Match> match(const RereviewRequest& req, const review::ReviewContext& ctx, review::ClaimDecision& after) {
  const auto& st = req.claim.statement;
  std::vector<Match> out;
  for (auto& row : after.rows) {
    const auto* type = ctx.masters.service_types.find(row.service_type, st.key.service_month);
    const auto* a = st.aggregate(row.service_type);
    if (!type || !type->limit_target || !a) continue;
    const auto line = req.plan.plan_units_for(st.key.office_no, row.service_type);
    const Units claimed = a->insurance_units - a->outside_limit_units;
    const Units decided = line ? std::min(claimed, *line) : Units{};
    row.plan_units = line.value_or(Units{});
    row.cut = decided >= claimed ? CutReason::None : line ? CutReason::OverPlan : CutReason::NotOnPlan;
    out.push_back({row.service_type, row.cut, claimed, std::min(decided, claimed)});
  }
  return out;
}

void recompute(const RereviewRequest& req, const review::ReviewContext& ctx, const std::vector<Match>& matches,
               review::ClaimDecision& after) {
  const auto& st = req.claim.statement;
  const bool any_cut = std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.cut != CutReason::None; });
  if (!any_cut) {
    for (auto& row : after.rows) row.decided = row.written;
    return;
  }
  auto terms = review::claim_terms(ctx.masters, ctx.offices, st, recipient_of(st, ctx));
  for (auto& t : terms.types) {
    for (const auto& m : matches) {
      if (m.cut != CutReason::None && m.service_type == t.service_type) t.plan_units = m.decided;
    }
  }
  const auto computed = billing::compute(st, terms).statement;
  for (auto& row : after.rows) {
    if (const auto* a = computed.aggregate(row.service_type)) row.decided = amounts_of(*a);
  }
}

}  // namespace

RereviewResult rereview_result(Units original, Units decided, Units requested) {
  if (decided == original) return RereviewResult::AsBefore;
  if (decided > original) return decided >= requested ? RereviewResult::AllIncreased : RereviewResult::PartIncreased;
  return decided == Units{} ? RereviewResult::AllDecreased : RereviewResult::PartDecreased;
}

std::optional<RereviewOutcome> rereview(const RereviewRequest& req, const review::ReviewContext& ctx) {
  const auto& before = req.claim.decision;
  const bool had_cut = std::any_of(before.rows.begin(), before.rows.end(),
                                   [](const review::RowDecision& r) { return r.cut != CutReason::None; });
  if (!had_cut || before.outcome != review::ClaimOutcome::Cut) return std::nullopt;
  review::ClaimDecision after = before;
  const auto matches = match(req, ctx, after);
  recompute(req, ctx, matches, after);
  std::erase_if(after.findings, [](const review::Finding& f) { return f.kind == review::FindingKind::Cut; });
  for (const auto& m : matches) {
    if (m.cut != CutReason::None) after.findings.push_back(review::cut(m.cut, m.service_type, m.claimed, m.decided));
  }
  const bool cut = std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.cut != CutReason::None; });
  after.outcome = cut ? review::ClaimOutcome::Cut : review::ClaimOutcome::Paid;
  const auto& key = req.claim.statement.key;
  return RereviewOutcome{req.plan_id, key.office_no, program_of(key.form_id), req.claim.statement, before, std::move(after)};
}

}  // namespace kaigo::settlement
