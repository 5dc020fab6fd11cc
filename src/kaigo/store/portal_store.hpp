// store/portal_store — the portal's storage on SQLite (schema/portal.hpp): 助成金 applications with
// their lines, states, decisions (steps and reasons) and payments, each change written with its
// audit row in one transaction; the office page's reads of fees (fees_due and the fees.csv in
// force), payments (office_payments) and KJ-ID letters.
// One PortalStore per thread, over that thread's own Database (connection).
// Owns: the SQL of the portal tables and those reads. Must not: decide anything (portal does).
#pragma once
#include "kaigo/portal/application.hpp"
#include "kaigo/portal/office_page.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

class PortalStore : public portal::SubsidyRepository, public portal::OfficeRecords {
 public:
  explicit PortalStore(Database& db) : db_(db) {}

  // portal::SubsidyRepository
  std::optional<std::int64_t> add_application(const portal::Application& application, int live_limit,
                                              const auth::AuditEvent& event) override;
  std::optional<portal::Application> application(std::int64_t id) override;
  std::vector<portal::Application> applications(const portal::ApplicationFilter& filter) override;
  bool change_state(std::int64_t id, portal::State from, const portal::StateChange& to,
                    const portal::Decision* decision, const portal::Payment* payment,
                    const auth::AuditEvent& event) override;

  // portal::OfficeRecords
  std::vector<portal::FeeRecord> fees_of(std::string_view office_no) override;
  std::vector<portal::PaymentRecord> payments_of(std::string_view office_no) override;
  std::vector<portal::LetterRecord> letters_of(std::string_view office_no) override;
  void add_letter(const portal::LetterRecord& letter) override;

 private:
  Database& db_;
};

}  // namespace kaigo::store
