#include "kaigo/store/detail/review_writer.hpp"

#include <string_view>

#include "kaigo/master/keys.hpp"

namespace kaigo::store {
namespace {

constexpr std::size_t kChunk = 256;  // decisions handed to the thread at once
// Chunks a batch (8,192 decisions): the thread waits until so many are there (or the caller has
// finished) before it takes the write lock. Against 2,000 decisions and a checkpoint every 64 MiB,
// ~8,000 with one every 256 MiB of log took 6–10 % off a national tenth's review.
constexpr std::size_t kBatchChunks = 32;
// Chunks a transaction may hold while full batches keep waiting (65,536 decisions, ~0.5 s of
// writing; a file received meanwhile waits that long for the lock at most). Each commit writes
// every index page dirtied since the last one to the log, and the person index's are all over it:
// committing every batch wrote 170 MB of log for the compare.sh month's 83 MB of decisions, this
// 97 MB.
constexpr std::size_t kCommitChunks = 256;
// In flight before the caller waits: 65,536 decisions, ~27 MB. The month's 給付管理票 are all
// decided before any is handed over; with 16 chunks (4,096) the caller then waited for the writer
// to store most of them before it could start on the 明細書 — a tenth of the compare.sh month's
// review (2.64–2.74 s → 2.43–2.57 s; 1,024 chunks gave nothing more).
constexpr std::size_t kMaxChunks = 256;

}  // namespace

ReviewWriter::ReviewWriter(Connection& main, std::string month)
    : month_(std::move(month)),
      conn_(std::make_unique<Connection>(main.file(), false)),
      plan_(conn_->prepare("INSERT INTO plan_decisions(month, plan_id, submission_id, order_no, outcome, "
                           "insurer_no, insured_no, service_month, support_office_no, create_kind, previous_plan_id) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      link_(conn_->prepare("INSERT INTO plan_links(month, plan_id, kind, claim_id) VALUES (?, ?, ?, ?)")),
      decisions_(*conn_) {
  // The batches need not wait for the disk: the month is 審査済 only in the caller's transaction
  // after the last of them, and that commit (or its make_durable) syncs the one log they share.
  conn_->exec("PRAGMA synchronous=NORMAL");
  conn_->exec(kBulkCheckpoint);
  pending_.reserve(kChunk);
  thread_ = std::thread([this] { run(); });
}

ReviewWriter::~ReviewWriter() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    abandoning_ = true;
  }
  ready_.notify_one();
  thread_.join();
}

void ReviewWriter::plan(PlanRow row, review::PlanDecision decision) {
  add(PlanItem{std::move(row), std::move(decision)});
}

void ReviewWriter::claim(billing::StatementKey key, review::ClaimDecision decision) {
  add(ClaimItem{std::move(key), std::move(decision)});
}

void ReviewWriter::add(Item item) {
  pending_.push_back(std::move(item));
  if (pending_.size() >= kChunk) hand_over();
}

void ReviewWriter::hand_over() {
  std::unique_lock lock(mutex_);
  space_.wait(lock, [&] { return chunks_.size() < kMaxChunks || failure_; });
  if (failure_) std::rethrow_exception(failure_);
  if (pending_.empty()) return;
  chunks_.push_back(std::move(pending_));
  pending_ = {};
  pending_.reserve(kChunk);
  lock.unlock();
  ready_.notify_one();
}

void ReviewWriter::finish() {
  hand_over();
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  ready_.notify_one();
  thread_.join();
  if (failure_) std::rethrow_exception(failure_);
}

// A batch is taken whole before it is written: the write lock is held only while batches are
// written, never while the thread waits for the caller's next decisions, so that a file of the
// next month is received between two transactions (MonthIntegrity.FilesOfTheNextMonthAreTaken…).
// A transaction goes on with the next batch when one is already waiting, up to kCommitChunks.
void ReviewWriter::run() {
  try {
    for (;;) {
      auto batch = take_batch(true);
      if (!batch) return;
      if (batch->empty()) break;
      Transaction tx(*conn_);
      std::size_t written = 0;
      while (batch) {
        for (const auto& chunk : *batch) {
          for (const auto& item : chunk) write(item);
        }
        written += batch->size();
        batch = written < kCommitChunks ? take_batch(false) : std::nullopt;
        if (batch && batch->empty()) batch.reset();
      }
      tx.commit();
      // The month's last commit syncs the log: most of it is on the disk by then.
      conn_->start_log_writeback();
      // With no batch waiting the thread would sleep: it copies the log into the database instead,
      // which the caller's thread did at the end, alone, when it closed the database (compare.sh
      // month: 2.03 → 1.90 s). A writer that is behind leaves it to the log's own limit
      // (kBulkCheckpoint): checkpointing after every commit made a national tenth 6 % slower.
      if (!batch_waiting()) conn_->exec("PRAGMA wal_checkpoint(PASSIVE)");
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    space_.notify_all();
  }
}

bool ReviewWriter::batch_waiting() {
  std::lock_guard lock(mutex_);
  return chunks_.size() >= kBatchChunks;
}

// The next kBatchChunks chunks (fewer when the caller has finished). Waiting, the thread sleeps
// until they are there; not waiting, it takes them only when they are already there. nullopt:
// the review was abandoned, or (not waiting) no full batch is ready; empty: nothing is left.
std::optional<std::vector<std::vector<ReviewWriter::Item>>> ReviewWriter::take_batch(bool wait) {
  std::vector<std::vector<Item>> batch;
  {
    std::unique_lock lock(mutex_);
    const auto ready = [&] { return chunks_.size() >= kBatchChunks || closing_ || abandoning_; };
    if (wait) {
      ready_.wait(lock, ready);
    } else if (!ready()) {
      return std::nullopt;
    }
    if (abandoning_) return std::nullopt;
    while (!chunks_.empty() && batch.size() < kBatchChunks) {
      batch.push_back(std::move(chunks_.front()));
      chunks_.pop_front();
    }
  }
  space_.notify_one();
  return batch;
}

void ReviewWriter::write(const Item& item) {
  if (const auto* c = std::get_if<ClaimItem>(&item)) {
    decisions_.claim(month_, kReviewDecision, c->key, c->decision);
  } else {
    write_plan(std::get<PlanItem>(item));
  }
}

void ReviewWriter::write_plan(const PlanItem& p) {
  const auto& row = p.row;
  const auto& d = p.decision;
  const auto submission = plan_file(row.id);
  // Bound without a copy: every text lives in p, month_ or here until run().
  const auto service_month = row.service_month.str();
  plan_.bind_static(1, month_).bind_static(2, row.id).bind(3, submission);
  plan_.bind(4, static_cast<std::int64_t>(row.order)).bind_static(5, review::kPlanOutcomes.code(d.outcome));
  plan_.bind_static(6, master::normalize_insurer_no(row.insurer_no)).bind_static(7, row.insured_no);
  plan_.bind_static(8, service_month).bind_static(9, row.support_office_no).bind(10, row.create_kind);
  plan_.bind_static(11, d.previous_plan_id).run();
  for (const auto& id : d.rereview_claims) link_.bind(1, month_).bind(2, row.id).bind(3, "rereview").bind(4, id).run();
  for (const auto& id : d.withdrawn_claims) link_.bind(1, month_).bind(2, row.id).bind(3, "withdrawn").bind(4, id).run();
  decisions_.findings(month_, row.id, d.findings);
}

}  // namespace kaigo::store
