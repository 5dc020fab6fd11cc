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

void recompute(const billing::ClaimStatement& st, const review::ReviewContext& ctx, const std::vector<Match>& matches,
               review::ClaimDecision& after) {
  const bool any_cut = std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.cut != CutReason::None; });
  if (!any_cut) {
    for (auto& row : after.rows) row.decided = row.written;
    return;
  }
  auto terms = review::claim_terms(ctx.masters, ctx.offices, st, recipient_of(st, ctx), ctx.funds);
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

// The findings and outcome of a decision whose cut rows are now `matches`.
void settle_findings(const std::vector<Match>& matches, review::ClaimDecision& after) {
  std::erase_if(after.findings, [](const review::Finding& f) { return f.kind == review::FindingKind::Cut; });
  for (const auto& m : matches) {
    if (m.cut != CutReason::None) after.findings.push_back(review::cut(m.cut, m.service_type, m.claimed, m.decided));
  }
  const bool cut = std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.cut != CutReason::None; });
  after.outcome = cut ? review::ClaimOutcome::Cut : review::ClaimOutcome::Paid;
}

// The units (給付単位数) the 審査委員会 decided for the appealed サービス種類.
Units appeal_units(const RereviewAppeal& a, const review::RowDecision& row) {
  if (a.decision == AppealDecision::Upheld) return row.decided.units;
  return std::min(a.decided.value_or(a.requested), row.written.units);
}

// The cut rows of the decision in force, the appealed one at its new units: inside the 区分支給限度
// (the 集計 row's units outside it are never cut).
std::vector<Match> appeal_matches(const AppealRereview& req, const review::ClaimDecision& before) {
  const auto& st = req.claim.statement;
  std::vector<Match> out;
  for (const auto& row : before.rows) {
    const auto* a = st.aggregate(row.service_type);
    if (!a || row.cut == CutReason::None) continue;
    const Units outside = a->outside_limit_units;
    const Units claimed = a->insurance_units - outside;
    const Units total = row.service_type == req.appeal.service_type ? appeal_units(req.appeal, row) : row.decided.units;
    const Units decided = std::clamp(total - outside, Units{}, claimed);
    out.push_back({row.service_type, decided < claimed ? row.cut : CutReason::None, claimed, decided});
  }
  return out;
}

}  // namespace

RereviewOutcome decide_appeal(const AppealRereview& req, const review::ReviewContext& ctx) {
  const auto& before = req.claim.decision;
  review::ClaimDecision after = before;
  if (req.appeal.decision == AppealDecision::Restored) {
    const auto matches = appeal_matches(req, before);
    recompute(req.claim.statement, ctx, matches, after);
    for (auto& row : after.rows) {
      for (const auto& m : matches) {
        if (m.service_type == row.service_type) row.cut = m.cut;
      }
    }
    settle_findings(matches, after);
  }
  const auto& key = req.claim.statement.key;
  AppealTerms terms{req.appeal.appeal_code, req.appeal.reason_name, req.appeal.service_type, req.appeal.requested};
  return RereviewOutcome{{}, key.office_no, program_of(key.form_id), req.claim.statement, before, std::move(after),
                         std::move(terms)};
}

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
  recompute(req.claim.statement, ctx, matches, after);
  settle_findings(matches, after);
  const auto& key = req.claim.statement.key;
  return RereviewOutcome{req.plan_id,          key.office_no,     program_of(key.form_id), req.claim.statement, before,
                         std::move(after), std::nullopt};
}

}  // namespace kaigo::settlement
