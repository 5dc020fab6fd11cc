// store/auth_store — the auth module's stores on SQLite: accounts, sessions, reset links, the CA
// and office certificates (with the fee each issue charges), and the audit chain. Every change is
// written in one transaction with its audit row; audit rows are appended by one writer at a time
// (BEGIN IMMEDIATE), the previous hash and the head read inside that transaction.
// One AuthStore per thread, over that thread's own Database (connection).
// Owns: the SQL of the auth tables (schema/auth.hpp) and of their audit rows. Must not: decide
// anything (auth does) or hold a secret in clear.
#pragma once
#include "kaigo/auth/repository.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

class Statement;

// The columns of an audit row in the order audit_row_at reads them.
inline constexpr std::string_view kAuditColumns =
    "seq, at, actor, source, action, target, detail, insurer_no, insured_no, prev_hash, hash";
// The audit row at the statement's current row (a SELECT of kAuditColumns).
auth::AuditRow audit_row_at(const Statement& st);

class AuthStore : public auth::AccountStore, public auth::CertificateStore, public auth::AuditTrail {
 public:
  explicit AuthStore(Database& db) : db_(db) {}

  // auth::AccountStore
  std::optional<auth::Account> account(std::string_view user_id) override;
  std::vector<auth::Account> accounts() override;
  std::vector<std::string> user_ids_with_email(std::string_view email) override;
  bool add_account(const auth::Account& account, const auth::AuditEvent& event) override;
  bool update_account(const auth::Account& account, const auth::AuditEvent* event, bool end_sessions) override;
  void add_session(const auth::SessionRecord& session, const auth::AuditEvent& event) override;
  std::optional<auth::SessionRecord> session(std::string_view digest) override;
  void touch_session(std::string_view digest, const LocalDateTime& at) override;
  bool end_session(std::string_view digest, const auth::AuditEvent* event) override;
  std::int64_t end_expired_sessions(const LocalDateTime& idle_before, const LocalDateTime& created_before) override;
  void add_reset(const auth::ResetRecord& reset, const auth::AuditEvent& event) override;
  std::optional<auth::ResetRecord> reset(std::string_view digest) override;
  bool use_reset(std::string_view digest, const auth::Account& account, const auth::AuditEvent& event) override;

  // auth::CertificateStore
  std::optional<auth::CaRecord> ca() override;
  bool add_ca(const auth::CaRecord& ca, const auth::AuditEvent& event) override;
  void add_certificate(const auth::CertificateRecord& cert, const settlement::DueFee& fee, std::string_view fee_source,
                       const auth::AuditEvent& event) override;
  std::optional<auth::CertificateRecord> certificate(std::string_view serial) override;
  std::vector<auth::CertificateRecord> certificates() override;
  bool revoke(std::string_view serial, const LocalDateTime& at, std::string_view reason,
              const auth::AuditEvent& event) override;

  // auth::AuditTrail
  auth::AuditRow append(const auth::AuditEvent& event) override;
  void scan(const auth::AuditFilter& filter, const std::function<bool(const auth::AuditRow&)>& each) override;
  auth::AuditHead head() override;

 private:
  Database& db_;
};

}  // namespace kaigo::store
