// server/routes — every route of the API as one table (method, pattern, who may call it, whether it
// changes state and needs the CSRF token, whether the 電子請求 client certificate is required),
// so that the server registers them, the OpenAPI document is checked against them, and access is
// decided before any handler runs. The handlers live in routes_*.cpp; each only parses, calls the
// library, and answers.
// Owns: the table and the access check. Must not: hold business rules.
#pragma once
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>

#include "kaigo/auth/user.hpp"
#include "kaigo/server/app.hpp"

namespace kaigo::server {

// Who may call a route: nobody logged in needed, or a session whose role is one of these.
struct Access {
  bool open = false;             // no session needed (login, reset, openapi)
  std::vector<auth::Role> roles;  // empty with !open: any logged-in user
  static Access anyone() { return {true, {}}; }
  static Access logged_in() { return {false, {}}; }
  static Access only(std::initializer_list<auth::Role> r) { return {false, r}; }
};

using RouteHandler = std::function<void(Scope&, const httplib::Request&, httplib::Response&)>;

struct Route {
  std::string method;        // GET / POST
  std::string pattern;       // httplib's regex, e.g. R"(/api/submissions/(\d+))"
  std::string openapi_path;  // the same in OpenAPI form, e.g. "/api/submissions/{id}"
  Access access;
  bool changes_state = false;  // needs the session's CSRF token
  bool office_certificate = false;  // needs a valid office certificate when the server checks them
  RouteHandler handler;
};

// The whole API (DESIGN §3.4).
std::vector<Route> api_routes();
// The web pages and their files (routes_pages.cpp, docs/web.md): not part of the API document.
std::vector<Route> page_routes();

// The groups (routes_*.cpp).
void add_account_routes(std::vector<Route>& routes);
void add_submission_routes(std::vector<Route>& routes);
void add_results_routes(std::vector<Route>& routes);
void add_month_routes(std::vector<Route>& routes);
void add_meta_routes(std::vector<Route>& routes);
void add_web_routes(std::vector<Route>& routes);

// Whether `u` may see received file `s`: the 国保連's staff every file, an office the files of its
// offices and those it sent (anything else answers 403).
bool may_see_submission(const auth::User& u, const reception::Submission& s);
void add_portal_routes(std::vector<Route>& routes);
void add_platform_routes(std::vector<Route>& routes);
void add_careplan_routes(std::vector<Route>& routes);
void add_statistics_routes(std::vector<Route>& routes);

// The office certificate of this connection when the server checks them (App::verifier), else
// nullopt: 403 when there is none (KW05) or it is not valid (the verifier's code).
std::optional<auth::PeerCheck> valid_office_certificate(Scope& scope);
// An office user acts through its certificate (as for claim files) when the server checks them: it
// must be valid and speak for `office` (when given). Other roles pass.
void check_office_user_certificate(Scope& scope, std::string_view office);

// Answers with JSON (UTF-8; a byte that is not is replaced).
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// The request body as JSON, or 400.
nlohmann::json json_body(const httplib::Request& req);
// A string member of a JSON object, or 400 naming the field.
std::string json_string(const nlohmann::json& body, const char* field);
// A YYYYMM path or query part, or 400.
YearMonth month_param(const std::string& text);

}  // namespace kaigo::server
