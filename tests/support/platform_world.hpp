// A 介護情報基盤 over a generated claims month, for the platform scenarios: `kaigo gen` output
// (processing month 2026-08, services of 2026-07) in a fresh database with its ledgers — plus a
// 介護老人保健施設 (1370000101, service type 52), a 介護医療院 (1370000102, 55) and a facility of
// nothing special (1370000103, 11) — every claim file received on 2026-08-05 (so the offices'
// 明細書 of 202607 are there to tell who still serves whom), accounts of every role and job, and
// the platform over it all. Records go in through linkage files, as a municipality sends them.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/platform/platform.hpp"
#include "kaigo/reception/reception.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/platform_store.hpp"
#include "kaigo/store/tables.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {

// The person of the platform scenarios (保険者 131013).
inline const master::PersonId kPerson{"131013", "9000000001"};

LocalDateTime jst(const char* iso);

class PlatformWorld {
 public:
  // `serving_months`: [platform] serving_months of the database's settings.
  explicit PlatformWorld(int serving_months = 3);

  static constexpr const char* kInsurer = "131013";        // さくら市 (gen)
  static constexpr const char* kOtherInsurer = "272000";   // another prefecture's insurer
  static constexpr const char* kSupportOffice = "1370000001";  // 居宅介護支援 (gen, 43)
  static constexpr const char* kOtherOffice = "1370000002";    // 訪問介護 (gen, 11)
  static constexpr const char* kRoken = "1370000101";          // 介護老人保健施設 (52)
  static constexpr const char* kIryoin = "1370000102";         // 介護医療院 (55)
  static constexpr const char* kClinic = "1310000001";         // 医療機関コード
  static constexpr const char* kOtherClinic = "1310000002";

  store::Database& db() { return *db_; }
  store::PlatformStore& repo() { return *repo_; }
  store::AuthStore& auth() { return *auth_; }
  platform::Platform& platform() { return *platform_; }

  // Adds an account (role office: `where` is the office; medical: the 医療機関コード; municipality:
  // the insurer; insured: "insurer:insured") and returns it.
  auth::User add_user(const std::string& id, auth::Role role, auth::Job job, const std::string& where);
  // The standard cast: KJ… accounts of every column and job of the seed 004 §3 table.
  const auth::User& user(const std::string& id) const;

  // Go-live of an insurer (platform golive).
  void golive(const std::string& insurer, const char* yyyymmdd);
  // A linkage file as the operator loads it (or as `by` sends it).
  platform::LinkageAnswer load(const std::string& csv, const char* at = "2026-04-01T09:00:00", const auth::User* by = nullptr);
  platform::ViewResult view(const std::string& user_id, const master::PersonId& person, platform::ViewKind kind,
                            const char* at, const std::string& office = {});
  platform::Outcome identify(const std::string& user_id, const master::PersonId& person, const char* at,
                             const std::string& office = {});
  platform::Outcome request(const master::PersonId& person, const std::string& institution, const char* applied_on,
                            const char* requested_on = nullptr);
  platform::Outcome consent(const master::PersonId& person, const char* on, const char* form = "1", bool revoke = false,
                            const std::string& by = {}, const std::string& office = {});

  // A person of the gen month whose care manager is kSupportOffice (it sent their 明細書 of 202607).
  master::PersonId client() const { return client_; }
  // How many audit rows have `action` about `person`.
  int audit_count(std::string_view action, const master::PersonId& person);

 private:
  TempDir dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::AuthStore> auth_;
  std::unique_ptr<store::PlatformStore> repo_;
  store::TablesInForce world_;
  std::unique_ptr<platform::Platform> platform_;
  std::vector<auth::User> users_;
  master::PersonId client_;
};

auth::Caller operator_at(const char* iso);

// One linkage file: the header and the rows (each "update_kind,insurer_no,…" without line end).
std::string linkage_file(const std::vector<std::string>& rows);

// The rows of a person with every kind of record (an application of `applied_on` with consent on
// the new form unless `consent` says otherwise): person, certificate, application, progress, survey,
// opinion, life, careplan, housing, equipment.
std::vector<std::string> full_person(const master::PersonId& p, const std::string& applied_on,
                                     const std::string& consent = "1", const std::string& form = "1");

}  // namespace kaigo::testing
