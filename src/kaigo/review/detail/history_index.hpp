// review/history_index — lookups over what earlier months left (History) and over what this month
// has registered so far: the 給付管理票 in force per person and month, decided 明細書 by key and by
// person-month, this month's 過誤, and the keys of 明細書 already registered this month.
// Owns: the indexes and their updates as documents are decided. Must not: decide anything itself.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kaigo/billing/keys.hpp"
#include "kaigo/core/flat_map.hpp"
#include "kaigo/review/input.hpp"

namespace kaigo::review {

// 登録済み給付管理票 — the 給付管理票 in force for each (保険者, 被保険者, 対象年月).
class PlanRegistry {
 public:
  struct Entry {
    const billing::BenefitPlan* plan = nullptr;
    std::string_view id;  // the plan's own (it outlives the registry, as the plan does)
    bool this_month = false;  // registered in this review (ANN0) rather than an earlier one (ANNJ)
  };
  explicit PlanRegistry(std::span<const RegisteredPlan> earlier);
  const Entry* find(const billing::PersonMonthKey& person_month) const;
  void prefetch(const billing::PersonMonthKey& person_month) const { entries_.prefetch(person_month); }
  // Room for n more entries (a month's 給付管理票, before they are registered).
  void reserve_more(std::size_t n) { entries_.reserve(entries_.size() + n); }
  // `plan` must outlive the registry (MonthReviewer's contract).
  void register_plan(const billing::PersonMonthKey& person_month, const SubmittedPlan& plan);
  void withdraw(const billing::PersonMonthKey& person_month);

 private:
  FlatMap<billing::PersonMonthKey, Entry> entries_;
};

class HistoryIndex {
 public:
  explicit HistoryIndex(const History& history);
  const DecidedClaim* decided(const billing::ClaimKey& claim) const;
  // Decided 明細書 of one person and service month, in the history's order.
  std::vector<const DecidedClaim*> decided_of(const billing::PersonMonthKey& person_month) const;
  // This month's 過誤 of the 明細書, or nullptr.
  const MonthKago* withdrawal(const billing::ClaimKey& claim) const;
  // A 取消 of a 給付管理票 withdraws its decided 明細書 (通常過誤, review-rules §6.1).
  void add_withdrawal(const billing::StatementKey& key);

 private:
  std::unordered_map<billing::ClaimKey, const DecidedClaim*> decided_;
  std::unordered_map<billing::PersonMonthKey, std::vector<const DecidedClaim*>> by_person_month_;
  std::unordered_map<billing::ClaimKey, MonthKago> withdrawals_;
};

// 当月登録の明細書 — keys of the 明細書 registered this month (not returned), and of those on hold: a later copy is ANN2.
class ClaimRegister {
 public:
  bool contains(const billing::ClaimKey& key) const { return keys_.contains(key); }
  void prefetch(const billing::ClaimKey& key) const { keys_.prefetch(key); }
  void add(const billing::ClaimKey& key) { keys_[key]; }
  // Room for n more keys: sized once for the month, the table is as small as std::unordered_set's
  // nodes; grown by doubling along the way it held the old and new tables at once (a national
  // month's review peaked at 7.8 GB instead of 4.8; docs/performance.md, sixteenth session).
  void reserve_more(std::size_t n) { keys_.reserve(keys_.size() + n); }

 private:
  FlatMap<billing::ClaimKey, NoValue> keys_;
};

}  // namespace kaigo::review
