// Accounts: reset of a password or security code by security e-mail (seed 000 §3(2)), and the
// user-ID reminder.
#include <fmt/format.h>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/auth/secrets.hpp"

namespace kaigo::auth {
namespace {

std::string_view secret_ja(ResetPurpose p) { return p == ResetPurpose::Password ? "パスワード" : "セキュリティコード"; }
std::string_view secret_en(ResetPurpose p) { return p == ResetPurpose::Password ? "password" : "security code"; }

Refusal invalid_link() {
  return {"KA30", "docs/auth.md reset", "このリンクは無効です（期限切れ、使用済み、または誤り）",
          "this link is not valid (expired, already used, or wrong)"};
}

std::string signature(std::string_view name) { return name.empty() ? std::string() : fmt::format("\n--\n{}\n", name); }

}  // namespace

std::string_view reset_purpose_name(ResetPurpose p) {
  return p == ResetPurpose::Password ? "password" : "security_code";
}

std::string reset_link(const AuthSettings& s, std::string_view token) {
  return fmt::format("{}/reset#token={}", s.reset_base_url, token);
}

MailOutcome Accounts::request_reset(std::string_view user_id, std::string_view email, ResetPurpose purpose,
                                    const Caller& by) {
  nlohmann::json detail{{"purpose", reset_purpose_name(purpose)}};
  auto a = store_.account(user_id);
  std::string_view refused;
  if (!a) {
    refused = "unknown_user";
  } else if (a->user.email.empty()) {
    refused = "no_security_email";
  } else if (a->user.email != normalize_email(email)) {
    refused = "email_mismatch";
  } else if (a->disabled) {
    refused = "disabled";
  } else if (!mailer_) {
    refused = "no_mailer";
  }
  if (!refused.empty()) {
    detail["mailed"] = false;
    detail["reason"] = refused;
    audit_.append(event_of(by, AuditAction::ResetRequest, user_id, detail));
    return {};
  }
  const auto token = random_token();
  ResetRecord r{token_digest(token),
                a->user.id,
                purpose,
                by.at,
                by.at.plus_seconds(static_cast<std::int64_t>(settings_.reset_minutes) * 60),
                false};
  detail["mailed"] = true;
  detail["expires_at"] = r.expires_at.str();
  store_.add_reset(r, event_of(by, AuditAction::ResetRequest, a->user.id, detail));
  MailMessage m;
  m.from = settings_.mail_from;
  m.to = a->user.email;
  m.at = by.at;
  m.subject = fmt::format("{}の再設定 / Reset of your {}", secret_ja(purpose), secret_en(purpose));
  m.body = fmt::format(
      "ユーザID {id} の{ja}の再設定を受け付けました。\n"
      "次のリンクを {min} 分以内（{until} まで）に開き、新しい{ja}を設定してください。リンクは1回だけ使えます。\n"
      "A reset of the {en} of user ID {id} was requested. Open this link within {min} minutes (until {until} JST)\n"
      "and set a new {en}. The link works once.\n\n"
      "{link}\n\n"
      "心当たりがない場合は、このメールを破棄してください。{ja}は変わりません。\n"
      "If you did not ask for this, delete this mail; your {en} stays as it is.\n{sig}",
      fmt::arg("id", a->user.id), fmt::arg("ja", secret_ja(purpose)), fmt::arg("en", secret_en(purpose)),
      fmt::arg("min", settings_.reset_minutes), fmt::arg("until", r.expires_at.str()),
      fmt::arg("link", reset_link(settings_, token)), fmt::arg("sig", signature(kokuhoren_name_)));
  try {
    mailer_->send(m);
  } catch (const MailError& e) {
    audit_.append(event_of(by, AuditAction::ResetRequest, a->user.id, {{"mailed", false}, {"reason", "relay_failed"}}));
    return {false, e.what()};
  }
  return {true, std::nullopt};
}

MailOutcome Accounts::remind_user_ids(std::string_view email, const Caller& by) {
  const auto address = normalize_email(email);
  std::vector<std::string> ids;
  if (is_email(address)) {
    for (auto& id : store_.user_ids_with_email(address)) {
      if (auto a = store_.account(id); a && !a->disabled) ids.push_back(std::move(id));
    }
  }
  audit_.append(
      event_of(by, AuditAction::UserIdReminder, address, {{"users", ids.size()}, {"mailed", !ids.empty() && mailer_}}));
  if (ids.empty() || !mailer_) return {};
  std::string list;
  for (const auto& id : ids) list += "  " + id + "\n";
  MailMessage m;
  m.from = settings_.mail_from;
  m.to = address;
  m.at = by.at;
  m.subject = "ユーザIDのお知らせ / Your user ID";
  m.body = fmt::format(
      "このメールアドレスをセキュリティ用メールアドレスとして登録しているユーザIDは次のとおりです。\n"
      "These user IDs have this address as their security e-mail:\n\n{}\n"
      "心当たりがない場合は、このメールを破棄してください。\n"
      "If you did not ask for this, delete this mail.\n{}",
      list, signature(kokuhoren_name_));
  try {
    mailer_->send(m);
  } catch (const MailError& e) {
    return {false, e.what()};
  }
  return {true, std::nullopt};
}

Refusals Accounts::complete_reset(std::string_view token, std::string_view new_secret, const Caller& by) {
  if (token.empty() || token.size() > 128) return {invalid_link()};
  const auto digest = token_digest(token);
  auto r = store_.reset(digest);
  if (!r || r->used || by.at >= r->expires_at || !equal_secret(r->digest, digest)) return {invalid_link()};
  auto a = store_.account(r->user_id);
  if (!a) return {invalid_link()};
  if (a->disabled) {
    return {{"KA22", "kaigo user lock", "このアカウントは管理者によりロックされています",
             "this account is locked by an administrator"}};
  }
  const bool password = r->purpose == ResetPurpose::Password;
  const int min_length = password ? settings_.password_min_length : settings_.security_code_min_length;
  if (auto bad =
          check_secret_policy(new_secret, a->user.id, min_length, secret_ja(r->purpose), secret_en(r->purpose))) {
    return {*bad};
  }
  auto hash = hash_secret(new_secret, hash_cost(settings_));
  if (password) {
    a->password_hash = std::move(hash);
    a->password_changed_at = by.at;
    a->failed_logins = 0;  // the mailbox is proven: a lockout after failed logins ends
    a->locked_until.reset();
  } else {
    a->security_code_hash = std::move(hash);
  }
  auto e = event_of({a->user.id, by.from, by.at}, AuditAction::ResetDone, a->user.id,
                    {{"purpose", reset_purpose_name(r->purpose)}});
  if (!store_.use_reset(digest, *a, e)) return {invalid_link()};
  return {};
}

}  // namespace kaigo::auth
