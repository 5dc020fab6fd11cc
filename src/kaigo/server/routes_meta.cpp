// Routes about the API itself: its OpenAPI document, a health check, the audit trail for the
// 国保連's staff, and the test clock (only when the server was started with one).
#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/openapi.hpp"
#include "kaigo/server/routes.hpp"
#include "kaigo/store/view_store.hpp"

namespace kaigo::server {
namespace {

using auth::Role;

void openapi(Scope&, const httplib::Request&, httplib::Response& res) { send_json(res, 200, openapi_document()); }

void health(Scope& scope, const httplib::Request&, httplib::Response& res) {
  send_json(res, 200, {{"ok", true}, {"now", scope.now().str()}});
}

// The audit trail, newest first, a page at a time (?page=&per_page=; ?limit= is per_page), filtered
// by user, action, person and time.
void audit_list(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auth::AuditFilter f;
  f.actor = req.get_param_value("user");
  f.action = req.get_param_value("action");
  f.insurer_no = req.get_param_value("insurer_no");
  f.insured_no = req.get_param_value("insured_no");
  auto moment = [&](const char* name) -> std::optional<LocalDateTime> {
    if (!req.has_param(name) || req.get_param_value(name).empty()) return std::nullopt;
    auto t = LocalDateTime::parse(req.get_param_value(name));
    if (!t) {
      throw bad_request("KW13", fmt::format("{} は YYYY-MM-DDTHH:MM:SS で指定してください", name),
                        fmt::format("{} must be YYYY-MM-DDTHH:MM:SS", name));
    }
    return t;
  };
  f.from = moment("from");
  f.to = moment("to");
  const auto per_page = std::clamp<std::int64_t>(
      parse_int(req.get_param_value(req.has_param("per_page") ? "per_page" : "limit")).value_or(200), 1, 1000);
  const auto page = std::clamp<std::int64_t>(parse_int(req.get_param_value("page")).value_or(1), 1, 1'000'000);
  auto rows = store::ViewStore(scope.db()).audit(f, {(page - 1) * per_page, per_page});
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : rows.rows) list.push_back(auth::to_json(row));
  send_json(res, 200, {{"total", rows.total}, {"page", page}, {"per_page", per_page}, {"rows", list}});
}

// Every action the audit trail records, with its Japanese and English names (the audit page's filter).
void audit_actions(Scope&, const httplib::Request&, httplib::Response& res) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : auth::kAuditActions.rows) list.push_back({{"code", a.code}, {"ja", a.ja}, {"en", a.en}});
  send_json(res, 200, {{"actions", std::move(list)}});
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
  r.push_back({"GET", "/api/audit/actions", "/api/audit/actions", Access::only({Role::Kokuhoren, Role::Admin}), false,
               false, audit_actions});
  r.push_back({"POST", "/api/test/clock", "/api/test/clock", Access::anyone(), false, false, set_clock});
}

}  // namespace kaigo::server
