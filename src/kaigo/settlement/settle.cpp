#include "kaigo/settlement/settle.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "kaigo/settlement/detail/names.hpp"
#include "kaigo/settlement/office_month.hpp"
#include "kaigo/settlement/payment.hpp"
#include "kaigo/settlement/rereview.hpp"
#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

OutcomeCounts count_outcomes(const OfficeMonth& om) {
  using review::ClaimOutcome;
  using review::PlanOutcome;
  OutcomeCounts n;
  for (const auto* c : om.claims) {
    const auto& d = c->decision;
    n.paid += d.outcome == ClaimOutcome::Paid;
    n.cut += d.outcome == ClaimOutcome::Cut;
    n.held += d.outcome == ClaimOutcome::Held;
    n.returned += d.outcome == ClaimOutcome::Returned;
    n.released += d.released && (d.outcome == ClaimOutcome::Paid || d.outcome == ClaimOutcome::Cut);
  }
  for (const auto* p : om.plans) {
    const auto o = p->decision.outcome;
    n.plans_registered += o == PlanOutcome::Registered;
    n.plans_replaced += o == PlanOutcome::Replaced;
    n.plans_withdrawn += o == PlanOutcome::Withdrawn;
    n.plans_returned += o == PlanOutcome::Returned;
  }
  return n;
}

OfficeResult settle_office(const OfficeMonth& om, const Names& names, const SettlementSettings& settings,
                           std::vector<SettlementNote>& notes) {
  OfficeResult r;
  r.office = names.office(om.office_no, om.month);
  r.care_adjustments = adjustment_table(om, Program::Care);
  r.sougou_adjustments = adjustment_table(om, Program::Sougou);
  r.cuts = cut_lines(om, names);
  r.care_returns = return_lines(om, Program::Care, names);
  r.sougou_returns = return_lines(om, Program::Sougou, names);
  r.care_breakdown = breakdown_table(om, Program::Care, names);
  r.sougou_breakdown = breakdown_table(om, Program::Sougou, names);
  r.care_kago = kago_table(om, Program::Care, names);
  r.sougou_kago = kago_table(om, Program::Sougou, names);
  r.rereviews = rereview_table(om, names);
  r.payment = office_payment(om, settings, notes);
  r.counts = count_outcomes(om);
  r.review_status = review_status(om, names);
  r.treatment_bonus = treatment_bonus(om, names);
  return r;
}

MonthTotals totals_of(const std::vector<OfficeResult>& offices) {
  MonthTotals t;
  for (const auto& o : offices) {
    const auto& p = o.payment;
    t.offices += 1;
    t.counts += o.counts;
    for (auto [sum, part] : {std::pair{&t.care, &p.care}, std::pair{&t.sougou, &p.sougou}}) {
      sum->decided += part->decided;
      sum->withdrawn += part->withdrawn;
      sum->restored += part->restored;
    }
    t.certificate_fee += p.certificate_fee;
    t.license_fee += p.license_fee;
    t.carried_in += p.carried_in;
    t.total += p.total;
    t.transfer += p.transfer;
    t.carried_out += p.carried_out;
    t.billed += p.billed;
  }
  return t;
}

// 再審査申立: decided on the decision in force, unless its 明細書 is withdrawn (過誤) or decided
// again by a 給付管理票 修正 this month, or already appealed in another file of the month — one new
// decision of a 明細書 a month.
void decide_appeals(const SettlementInput& input, const review::ReviewContext& context,
                    const std::set<std::string>& withdrawn, std::vector<RereviewOutcome>& out,
                    std::vector<SettlementNote>& notes) {
  std::set<std::string> decided;
  for (const auto& r : out) decided.insert(r.before.claim_id);
  for (const auto& a : input.appeals) {
    const auto& id = a.claim.decision.claim_id;
    const auto& office = a.claim.statement.key.office_no;
    if (withdrawn.count(id)) {
      notes.push_back({office, fmt::format("明細書 {} は今月過誤のため再審査申立を決定しません", id),
                       fmt::format("明細書 {} is withdrawn (過誤) this month; its 再審査申立 is not decided", id)});
      continue;
    }
    if (!decided.insert(id).second) {
      notes.push_back(
          {office, fmt::format("明細書 {} は今月すでに再審査されたため、再審査申立（{} 行目）は翌月以降に申し立ててください", id, a.appeal.line),
           fmt::format("明細書 {} is already decided again this month; file the 再審査申立 (line {}) in a later month", id,
                       a.appeal.line)});
      continue;
    }
    out.push_back(decide_appeal(a, context));
  }
}

