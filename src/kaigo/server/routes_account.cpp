// Routes of accounts: log in and out, the session, a password change, and the reset by security
// e-mail (seed 000 §3(2)).
#include <fmt/format.h>

#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"

namespace kaigo::server {
namespace {

nlohmann::json session_json(const auth::SessionView& s) {
  return {{"user", auth::user_json(s.user)}, {"csrf_token", s.csrf_token}, {"expires_at", s.expires_at.str()}};
}

std::string session_cookie(Scope& scope, const std::string& token, int max_age_seconds) {
  // Secure unless the server speaks plain HTTP for local use (the browser would not send it back).
  return fmt::format("{}={}; Path=/; HttpOnly;{} SameSite=Strict; Max-Age={}", kSessionCookie, token,
                     scope.app().options().insecure_http ? "" : " Secure", max_age_seconds);
}

ApiError refusal_error(int status, const auth::Refusal& r) { return {status, r.code, r.message_ja, r.message_en}; }

void login(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  if (scope.app().login_limiter().exhausted(req.remote_addr)) {
    ApiError e{429, "KW29", "ログインの失敗が多すぎます。1分ほど待ってから、もう一度試してください",
               "too many failed logins from this address; wait a minute and try again"};
    e.retry_after = 60;
    throw e;
  }
  auto body = json_body(req);
  auto user = json_string(body, "user");
  auto password = json_string(body, "password");
  auth::LoginResult r;
  {
    scope.app().hashing().acquire();
    struct Release {
      std::counting_semaphore<2>& s;
      ~Release() { s.release(); }
    } release{scope.app().hashing()};
    r = scope.accounts().login(user, password, scope.now(), req.remote_addr);
  }
  switch (r.status) {
    case auth::LoginStatus::Ok: {
      const int max_age = scope.app().settings().auth.session_max_hours * 3600;
      res.set_header("Set-Cookie", session_cookie(scope, r.token, max_age));
      send_json(res, 200, session_json(*r.session));
      return;
    }
    case auth::LoginStatus::Locked: {
      ApiError e = refusal_error(423, *r.refusal);
      if (r.locked_until) e.extra["locked_until"] = r.locked_until->str();
      throw e;
    }
    case auth::LoginStatus::Wrong:
      scope.app().login_limiter().count(req.remote_addr);
      throw refusal_error(401, *r.refusal);
  }
}

void logout(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  if (auto token = cookie(req, kSessionCookie)) scope.accounts().logout(*token, scope.now(), req.remote_addr);
  res.set_header("Set-Cookie", session_cookie(scope, "", 0));
  send_json(res, 200, {{"logged_out", true}});
}

void current_session(Scope& scope, const httplib::Request&, httplib::Response& res) {
  send_json(res, 200, session_json(scope.require_session()));
}

void change_password(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  auto refusals = scope.accounts().change_password(scope.user().id, json_string(body, "current"),
                                                   json_string(body, "password"), scope.caller());
  if (!refusals.empty()) throw refusal_error(422, refusals.front());
  send_json(res, 200, {{"changed", true}});
}

// Answers the same whether or not the ID and address exist (nobody learns which do).
void request_reset(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  if (!scope.app().login_limiter().allow("reset:" + req.remote_addr)) {
    ApiError e{429, "KW29", "試行が多すぎます。1分ほど待ってから、もう一度試してください",
               "too many attempts; wait a minute and try again"};
    e.retry_after = 60;
    throw e;
  }
  auto body = json_body(req);
  auto purpose = body.value("purpose", std::string("password")) == "security_code" ? auth::ResetPurpose::SecurityCode
                                                                                  : auth::ResetPurpose::Password;
  scope.accounts().request_reset(json_string(body, "user"), json_string(body, "email"), purpose, scope.caller());
  send_json(res, 202,
            {{"message_ja", "登録されているセキュリティ用メールアドレスであれば、再設定のメールを送りました"},
             {"message_en", "if the address is the account's security e-mail, a reset mail has been sent"}});
}

void complete_reset(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  auto refusals = scope.accounts().complete_reset(json_string(body, "token"), json_string(body, "password"),
                                                  scope.caller());
  if (!refusals.empty()) throw refusal_error(422, refusals.front());
  send_json(res, 200, {{"reset", true}});
}

}  // namespace

void add_account_routes(std::vector<Route>& r) {
  r.push_back({"POST", "/api/login", "/api/login", Access::anyone(), false, false, login});
  r.push_back({"POST", "/api/logout", "/api/logout", Access::anyone(), false, false, logout});
  r.push_back({"GET", "/api/session", "/api/session", Access::logged_in(), false, false, current_session});
  r.push_back({"POST", "/api/password", "/api/password", Access::logged_in(), true, false, change_password});
  r.push_back({"POST", "/api/reset", "/api/reset", Access::anyone(), false, false, request_reset});
  r.push_back({"POST", "/api/reset/complete", "/api/reset/complete", Access::anyone(), false, false, complete_reset});
}

}  // namespace kaigo::server
