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

reception::CancelResult Desk::cancel(std::int64_t id, const LocalDateTime& at) { return reception_->cancel(id, at); }

}  // namespace kaigo::month
