#include "support/settle_support.hpp"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

#include "kaigo/billing/invoice.hpp"
#include "kaigo/report/notice_file.hpp"

namespace kaigo::testing {

OneClaimMonth::OneClaimMonth(const std::string& office_no, YearMonth service, std::int64_t planned,
                             const std::vector<Use>& uses, const std::function<void(Story&)>& setup) {
  s.office(office_no, "11");
  s.person("0000000001");
  setup(s);
  plan = s.plan("P1", "0000000001", service, {{office_no, "11", planned}});
  claim = s.claim("C1", office_no, "0000000001", service, uses);
  month = s.review(service.plus_months(1), {plan}, {claim});
}

settlement::SettlementInput OneClaimMonth::input(YearMonth review_month) const {
  settlement::SettlementInput in;
  in.month = review_month;
  in.claims = settled_claims(month, review_month, {claim});
  in.plans = settled_plans(month, {plan});
  in.invoices = invoice_of({claim});
  return in;
}

report::IssueInfo seed_issue() {
  return {"和歌山県国民健康保険団体連合会", "和歌山県介護給付費等審査委員会", "", Date{2026, 1, 20}, Date{2026, 1, 26}};
}

settlement::SettledClaim settled(const review::SubmittedClaim& claim, const Month& month, YearMonth review_month) {
  return {claim.statement, month.claim(claim.id), review_month};
}

settlement::SettledPlan settled(const review::SubmittedPlan& plan, const Month& month) {
  return {plan.id, plan.plan, month.plan(plan.id)};
}

std::vector<settlement::SettledClaim> settled_claims(const Month& month, YearMonth review_month,
                                                     const std::vector<review::SubmittedClaim>& claims) {
  std::map<std::string, const review::SubmittedClaim*> by_id;
  for (const auto& c : claims) by_id[c.id] = &c;
  std::vector<settlement::SettledClaim> out;
  for (const auto& d : month.outcome.claim_decisions) out.push_back({by_id.at(d.claim_id)->statement, d, review_month});
  return out;
}

std::vector<settlement::SettledPlan> settled_plans(const Month& month, const std::vector<review::SubmittedPlan>& plans) {
  std::vector<settlement::SettledPlan> out;
  for (const auto& p : plans) out.push_back(settled(p, month));
  return out;
}

std::vector<billing::InvoiceRow> invoice_of(const std::vector<review::SubmittedClaim>& claims) {
  std::vector<billing::ClaimStatement> statements;
  for (const auto& c : claims) statements.push_back(c.statement);
  return billing::build_invoice(statements).rows;
}

const settlement::OfficeResult& office_of(const settlement::MonthSettlement& s, std::string_view office_no) {
  for (const auto& o : s.offices) {
    if (o.office.office_no == office_no) return o;
  }
  throw std::out_of_range("no settlement for office " + std::string(office_no));
}

report::Notice official(const settlement::MonthSettlement& s, std::string_view office_no, std::string_view form,
                        const report::IssueInfo& issue) {
  for (const auto& n : report::office_notices(office_of(s, office_no), s.month, issue)) {
    if (n.form == form) return report::read_notice_bytes(std::string(form) + ".CSV", report::csv_bytes(n));
  }
  ADD_FAILURE() << "office " << office_no << " has no " << form;
  throw std::out_of_range("no notice " + std::string(form));
}

std::vector<std::string> forms_of(const settlement::MonthSettlement& s, std::string_view office_no,
                                  const report::IssueInfo& issue) {
  std::vector<std::string> out;
  for (const auto& n : report::office_notices(office_of(s, office_no), s.month, issue)) out.push_back(n.form);
  return out;
}

std::vector<std::string> records(const report::Notice& n, std::string_view kind) {
  std::vector<std::string> out;
  for (const auto& r : n.records) {
    if (!kind.empty() && r.kind != kind) continue;
    std::string line = r.kind;
    for (const auto& item : r.items) line += "," + item;
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace kaigo::testing
