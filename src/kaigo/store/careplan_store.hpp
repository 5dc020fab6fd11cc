// store/careplan_store — the care-plan hub's storage on SQLite (schema/careplan.hpp): licences (with
// the fee due they cause, in one transaction), sets and drafts, their sealed files and person keys,
// receipts, withdrawals and the retention purge; and the office page's view of the licences
// (portal::CarePlanLicences), priced by the settings' fee schedule.
// One CarePlanStore per thread, over that thread's own Database (connection).
// Owns: the SQL of the careplan tables. Must not: decide anything (careplan does).
#pragma once
#include "kaigo/careplan/hub.hpp"
#include "kaigo/portal/office_page.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

class CarePlanStore : public careplan::HubRepository {
 public:
  explicit CarePlanStore(Database& db) : db_(db) {}

  // careplan::LicenceRepository
  std::vector<careplan::Licence> licences_of(std::string_view office_no) override;
  std::int64_t add_licence(const careplan::Licence& licence) override;

  // careplan::HubRepository
  void atomically(const std::function<void()>& step) override;
  std::int64_t add_parcel(const careplan::Parcel& parcel) override;
  std::int64_t add_file(std::int64_t parcel_id, const careplan::ParcelFile& file, std::string_view sealed,
                        std::span<const careplan::FilePerson> persons) override;
  void set_message(std::int64_t parcel_id, std::string_view message) override;
  void mark_sent(std::int64_t parcel_id, const LocalDateTime& at, std::span<const std::string> receivers) override;
  std::optional<careplan::Parcel> parcel(std::int64_t id) override;
  std::vector<careplan::Parcel> parcels_from(std::span<const std::string> offices) override;
  std::vector<careplan::Parcel> parcels_to(std::span<const std::string> offices) override;
  std::optional<std::string> sealed(std::int64_t file_id) override;
  void mark_received(std::int64_t parcel_id, std::string_view office, const LocalDateTime& at,
                     std::string_view by) override;
  int withdraw(const careplan::WithdrawRequest& request) override;
  std::vector<std::int64_t> purge_before(const LocalDateTime& cutoff, const LocalDateTime& at) override;
  void for_each_kept_file(std::string_view kind, YearMonth month,
                          const std::function<void(careplan::KeptFile&&)>& fn) override;

 private:
  std::vector<careplan::Parcel> parcels(std::string_view sql, std::span<const std::string> offices);
  Database& db_;
};

// The office page's licence section: each licence with its period, and its fee from the settings'
// schedule (none when free; the campaign's title as the note).
class CarePlanLicencePage : public portal::CarePlanLicences {
 public:
  CarePlanLicencePage(Database& db, const Settings& settings) : store_(db), settings_(settings) {}
  std::vector<portal::CarePlanLicence> licences_of(std::string_view office_no) override;

 private:
  CarePlanStore store_;
  const Settings& settings_;
};

}  // namespace kaigo::store
