// auth/accounts — accounts, login and sessions, and reset by security e-mail, over the stores
// declared in repository.hpp. Every function takes its inputs explicitly (the time as a
// LocalDateTime, the client address as a string) and keeps no state of its own beyond the
// references it was given: a server makes one Accounts per thread (or per request) over that
// thread's store.
// Owns: the login rules (lockout after [auth] max_failed_logins for lock_minutes), sessions (random
// 256-bit tokens stored as digests, idle and absolute expiry, a CSRF token each), the one-time reset
// links and their mails, and the audit rows of all of these. Must not: know HTTP (cookies, status
// codes and headers are the server's), log or return a secret other than the new session token.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/auth/audit.hpp"
#include "kaigo/auth/mail.hpp"
#include "kaigo/auth/refusal.hpp"
#include "kaigo/auth/repository.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/core/settings.hpp"

namespace kaigo::auth {

// Another writer may change an account or a session between our read and our write (a failed login
// on another thread); the update is retried on the fresh row this many times.
inline constexpr int kUpdateAttempts = 8;

// A live session as a request sees it.
struct SessionView {
  User user;
  std::string csrf_token;    // to be sent back with every state-changing request
  std::string session_id;    // a public handle (16 hex digits of the digest) for the audit trail
  LocalDateTime expires_at;  // the earlier of the idle and the absolute expiry, as of now
};

enum class LoginStatus { Ok, Wrong, Locked };  // the server answers 200, 401, 423

struct LoginResult {
  LoginStatus status = LoginStatus::Wrong;
  std::string token;                          // Ok: the session token (given once, never stored)
  std::optional<SessionView> session;         // Ok
  std::optional<LocalDateTime> locked_until;  // Locked by failed logins: until when
  std::optional<Refusal> refusal;             // Wrong (KA20) / Locked (KA21, KA22 by an administrator)
};

// An account as listed (no hash).
struct AccountSummary {
  User user;
  bool has_security_code = false;
  int failed_logins = 0;
  std::optional<LocalDateTime> locked_until;
  bool disabled = false;
  LocalDateTime created_at;
  LocalDateTime password_changed_at;
};

// What a reset request did. The server must answer the same whatever happened (so that nobody
// learns which IDs or addresses exist); `mailed` and `error` are for the audit trail and the CLI.
struct MailOutcome {
  bool mailed = false;
  std::optional<std::string> error;  // the relay failed (MailError's text)
};

class Accounts {
 public:
  // `mailer` may be null where no mail is sent (the CLI's user commands); `kokuhoren_name` signs
  // the mails.
  Accounts(AccountStore& store, AuditTrail& audit, const AuthSettings& settings, Mailer* mailer = nullptr,
           std::string kokuhoren_name = {});

  // --- accounts (kaigo user …; the server's account pages) ---
  Refusals add(User user, std::string_view password, const Caller& by);
  Refusals set_password(std::string_view user_id, std::string_view password, const Caller& by);
  Refusals set_security_code(std::string_view user_id, std::string_view code, const Caller& by);
  // A logged-in user's own change: the current password must match.
  Refusals change_password(std::string_view user_id, std::string_view current, std::string_view next, const Caller& by);
  // Administrator's lock: no login and every session ended, until unlock (which also clears a
  // lockout after failed logins).
  Refusals lock(std::string_view user_id, const Caller& by);
  Refusals unlock(std::string_view user_id, const Caller& by);
  // Whether `code` is the user's セキュリティコード (for the screens that ask for it).
  bool security_code_matches(std::string_view user_id, std::string_view code);
  std::vector<AccountSummary> list();

  // --- login and sessions ---
  LoginResult login(std::string_view user_id, std::string_view password, const LocalDateTime& at,
                    std::string_view from);
  // Ends the session of `token`; false when there was none.
  bool logout(std::string_view token, const LocalDateTime& at, std::string_view from);
  // The session of `token` at `at`, or nothing (unknown, expired, or its account locked by an
  // administrator). Renews the idle expiry (stored at most once a minute).
  std::optional<SessionView> session(std::string_view token, const LocalDateTime& at);
  // Whether `presented` is the session's CSRF token (constant time).
  static bool csrf_ok(const SessionView& session, std::string_view presented);
  // Deletes the sessions expired at `at` (idle or absolute); returns how many. Lookups never
  // accept an expired session; this only keeps the table small (a server runs it now and then).
  std::int64_t purge_sessions(const LocalDateTime& at);

  // --- reset by security e-mail (seed 000 §3(2)) ---
  // Mails a one-time link for a new password (or security code) when `user_id` exists and
  // `email` is its security e-mail; otherwise nothing is mailed.
  MailOutcome request_reset(std::string_view user_id, std::string_view email, ResetPurpose purpose, const Caller& by);
  // Mails the user IDs registered with `email` (ユーザIDの確認), if any.
  MailOutcome remind_user_ids(std::string_view email, const Caller& by);
  // Sets the new secret with the link's token: once, before it expires. A secret refused by the
  // policy leaves the link usable.
  Refusals complete_reset(std::string_view token, std::string_view new_secret, const Caller& by);

 private:
  Refusals update(std::string_view user_id, const Caller& by, AuditAction action, bool end_sessions,
                  const std::function<std::optional<Refusal>(Account&)>& change);

  AccountStore& store_;
  AuditTrail& audit_;
  const AuthSettings& settings_;
  Mailer* mailer_;
  std::string kokuhoren_name_;
};

// The link a reset mail carries: the token goes in the fragment ("#token=…"), which browsers do
// not send to the server, so it stays out of request lines and access logs.
std::string reset_link(const AuthSettings& settings, std::string_view token);

}  // namespace kaigo::auth
