// Accounts: login, logout and session lookup.
#include <fmt/format.h>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/auth/secrets.hpp"

namespace kaigo::auth {
namespace {

// The idle expiry is renewed by a write at most this often: a request a second must not make a
// database write a second.
constexpr std::int64_t kTouchSeconds = 60;

std::int64_t minutes(int m) { return static_cast<std::int64_t>(m) * 60; }
std::int64_t hours(int h) { return static_cast<std::int64_t>(h) * 3600; }

std::string session_id_of(std::string_view digest) { return std::string(digest.substr(0, 16)); }

Refusal wrong() { return {"KA20", "", "ユーザIDまたはパスワードが違います", "the user ID or the password is wrong"}; }

Refusal locked_until(const LocalDateTime& until, int failures) {
  return {"KA21", fmt::format("[auth] max_failed_logins = {}", failures),
          fmt::format("ログインに続けて失敗したため {} までロックされています", until.str()),
          fmt::format("locked after repeated failed logins until {}", until.str())};
}

Refusal disabled() {
  return {"KA22", "kaigo user lock", "このアカウントは管理者によりロックされています",
          "this account is locked by an administrator"};
}

}  // namespace

LoginResult Accounts::login(std::string_view user_id, std::string_view password, const LocalDateTime& at,
                            std::string_view from) {
  const Caller by{std::string(user_id), std::string(from), at};
  LoginResult result;
  auto failed = [&](std::string_view reason, nlohmann::json more = nlohmann::json::object()) {
    more["reason"] = reason;
    audit_.append(event_of(by, AuditAction::LoginFailed, user_id, std::move(more)));
  };
  for (int attempt = 0; attempt < kUpdateAttempts; ++attempt) {
    auto a = store_.account(user_id);
    if (!a) {
      hash_secret(password, hash_cost(settings_));  // as long as a real check: no hint that the ID is unknown
      failed("unknown_user");
      result.refusal = wrong();
      return result;
    }
    if (a->disabled) {
      failed("disabled");
      result.status = LoginStatus::Locked;
      result.refusal = disabled();
      return result;
    }
    if (a->locked_until && at < *a->locked_until) {
      failed("locked", {{"until", a->locked_until->str()}});
      result.status = LoginStatus::Locked;
      result.locked_until = a->locked_until;
      result.refusal = locked_until(*a->locked_until, settings_.max_failed_logins);
      return result;
    }
    if (!verify_secret(a->password_hash, password)) {
      a->failed_logins += 1;
      const bool lock_now = a->failed_logins >= settings_.max_failed_logins;
      nlohmann::json detail{{"reason", "wrong_password"}, {"failures", a->failed_logins}};
      if (lock_now) {
        a->locked_until = at.plus_seconds(minutes(settings_.lock_minutes));
        a->failed_logins = 0;
        detail["locked_until"] = a->locked_until->str();
      }
      auto e = event_of(by, lock_now ? AuditAction::LockedOut : AuditAction::LoginFailed, user_id, detail);
      if (!store_.update_account(*a, &e, false)) continue;  // another login changed the count: count again
      result.status = lock_now ? LoginStatus::Locked : LoginStatus::Wrong;
      if (lock_now) result.locked_until = a->locked_until;
      result.refusal = lock_now ? locked_until(*a->locked_until, settings_.max_failed_logins) : wrong();
      return result;
    }
    const auto cost = hash_cost(settings_);
    if (a->failed_logins != 0 || a->locked_until || needs_rehash(a->password_hash, cost)) {
      a->failed_logins = 0;
      a->locked_until.reset();
      if (needs_rehash(a->password_hash, cost)) a->password_hash = hash_secret(password, cost);
      if (!store_.update_account(*a, nullptr, false)) continue;
    }
    result.status = LoginStatus::Ok;
    result.token = random_token();
    SessionRecord s{token_digest(result.token), a->user.id, at, at, std::string(from)};
    store_.add_session(s, event_of(by, AuditAction::Login, a->user.id, {{"session", session_id_of(s.digest)}}));
    const auto idle = at.plus_seconds(minutes(settings_.session_idle_minutes));
    const auto absolute = at.plus_seconds(hours(settings_.session_max_hours));
    result.session =
        SessionView{a->user, csrf_token_for(result.token), session_id_of(s.digest), std::min(idle, absolute)};
    return result;
  }
  throw std::runtime_error(fmt::format(
      "ユーザ {} のログインを記録できません（同時に更新され続けています）/ cannot record the login of {} (the account "
      "keeps changing)",
      user_id, user_id));
}

bool Accounts::logout(std::string_view token, const LocalDateTime& at, std::string_view from) {
  const auto digest = token_digest(token);
  auto s = store_.session(digest);
  if (!s) return false;
  auto e =
      event_of({s->user_id, std::string(from), at}, AuditAction::Logout, s->user_id, {{"session", session_id_of(digest)}});
  return store_.end_session(digest, &e);
}

std::optional<SessionView> Accounts::session(std::string_view token, const LocalDateTime& at) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const auto digest = token_digest(token);
  auto s = store_.session(digest);
  if (!s || !equal_secret(s->digest, digest)) return std::nullopt;
  const auto idle = s->last_seen.plus_seconds(minutes(settings_.session_idle_minutes));
  const auto absolute = s->created_at.plus_seconds(hours(settings_.session_max_hours));
  if (at >= idle || at >= absolute) {
    store_.end_session(digest, nullptr);
    return std::nullopt;
  }
  auto a = store_.account(s->user_id);
  if (!a || a->disabled) {
    store_.end_session(digest, nullptr);
    return std::nullopt;
  }
  auto last_seen = s->last_seen;
  if (at.serial_seconds() - last_seen.serial_seconds() >= kTouchSeconds) {
    store_.touch_session(digest, at);
    last_seen = at;
  }
  const auto renewed = last_seen.plus_seconds(minutes(settings_.session_idle_minutes));
  return SessionView{std::move(a->user), csrf_token_for(token), session_id_of(digest), std::min(renewed, absolute)};
}

std::int64_t Accounts::purge_sessions(const LocalDateTime& at) {
  return store_.end_expired_sessions(at.plus_seconds(-minutes(settings_.session_idle_minutes)),
                                     at.plus_seconds(-hours(settings_.session_max_hours)));
}

bool Accounts::csrf_ok(const SessionView& session, std::string_view presented) {
  return equal_secret(session.csrf_token, presented);
}

}  // namespace kaigo::auth
