// Routes about the API itself: its OpenAPI document, a health check, the audit trail for the
// 国保連's staff, and the test clock (only when the server was started with one).
#include <deque>

#include "kaigo/core/strings.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/openapi.hpp"
#include "kaigo/server/routes.hpp"

namespace kaigo::server {
namespace {

using auth::Role;

void openapi(Scope&, const httplib::Request&, httplib::Response& res) { send_json(res, 200, openapi_document()); }

void health(Scope& scope, const httplib::Request&, httplib::Response& res) {
  send_json(res, 200, {{"ok", true}, {"now", scope.now().str()}});
}

void audit_list(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auth::AuditFilter f;
  f.actor = req.get_param_value("user");
  f.action = req.get_param_value("action");
  f.insurer_no = req.get_param_value("insurer_no");
  f.insured_no = req.get_param_value("insured_no");
  if (req.has_param("from")) f.from = LocalDateTime::parse(req.get_param_value("from"));
  if (req.has_param("to")) f.to = LocalDateTime::parse(req.get_param_value("to"));
  const auto limit = std::clamp<std::int64_t>(parse_int(req.get_param_value("limit")).value_or(200), 1, 1000);
  // The newest rows are the ones asked for: keep the last `limit` matches.
  std::deque<nlohmann::json> rows;
  std::int64_t total = 0;
  scope.auth_store().scan(f, [&](const auth::AuditRow& row) {
    ++total;
    rows.push_back(auth::to_json(row));
    if (static_cast<std::int64_t>(rows.size()) > limit) rows.pop_front();
    return true;
  });
  send_json(res, 200, {{"total", total}, {"rows", nlohmann::json(std::vector<nlohmann::json>(rows.rbegin(), rows.rend()))}});
}

void set_clock(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  if (!scope.app().clock().is_test()) throw not_found();
  auto at = LocalDateTime::parse(json_string(json_body(req), "at"));
  if (!at) throw bad_request("KW13", "at は YYYY-MM-DDTHH:MM:SS で指定してください", "at must be YYYY-MM-DDTHH:MM:SS");
  scope.app().clock().set(*at);
  send_json(res, 200, {{"now", scope.app().now().str()}});
}

}  // namespace

void add_meta_routes(std::vector<Route>& r) {
  r.push_back({"GET", "/api/openapi.json", "/api/openapi.json", Access::anyone(), false, false, openapi});
  r.push_back({"GET", "/api/health", "/api/health", Access::anyone(), false, false, health});
  r.push_back({"GET", "/api/audit", "/api/audit", Access::only({Role::Kokuhoren, Role::Admin}), false, false, audit_list});
  r.push_back({"POST", "/api/test/clock", "/api/test/clock", Access::anyone(), false, false, set_clock});
}

}  // namespace kaigo::server
