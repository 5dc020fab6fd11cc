// store/review_writer — the review's decisions written by a thread of their own, on a connection of
// their own, while the month's documents are read and decided on the caller's: on two cores a review
// takes about the longer of the two instead of their sum (issue 18: the 1M month under 30 s).
// Decisions are kept in the order they are given and committed in batches, so that the write lock
// is never held for long (files of the next month are received while a month is reviewed).
// Owns: the queue, the thread and its connection. Must not: decide the month's state (the caller
// marks the month 審査済 after finish(), in one transaction of its own).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/review/decision.hpp"
#include "kaigo/store/detail/decision_rows.hpp"
#include "kaigo/store/detail/sqlite.hpp"

namespace kaigo::store {

// What plan_decisions keeps of a 給付管理票 beside its decision.
struct PlanRow {
  std::string id;  // "<submission>:<doc_key>"
  std::uint64_t order = 0;
  FixedText<8> insurer_no;
  FixedText<10> insured_no;
  YearMonth service_month;
  FixedText<10> support_office_no;
  int create_kind = 0;
};

class ReviewWriter {
 public:
  // Opens a second connection to the file of `main` (which must not write until finish()).
  ReviewWriter(Connection& main, std::string month);
  // Without finish(): the thread stops after the batch it is writing, and what is queued is dropped.
  ~ReviewWriter();
  ReviewWriter(const ReviewWriter&) = delete;
  ReviewWriter& operator=(const ReviewWriter&) = delete;

  void plan(PlanRow row, review::PlanDecision decision);
  void claim(billing::StatementKey key, review::ClaimDecision decision);
  // Writes and commits everything given, then stops the thread. Rethrows what the thread failed with
  // (also thrown by plan() and claim() once the thread has failed).
  void finish();

 private:
  struct PlanItem {
    PlanRow row;
    review::PlanDecision decision;
  };
  struct ClaimItem {
    billing::StatementKey key;
    review::ClaimDecision decision;
  };
  using Item = std::variant<PlanItem, ClaimItem>;

  void add(Item item);
  void hand_over();
  void run();
  std::optional<std::vector<std::vector<Item>>> take_batch(bool wait);
  bool batch_waiting();
  void write(const Item& item);
  void write_plan(const PlanItem& p);

  std::string month_;  // the review month as stored (every decision row binds it)
  std::unique_ptr<Connection> conn_;
  Statement plan_;
  Statement link_;
  DecisionWriter decisions_;

  std::vector<Item> pending_;  // the caller's, not yet handed over
  std::mutex mutex_;
  std::condition_variable ready_;  // a chunk, closing or abandoning
  std::condition_variable space_;  // room for a chunk, or the thread failed
  std::deque<std::vector<Item>> chunks_;
  bool closing_ = false;
  bool abandoning_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace kaigo::store
