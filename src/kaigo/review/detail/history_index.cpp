#include "kaigo/review/detail/history_index.hpp"

namespace kaigo::review {

PlanRegistry::PlanRegistry(std::span<const RegisteredPlan> earlier) {
  entries_.reserve(earlier.size());
  // A later entry for the same key wins (History's contract).
  for (const auto& r : earlier) entries_[billing::PersonMonthKey::from(r.plan)] = {&r.plan, r.id, false};
}

const PlanRegistry::Entry* PlanRegistry::find(const billing::PersonMonthKey& person_month) const {
  return entries_.find(person_month);
}

void PlanRegistry::register_plan(const billing::PersonMonthKey& person_month, const SubmittedPlan& plan) {
  entries_[person_month] = {&plan.plan, plan.id, true};
}

void PlanRegistry::withdraw(const billing::PersonMonthKey& person_month) { entries_.erase(person_month); }

HistoryIndex::HistoryIndex(const History& history) {
  decided_.reserve(history.decided.size());
  for (const auto& d : history.decided) {
    const auto key = billing::ClaimKey::from(d.key);
    decided_[key] = &d;
    by_person_month_[key.person_month()].push_back(&d);
  }
  for (const auto& w : history.withdrawals) withdrawals_[billing::ClaimKey::from(w.key)] = w;
}

const DecidedClaim* HistoryIndex::decided(const billing::ClaimKey& claim) const {
  auto it = decided_.find(claim);
  return it == decided_.end() ? nullptr : it->second;
}

std::vector<const DecidedClaim*> HistoryIndex::decided_of(const billing::PersonMonthKey& person_month) const {
  auto it = by_person_month_.find(person_month);
  return it == by_person_month_.end() ? std::vector<const DecidedClaim*>{} : it->second;
}

const MonthKago* HistoryIndex::withdrawal(const billing::ClaimKey& claim) const {
  auto it = withdrawals_.find(claim);
  return it == withdrawals_.end() ? nullptr : &it->second;
}

void HistoryIndex::add_withdrawal(const billing::StatementKey& key) {
  // An insurer's own 過誤 of the same 明細書 (possibly 同月) stays as filed.
  withdrawals_.try_emplace(billing::ClaimKey::from(key), MonthKago{key, false});
}

}  // namespace kaigo::review
