#include "kaigo/month/desk.hpp"

#include "kaigo/core/strings.hpp"

namespace kaigo::month {

precheck::PrecheckContext precheck_context(store::Database& db, const store::TablesInForce& world) {
  precheck::PrecheckContext context;
  context.masters = &world.masters;
  if (db.latest_table(store::TableKind::Offices)) context.offices = &world.offices;
  if (db.latest_table(store::TableKind::Insurers)) context.insurers = &world.insurers;
  return context;
}

Desk::Desk(const std::filesystem::path& db_path, store::Recipients recipients) : db_(store::Database::open(db_path)) {
  world_ = std::make_shared<const store::TablesInForce>(store::load_tables_in_force(*db_, recipients));
  reception_ = std::make_unique<reception::Reception>(*db_, db_->settings().reception, precheck_context(*db_, *world_));
}

Desk::Desk(std::unique_ptr<store::Database> db, std::shared_ptr<const store::TablesInForce> world)
    : db_(std::move(db)), world_(std::move(world)) {
  reception_ = std::make_unique<reception::Reception>(*db_, db_->settings().reception, precheck_context(*db_, *world_));
}

std::vector<std::int64_t> Desk::recover(const LocalDateTime& at) { return reception_->recover_interrupted(at); }

reception::Submission Desk::submit(std::string_view file_name, std::string_view bytes, const LocalDateTime& at,
                                   std::string_view sender, std::string_view key) {
  return reception_->submit(escape_file_name(file_name), bytes, at, sender, key);
}

reception::CheckedFile Desk::check(std::string_view file_name, std::string bytes, const LocalDateTime& at,
                                   std::string_view sender) {
  return reception_->check(escape_file_name(file_name), std::move(bytes), at, sender);
}

reception::CancelResult Desk::cancel(std::int64_t id, const LocalDateTime& at) { return reception_->cancel(id, at); }

ReceiptGroup::ReceiptGroup(Desk& desk, Each stored, Each acknowledge, std::size_t files,
                           std::chrono::milliseconds wait)
    : desk_(desk), stored_(std::move(stored)), acknowledge_(std::move(acknowledge)), files_(files), wait_(wait) {
  desk_.db().defer_sync(true);
}

ReceiptGroup::~ReceiptGroup() {
  if (!open_) return;
  try {
    if (storing_.valid()) storing_.wait();  // its thread uses the desk
    desk_.db().defer_sync(false);
  } catch (...) {  // NOLINT(bugprone-empty-catch): unwinding; nothing pending was acknowledged
  }
}

void ReceiptGroup::receive(std::string_view file_name, std::string bytes, const LocalDateTime& at,
                           std::string_view sender) {
  if (pending_.empty()) first_ = std::chrono::steady_clock::now();
  pending_bytes_ += bytes.size();
  pending_.push_back(desk_.check(file_name, std::move(bytes), at, sender));
  if (pending_.size() >= files_ || pending_bytes_ >= kBytes || std::chrono::steady_clock::now() - first_ >= wait_) {
    hand_over();
  }
}

void ReceiptGroup::close() {
  if (!open_) return;
  if (!failed_) hand_over();
  checkpoint_while_storing();
  finish_storing();
  desk_.db().defer_sync(false);
  open_ = false;
}

void ReceiptGroup::checkpoint_while_storing() {
  if (!storing_.valid() || failed_) return;
  try {
    store::Database::open(desk_.db().file())->checkpoint_passive();
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): only an early copy; the close's checkpoint does it
  }
}

void ReceiptGroup::hand_over() {
  finish_storing();
  if (failed_) pending_.clear();  // a caller that goes on after a failure gets nothing more stored
  if (pending_.empty()) return;
  storing_ = std::async(std::launch::async, [this, group = std::move(pending_)] { return store_and_sync(group); });
  pending_.clear();
  pending_bytes_ = 0;
}

void ReceiptGroup::finish_storing() {
  if (!storing_.valid()) return;
  std::vector<reception::Submission> stored;
  try {
    stored = storing_.get();
  } catch (...) {
    // A group that failed to store is never acknowledged, and nothing after it is stored.
    failed_ = true;
    pending_.clear();
    throw;
  }
  for (const auto& s : stored) acknowledge_(s);
}

std::vector<reception::Submission> ReceiptGroup::store_and_sync(const std::vector<reception::CheckedFile>& group) {
  std::vector<reception::Submission> stored;
  stored.reserve(group.size());
  desk_.db().atomically([&] {
    for (const auto& file : group) {
      stored.push_back(desk_.reception().store(file));
      if (stored_) stored_(stored.back());
    }
  });
  desk_.db().make_durable();
  return stored;
}

}  // namespace kaigo::month
