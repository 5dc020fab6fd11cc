#include "kaigo/auth/accounts.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kaigo/auth/secrets.hpp"

namespace kaigo::auth {
namespace {


Refusal unknown_user(std::string_view id) {
  return {"KA06", "", fmt::format("ユーザID {} はありません", id), fmt::format("there is no user {}", id)};
}

}  // namespace

Accounts::Accounts(AccountStore& store, AuditTrail& audit, const AuthSettings& settings, Mailer* mailer,
                   std::string kokuhoren_name)
    : store_(store), audit_(audit), settings_(settings), mailer_(mailer), kokuhoren_name_(std::move(kokuhoren_name)) {}

Refusals Accounts::add(User user, std::string_view password, const Caller& by) {
  std::sort(user.offices.begin(), user.offices.end());
  user.email = normalize_email(user.email);
  auto problems = check_user(user, settings_.max_offices);
  if (auto bad = check_secret_policy(password, user.id, settings_.password_min_length)) problems.push_back(*bad);
  if (!problems.empty()) return problems;
  Account a;
  a.user = user;
  a.password_hash = hash_secret(password, hash_cost(settings_));
  a.created_at = by.at;
  a.password_changed_at = by.at;
  nlohmann::json detail{{"role", enum_code(user.role)}};
  if (!user.offices.empty()) detail["offices"] = user.offices;
  if (user.job != Job::None) detail["job"] = enum_code(user.job);
  if (!user.medical_code.empty()) detail["medical_code"] = user.medical_code;
  if (!user.insurer_no.empty()) detail["insurer_no"] = user.insurer_no;
  if (!user.insured_no.empty()) detail["insured_no"] = user.insured_no;
  if (!store_.add_account(a, event_of(by, AuditAction::UserAdd, user.id, detail))) {
    return {{"KA07", "", fmt::format("ユーザID {} はすでに使われています", user.id),
             fmt::format("user ID {} is already taken", user.id)}};
  }
  return {};
}

Refusals Accounts::update(std::string_view user_id, const Caller& by, AuditAction action, bool end_sessions,
                          const std::function<std::optional<Refusal>(Account&)>& change) {
  for (int attempt = 0; attempt < kUpdateAttempts; ++attempt) {
    auto a = store_.account(user_id);
    if (!a) return {unknown_user(user_id)};
    if (auto refused = change(*a)) return {*refused};
    auto e = event_of(by, action, user_id);
    if (store_.update_account(*a, &e, end_sessions)) return {};
  }
  throw std::runtime_error(
      fmt::format("ユーザ {} を更新できません（同時に更新され続けています）/ cannot update user {} (it keeps changing)",
                  user_id, user_id));
}

Refusals Accounts::set_password(std::string_view user_id, std::string_view password, const Caller& by) {
  if (auto bad = check_secret_policy(password, user_id, settings_.password_min_length)) return {*bad};
  auto hash = hash_secret(password, hash_cost(settings_));
  return update(user_id, by, AuditAction::PasswordSet, true, [&](Account& a) -> std::optional<Refusal> {
    a.password_hash = hash;
    a.password_changed_at = by.at;
    return std::nullopt;
  });
}

Refusals Accounts::set_security_code(std::string_view user_id, std::string_view code, const Caller& by) {
  if (auto bad = check_secret_policy(code, user_id, settings_.security_code_min_length, "セキュリティコード",
                                     "security code")) {
    return {*bad};
  }
  auto hash = hash_secret(code, hash_cost(settings_));
  return update(user_id, by, AuditAction::SecurityCodeSet, false, [&](Account& a) -> std::optional<Refusal> {
    a.security_code_hash = hash;
    return std::nullopt;
  });
}

Refusals Accounts::change_password(std::string_view user_id, std::string_view current, std::string_view next,
                                   const Caller& by) {
  auto a = store_.account(user_id);
  if (!a) return {unknown_user(user_id)};
  if (!verify_secret(a->password_hash, current)) {
    return {{"KA20", "", "現在のパスワードが違います", "the current password is wrong"}};
  }
  return set_password(user_id, next, by);
}

Refusals Accounts::lock(std::string_view user_id, const Caller& by) {
  return update(user_id, by, AuditAction::UserLock, true, [](Account& a) -> std::optional<Refusal> {
    a.disabled = true;
    return std::nullopt;
  });
}

Refusals Accounts::unlock(std::string_view user_id, const Caller& by) {
  return update(user_id, by, AuditAction::UserUnlock, false, [](Account& a) -> std::optional<Refusal> {
    a.disabled = false;
    a.failed_logins = 0;
    a.locked_until.reset();
    return std::nullopt;
  });
}

bool Accounts::security_code_matches(std::string_view user_id, std::string_view code) {
  auto a = store_.account(user_id);
  if (!a || a->security_code_hash.empty()) {
    hash_secret(code, hash_cost(settings_));  // the same time as a real check
    return false;
  }
  return verify_secret(a->security_code_hash, code);
}

std::vector<AccountSummary> Accounts::list() {
  std::vector<AccountSummary> out;
  for (auto& a : store_.accounts()) {
    out.push_back({std::move(a.user), !a.security_code_hash.empty(), a.failed_logins, a.locked_until, a.disabled,
                   a.created_at, a.password_changed_at});
  }
  return out;
}

}  // namespace kaigo::auth
