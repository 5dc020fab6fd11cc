// month/careplan_run — the care-plan hub over a database, as `kaigo careplan` and the server's
// careplan routes use it: the hub's store, the office ledger, the sealing key found from the
// settings and the database's path, and the reconcile of a processing month (careplan/reconcile)
// over the month's files as reception holds them before the deadline.
// Owns: wiring a database to careplan. Must not: print, parse options or know HTTP.
#pragma once
#include <filesystem>
#include <memory>

#include "kaigo/careplan/hub.hpp"
#include "kaigo/careplan/reconcile.hpp"
#include "kaigo/store/careplan_store.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::month {

class HubDesk {
 public:
  // Over an open database and a loaded world (`world` must outlive the desk); the key is read from
  // (or made at) key_path(settings, db_path).
  HubDesk(store::Database& db, const store::TablesInForce& world, const Settings& settings, const std::filesystem::path& db_path);
  careplan::Hub& hub() { return hub_; }
  store::CarePlanStore& store() { return store_; }

 private:
  store::CarePlanStore store_;
  careplan::SealingKey key_;
  careplan::Hub hub_;
};

// The reconcile of processing month `month` at `at` (read-only).
careplan::ReconcileReport run_reconcile(const std::filesystem::path& db_path, YearMonth month, const LocalDateTime& at);

}  // namespace kaigo::month
