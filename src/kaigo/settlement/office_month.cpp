#include "kaigo/settlement/office_month.hpp"

namespace kaigo::settlement {
namespace {

OfficeMonth& office(std::map<std::string, OfficeMonth>& by, const std::string& no, YearMonth month) {
  auto& o = by[no];
  o.office_no = no;
  o.month = month;
  return o;
}

}  // namespace

bool claimed_this_month(const review::ClaimDecision& d, YearMonth month) {
  return !d.released && (!d.held_since || *d.held_since == month);
}

std::map<std::string, OfficeMonth> group_by_office(const SettlementInput& in, const std::vector<RereviewOutcome>& rereviews) {
  std::map<std::string, OfficeMonth> by;
  for (const auto& c : in.claims) office(by, c.statement.key.office_no, in.month).claims.push_back(&c);
  for (const auto& p : in.plans) office(by, p.plan.support_office_no.str(), in.month).plans.push_back(&p);
  for (const auto& r : in.invoices) office(by, r.office_no, in.month).invoices.push_back(&r);
  for (const auto& w : in.withdrawals) office(by, w.claim.statement.key.office_no, in.month).withdrawals.push_back(&w);
  for (const auto& r : rereviews) office(by, r.office_no, in.month).rereviews.push_back(&r);
  for (const auto& f : in.charges) office(by, f.office_no, in.month).charges.push_back(f);
  for (const auto& [no, yen] : in.carried_in) {
    if (yen != Yen{}) office(by, no, in.month).carried_in += yen;
  }
  for (auto& [no, om] : by) om.internet = in.internet_offices.contains(no);
  return by;
}

}  // namespace kaigo::settlement
