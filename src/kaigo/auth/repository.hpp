// auth/repository — what auth needs from storage, declared here and implemented by
// store/auth_store on SQLite. Every change carries its audit event, which the store appends to the
// chain in the same transaction, so that no change is stored without its row (and no row without
// its change). An implementation is used by one thread at a time; a server gives each thread its
// own (each with its own database connection).
// Owns: the records and the interfaces. Must not: hold SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/auth/audit.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/core/clock.hpp"
#include "kaigo/settlement/fees.hpp"

namespace kaigo::auth {

// An account: the User and what only auth sees.
struct Account {
  User user;
  std::string password_hash;                  // Argon2id (secrets.hpp)
  std::string security_code_hash;             // セキュリティコード, Argon2id; empty when none is set
  int failed_logins = 0;                      // wrong passwords in a row since the last success or lockout
  std::optional<LocalDateTime> locked_until;  // ロック after max_failed_logins (until then)
  bool disabled = false;                      // locked by an administrator until unlocked
  LocalDateTime created_at;
  LocalDateTime password_changed_at;
  std::int64_t version = 0;  // changes with every update (optimistic concurrency)
};

// A session as stored: never the token, only its digest (secrets.hpp token_digest).
struct SessionRecord {
  std::string digest;
  std::string user_id;
  LocalDateTime created_at;
  LocalDateTime last_seen;
  std::string source;  // the address it logged in from
};

enum class ResetPurpose : std::uint8_t { Password, SecurityCode };
std::string_view reset_purpose_name(ResetPurpose p);  // "password" / "security_code"

// A one-time reset link as stored (its token's digest).
struct ResetRecord {
  std::string digest;
  std::string user_id;
  ResetPurpose purpose = ResetPurpose::Password;
  LocalDateTime created_at;
  LocalDateTime expires_at;
  bool used = false;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  virtual std::optional<Account> account(std::string_view user_id) = 0;
  virtual std::vector<Account> accounts() = 0;  // by user ID
  // The user IDs whose セキュリティ用メールアドレス is `email` (normalized).
  virtual std::vector<std::string> user_ids_with_email(std::string_view email) = 0;
  // Inserts a new account; false (nothing written) when the ID is taken.
  virtual bool add_account(const Account& account, const AuditEvent& event) = 0;
  // Replaces the stored account if its version is still `account.version` (the stored version then
  // changes), appends `event` when given, and when `end_sessions` deletes the user's sessions.
  // False (nothing written) when another writer changed the account first.
  virtual bool update_account(const Account& account, const AuditEvent* event, bool end_sessions) = 0;

  virtual void add_session(const SessionRecord& session, const AuditEvent& event) = 0;
  virtual std::optional<SessionRecord> session(std::string_view digest) = 0;
  virtual void touch_session(std::string_view digest, const LocalDateTime& at) = 0;
  // Deletes one session (appending `event` when given); false when there was none.
  virtual bool end_session(std::string_view digest, const AuditEvent* event) = 0;
  // Deletes sessions last seen at or before `idle_before` or created at or before `created_before`.
  virtual std::int64_t end_expired_sessions(const LocalDateTime& idle_before, const LocalDateTime& created_before) = 0;

  // Stores a reset link, dropping the user's earlier unused links of the same purpose.
  virtual void add_reset(const ResetRecord& reset, const AuditEvent& event) = 0;
  virtual std::optional<ResetRecord> reset(std::string_view digest) = 0;
  // In one transaction: marks the link used (only if still unused), stores `account` as
  // update_account does with its sessions ended, and appends `event`. False when the link was used
  // or the account changed meanwhile (nothing written).
  virtual bool use_reset(std::string_view digest, const Account& account, const AuditEvent& event) = 0;
};

// The 国保連's CA: its certificate (public), where its key is (a file of mode 0600; the key is
// never in the database), and the server certificate made with it.
struct CaRecord {
  std::string certificate_pem;
  std::string key_file;
  std::string server_certificate_pem;
  LocalDateTime created_at;
};

// An office certificate (電子証明書): the offices it speaks for are this record's, by serial.
struct CertificateRecord {
  std::string serial;                // hex, upper case
  std::string office_no;             // the office that applied (charged the fee)
  std::vector<std::string> offices;  // every office it speaks for (office_no included), sorted
  std::string certificate_pem;
  Date applied_on;  // 申請日: decides the fee
  LocalDateTime not_before;
  LocalDateTime not_after;
  std::optional<LocalDateTime> revoked_at;
  std::string revoke_reason;
};

class CertificateStore {
 public:
  virtual ~CertificateStore() = default;
  virtual std::optional<CaRecord> ca() = 0;
  // False (nothing written) when a CA exists.
  virtual bool add_ca(const CaRecord& ca, const AuditEvent& event) = 0;
  // The certificate, the fee its issue charges (fees due, read by settlement) and the audit row,
  // in one transaction. `fee_source` says where the fee comes from ("certificate:<serial>").
  virtual void add_certificate(const CertificateRecord& cert, const settlement::DueFee& fee,
                               std::string_view fee_source, const AuditEvent& event) = 0;
  virtual std::optional<CertificateRecord> certificate(std::string_view serial) = 0;
  virtual std::vector<CertificateRecord> certificates() = 0;  // in order of issue
  // False when the serial is unknown or already revoked (nothing written).
  virtual bool revoke(std::string_view serial, const LocalDateTime& at, std::string_view reason,
                      const AuditEvent& event) = 0;
};

}  // namespace kaigo::auth
