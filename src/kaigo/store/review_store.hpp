// store/review_store — the review month over a database: the accepted documents of the month
// re-read from the bytes kept at reception (in acceptance order, with the 事前チェック errors of
// each), the history of earlier months (registered plans, decided and held 明細書), and the
// decisions stored with every reason, amount and 集計 row.
// The decisions are written on a connection of their own (store/detail/review_writer) while the
// documents are read on the database's (the 明細書 on a thread and connection of their own, a file
// or two ahead, parsed there: store/detail/read_ahead): between begin() and commit() that
// connection must not write, and no statement of it may be left on a row (its old snapshot could
// not take the write lock for the month's last transaction).
// Owns: the SQL of the review tables. Must not: decide anything (review does).
#pragma once
#include <functional>
#include <future>
#include <optional>

#include "kaigo/review/month_run.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

class ReviewWriter;

// Which received files make the month: those sent to the review (送信完了, once the month has
// closed), or — to foresee the review before the deadline (careplan reconcile) — also those still
// 受付完了 / 様式エラー有, which the month's close will send.
enum class MonthFiles { Sent, InReview };

class ReviewStore : public review::MonthSource, public review::DecisionSink {
 public:
  ReviewStore(Database& db, const LocalDateTime& now, MonthFiles files = MonthFiles::Sent);
  ~ReviewStore() override;

  // Review months after `month` that already have decisions (re-running `month` would contradict them).
  std::vector<YearMonth> later_reviewed_months(YearMonth month);

  review::History history(YearMonth month) override;
  // Starts reading the history of `month` now, on a thread and a connection of its own; history()
  // of that month then waits for it instead of reading it. Only once the month's files are sent
  // (reception's start of the review): the history reads which files they are.
  void read_history_ahead(YearMonth month);
  void for_each_plan(YearMonth month, const PlanFn& fn) override;
  void for_each_claim(YearMonth month, const ClaimFn& fn) override;
  // The 明細件数 the reception counted in the month's sent files of 明細書.
  std::size_t claims_expected(YearMonth month) override;

  void begin(YearMonth month) override;
  void plan(const review::SubmittedPlan& plan, review::PlanDecision decision) override;
  void claim(const review::SubmittedClaim& claim, review::ClaimDecision decision) override;
  void commit() override;

  // Runs in the transaction that follows the last batch of decisions (e.g. the month's move to
  // 審査済), so that the month is decided only once every decision is kept.
  void on_last_batch(std::function<void()> fn) { on_last_batch_ = std::move(fn); }

 private:
  review::History history_on_own_connection(YearMonth month) const;

  std::function<void()> on_last_batch_;
  Database& db_;
  LocalDateTime now_;
  std::string sent_;  // the SQL condition on submissions s of the month's files
  YearMonth month_;
  std::unique_ptr<ReviewWriter> writer_;
  std::optional<YearMonth> history_month_;  // the month history_ahead_ reads
  std::future<review::History> history_ahead_;
};

}  // namespace kaigo::store
