#include "kaigo/review/history_index.hpp"

#include "kaigo/review/keys.hpp"

namespace kaigo::review {

PlanRegistry::PlanRegistry(std::span<const RegisteredPlan> earlier) {
  entries_.reserve(earlier.size());
  // A later entry for the same key wins (History's contract).
  for (const auto& r : earlier) entries_[person_month_key(r.plan)] = {&r.plan, r.id, false};
}

const PlanRegistry::Entry* PlanRegistry::find(const std::string& person_month) const {
  auto it = entries_.find(person_month);
  return it == entries_.end() ? nullptr : &it->second;
}

void PlanRegistry::register_plan(const std::string& person_month, const SubmittedPlan& plan) {
  entries_[person_month] = {&plan.plan, plan.id, true};
}

void PlanRegistry::withdraw(const std::string& person_month) { entries_.erase(person_month); }

HistoryIndex::HistoryIndex(const History& history) {
  decided_.reserve(history.decided.size());
  for (const auto& d : history.decided) {
    decided_[claim_key(d.key)] = &d;
    by_person_month_[person_month_key(d.key)].push_back(&d);
  }
  for (const auto& w : history.withdrawals) withdrawals_[claim_key(w.key)] = w;
}

const DecidedClaim* HistoryIndex::decided(const std::string& claim_key) const {
  auto it = decided_.find(claim_key);
  return it == decided_.end() ? nullptr : it->second;
}

std::vector<const DecidedClaim*> HistoryIndex::decided_of(const std::string& person_month) const {
  auto it = by_person_month_.find(person_month);
  return it == by_person_month_.end() ? std::vector<const DecidedClaim*>{} : it->second;
}

const MonthKago* HistoryIndex::withdrawal(const std::string& claim_key) const {
  auto it = withdrawals_.find(claim_key);
  return it == withdrawals_.end() ? nullptr : &it->second;
}

void HistoryIndex::add_withdrawal(const billing::StatementKey& key) {
  // An insurer's own 過誤 of the same 明細書 (possibly 同月) stays as filed.
  withdrawals_.try_emplace(claim_key(key), MonthKago{key, false});
}

}  // namespace kaigo::review