// A 明細書 withdrawn (過誤) this month is not decided again: 「給付管理票の“修正”と、請求明細書の
// “過誤”は同一月には処理できません」 (review-rules §4.4 [PUB-1]).
std::vector<RereviewOutcome> rereview_all(const SettlementInput& input, const review::ReviewContext& context,
                                          std::vector<SettlementNote>& notes) {
  std::set<std::string> withdrawn;
  for (const auto& w : input.withdrawals) withdrawn.insert(w.claim.decision.claim_id);
  std::vector<RereviewOutcome> out;
  for (const auto& req : input.rereviews) {
    const auto& id = req.claim.decision.claim_id;
    if (withdrawn.count(id)) {
      notes.push_back({req.claim.statement.key.office_no, fmt::format("明細書 {} は今月過誤のため再審査しません", id),
                       fmt::format("明細書 {} is withdrawn (過誤) this month and is not re-reviewed", id)});
      continue;
    }
    if (auto r = rereview(req, context)) out.push_back(std::move(*r));
  }
  decide_appeals(input, context, withdrawn, out, notes);
  std::sort(out.begin(), out.end(),
            [](const RereviewOutcome& a, const RereviewOutcome& b) { return a.before.claim_id < b.before.claim_id; });
  return out;
}

// The lists of a month in their order (offices by number, 再審査 and 過誤 by 明細書, notes by office
// in the order they arose), whatever order its parts came in.
void sort_lists(MonthSettlement& s) {
  std::stable_sort(s.offices.begin(), s.offices.end(), [](const OfficeResult& a, const OfficeResult& b) {
    return a.office.office_no < b.office.office_no;
  });
  std::stable_sort(s.rereviewed.begin(), s.rereviewed.end(), [](const RereviewOutcome& a, const RereviewOutcome& b) {
    return a.before.claim_id < b.before.claim_id;
  });
  std::stable_sort(s.withdrawn.begin(), s.withdrawn.end(),
                   [](const AppliedWithdrawal& a, const AppliedWithdrawal& b) { return a.claim_id < b.claim_id; });
  std::stable_sort(s.notes.begin(), s.notes.end(),
                   [](const SettlementNote& a, const SettlementNote& b) { return a.office_no < b.office_no; });
}

template <typename T>
void append(std::vector<T>& to, std::vector<T>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void merge(MonthSettlement& month, MonthSettlement&& part) {
  append(month.offices, std::move(part.offices));
  append(month.rereviewed, std::move(part.rereviewed));
  append(month.withdrawn, std::move(part.withdrawn));
  append(month.notes, std::move(part.notes));
  sort_lists(month);
  month.totals = totals_of(month.offices);
}

OutcomeCounts& OutcomeCounts::operator+=(const OutcomeCounts& o) {
  paid += o.paid;
  cut += o.cut;
  held += o.held;
  returned += o.returned;
  released += o.released;
  plans_registered += o.plans_registered;
  plans_replaced += o.plans_replaced;
  plans_withdrawn += o.plans_withdrawn;
  plans_returned += o.plans_returned;
  return *this;
}

MonthSettlement settle_month(const SettlementInput& input, const review::ReviewContext& context,
                             const SettlementSettings& settings) {
  MonthSettlement s;
  s.month = input.month;
  s.rereviewed = rereview_all(input, context, s.notes);
  const Names names(context);
  for (const auto& [no, om] : group_by_office(input, s.rereviewed))
    s.offices.push_back(settle_office(om, names, settings, s.notes));
  s.totals = totals_of(s.offices);
  for (const auto& w : input.withdrawals) s.withdrawn.push_back({w.claim.decision.claim_id, w.kago_code, w.same_month});
  sort_lists(s);
  return s;
}

}  // namespace kaigo::settlement
