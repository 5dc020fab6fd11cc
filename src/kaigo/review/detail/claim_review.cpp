#include "kaigo/review/detail/claim_review.hpp"

#include <algorithm>

#include "kaigo/billing/terms.hpp"
#include "kaigo/review/amount_checks.hpp"
#include "kaigo/review/codes.hpp"
#include "kaigo/review/detail/daily_rate_check.hpp"
#include "kaigo/review/detail/facility_check.hpp"
#include "kaigo/review/detail/office_checks.hpp"
#include "kaigo/review/detail/plan_match.hpp"
#include "kaigo/review/detail/remark_check.hpp"
#include "kaigo/review/fund_checks.hpp"
#include "kaigo/review/recipient_checks.hpp"

namespace kaigo::review {
namespace {

constexpr std::string_view kFormItem = "様式番号";  // where seed 002 puts ANN4

// Rows with the written amounts and nothing decided yet.
void start(const SubmittedClaim& c, ClaimDecision& d) {
  const auto& st = c.statement;
  d.claim_id = c.id;
  d.order = c.order;
  d.rows.reserve(st.aggregates.size());
  for (const auto& a : st.aggregates) {
    RowDecision row;
    row.service_type = a.service_type;
    for (const auto& l : st.details) {
      if (l.service_type == a.service_type) row.last_item_code = l.item_code;
    }
    row.written = amounts_of(a);
    d.rows.push_back(std::move(row));
  }
  if (st.facility_totals) {
    const auto& t = *st.facility_totals;
    d.facility_written = {Units{}, t.insurance_claim, t.user_burden, {}};
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) d.facility_written.fund_claims[k] = t.funds[k].claim;
  }
}

void check_duplicates(const billing::ClaimKey& key, const ClaimReviewDeps& deps, const billing::ClaimStatement& st,
                      std::vector<Finding>& out) {
  const std::string form = st.key.form_id;
  if (deps.registered.contains(key)) out.push_back(error("ANN2", std::string(kFormItem), {}, form));
  if (const auto* w = deps.history.withdrawal(key)) {
    // After a 過誤 the decided 明細書 no longer blocks a re-claim, but only a 同月過誤 lets it in
    // this month (review-rules §5, §6.1).
    if (!w->same_month) out.push_back(error("ANN7", std::string(kFormItem), {}, form));
    return;
  }
  if (const auto* past = deps.history.decided(key)) {
    out.push_back(error("ANN4", std::string(kFormItem), {}, form));
    for (const auto& t : past->zero_assessed_types) out.push_back(error("ANNM", "サービス種類", t, t));
  }
}

bool has_office_error(const std::vector<Finding>& f) {
  return std::any_of(f.begin(), f.end(), [](const Finding& x) { return x.code == "ADD0" || x.code == "ADD1"; });
}

bool has_code(const std::vector<Finding>& f, std::string_view code) {
  return std::any_of(f.begin(), f.end(), [&](const Finding& x) { return x.code == code; });
}

// Every row of the 返戻一覧 names a サービス種類: the claim's first when the finding has none.
void name_service_types(const billing::ClaimStatement& st, ClaimDecision& d) {
  std::string first = !st.aggregates.empty() ? st.aggregates.front().service_type
                      : !st.details.empty()  ? st.details.front().service_type
                                             : std::string();
  for (auto& f : d.findings) {
    if (f.service_type.empty()) f.service_type = first;
  }
}

void settle_amounts(ClaimDecision& d) {
  if (d.outcome == ClaimOutcome::Paid) {
    for (auto& r : d.rows) r.decided = r.written;
  }
  if (d.outcome == ClaimOutcome::Paid || d.outcome == ClaimOutcome::Cut) d.facility_decided = d.facility_written;
}

ClaimDecision decide(const SubmittedClaim& c, ClaimReviewDeps& deps, bool is_new, YearMonth first_held) {
  const auto& ctx = deps.context;
  const auto& st = c.statement;
  ClaimDecision d;
  start(c, d);
  auto& f = d.findings;
  check_claim_services(ctx.masters, ctx.offices, st, f);
  check_insurer(ctx.insurers, st.key.insurer_no, st.key.service_month, f);
  const bool offices_known = !has_office_error(f);
  const bool fee = is_care_plan_fee(st.key.form_id);
  auto versions = find_recipient(ctx.recipients, st.key.insurer_no, st.key.insured_no, st.key.service_month, f);
  const auto* recipient = check_claim_recipient(versions, st, fee, f, billing::own_benefit_rate(ctx.masters, st));
  check_claim_services_for_person(ctx.masters, versions, st, f);
  check_facility_costs(ctx.masters, recipient, st, f);
  check_daily_rates(ctx.masters, versions, st, f);
  check_remarks(st, f);
  if (ctx.funds) check_funds(*ctx.funds, st, f);
  // No key when a number is longer than its item (a half-width カナ is three bytes in UTF-8): no
  // person has it (find_recipient said 12P0), and no other 明細書 can be the same one.
  const auto key = billing::ClaimKey::of(st.key);
  if (is_new && key) check_duplicates(*key, deps, st, f);
  // Without the office the 単価 is unknown: the amounts cannot be judged.
  if (offices_known) {
    check_amounts(st, claim_terms(ctx.masters, ctx.offices, st, recipient, ctx.funds), has_code(f, "12SA"), f);
  }
  if (!f.empty() || !key) {
    d.outcome = ClaimOutcome::Returned;
  } else {
    match_plan(st, recipient, first_held, deps, d);
  }
  settle_amounts(d);
  name_service_types(st, d);
  if (is_new && key && d.outcome != ClaimOutcome::Returned) deps.registered.add(*key);
  return d;
}

}  // namespace

ClaimDecision review_new_claim(const SubmittedClaim& claim, ClaimReviewDeps& deps) {
  return decide(claim, deps, true, deps.month);
}

ClaimDecision review_held_claim(const HeldClaim& held, ClaimReviewDeps& deps) {
  const auto& st = held.claim.statement;
  if (deps.plans.find(billing::PersonMonthKey::from(st.key))) {
    ClaimDecision d = decide(held.claim, deps, false, held.first_held);
    // 保留復活 is a held 明細書 paid now; one that fails a check on release is simply returned.
    d.released = d.outcome == ClaimOutcome::Paid || d.outcome == ClaimOutcome::Cut;
    d.held_since = held.first_held;
    return d;
  }
  ClaimDecision d;
  start(held.claim, d);
  hold_or_return(st, held.first_held, deps, d);
  name_service_types(st, d);
  return d;
}

ClaimDecision returned_at_reception(const SubmittedClaim& claim, std::vector<Finding> findings) {
  ClaimDecision d;
  start(claim, d);
  d.findings = std::move(findings);
  d.outcome = ClaimOutcome::Returned;
  name_service_types(claim.statement, d);
  return d;
}

}  // namespace kaigo::review
