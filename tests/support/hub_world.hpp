// The care-plan hub over a generated month (ReceptionWorld: May 2026 processing, April services):
// the hub's store on the month's database, a sealing key in the temporary folder, office users,
// licences, and the month's 予定 / 実績 files `kaigo gen` wrote (month/careplan/<office>/…).
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kaigo/careplan/hub.hpp"
#include "kaigo/store/careplan_store.hpp"
#include "kaigo/store/tables.hpp"
#include "support/reception_world.hpp"

namespace kaigo::testing {

class HubWorld {
 public:
  explicit HubWorld(double error_rate = 0.0);

  ReceptionWorld& month() { return month_; }
  store::Database& db() { return month_.db(); }
  careplan::Hub& hub() { return *hub_; }
  store::CarePlanStore& store() { return store_; }
  const store::TablesInForce& world() const { return world_; }
  Settings& settings() { return settings_; }

  // An office account acting for `office_no` (KJ + the number).
  static auth::User office(const std::string& office_no);
  // A licence applied for on `applied_on` (YYYYMMDD), recorded that day at 09:00.
  careplan::Licence license(const std::string& office_no, const char* applied_on);
  // The generated care-plan files, sorted by path; those of one kind whose name has `sender` / `receiver`.
  std::vector<std::filesystem::path> files(const std::string& kind) const;
  std::filesystem::path file(const std::string& kind, const std::string& sender, const std::string& receiver) const;
  static careplan::Upload upload(const std::filesystem::path& path);

 private:
  ReceptionWorld month_;
  Settings settings_;
  store::TablesInForce world_;
  store::CarePlanStore store_;
  std::unique_ptr<careplan::SealingKey> key_;
  std::unique_ptr<careplan::Hub> hub_;
};

}  // namespace kaigo::testing
