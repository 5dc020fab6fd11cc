#include "kaigo/server/routes.hpp"

#include <fmt/format.h>

#include "kaigo/server/api_error.hpp"

namespace kaigo::server {

std::vector<Route> api_routes() {
  std::vector<Route> routes;
  add_account_routes(routes);
  add_submission_routes(routes);
  add_results_routes(routes);
  add_month_routes(routes);
  add_meta_routes(routes);
  add_web_routes(routes);
  add_portal_routes(routes);
  add_platform_routes(routes);
  add_careplan_routes(routes);
  add_statistics_routes(routes);
  return routes;
}

std::optional<auth::PeerCheck> valid_office_certificate(Scope& scope) {
  if (!scope.app().verifier()) return std::nullopt;
  auto peer = scope.peer();
  if (!peer) {
    throw ApiError(403, "KW05", "この操作には事業所の電子証明書が必要です",
                   "this needs the office's electronic certificate (mutual TLS)");
  }
  if (!peer->ok()) throw ApiError(403, peer->refusal->code, peer->refusal->message_ja, peer->refusal->message_en);
  return peer;
}

void check_office_user_certificate(Scope& scope, std::string_view office) {
  if (scope.user().role != auth::Role::Office) return;
  auto peer = valid_office_certificate(scope);
  if (peer && !office.empty() && !peer->speaks_for(office)) throw forbidden();
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

nlohmann::json json_body(const httplib::Request& req) {
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw bad_request("KW10", "リクエストの本文が JSON のオブジェクトではありません", "the request body is not a JSON object");
  }
  return j;
}

std::string json_string(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_string()) {
    throw bad_request("KW11", fmt::format("項目 {} （文字列）がありません", field),
                      fmt::format("the field {} (a string) is missing", field));
  }
  return it->get<std::string>();
}

YearMonth month_param(const std::string& text) {
  auto m = YearMonth::parse(text);
  if (!m) {
    throw bad_request("KW12", fmt::format("処理年月は YYYYMM で指定してください（{}）", text),
                      fmt::format("the processing month must be YYYYMM ({})", text));
  }
  return *m;
}

}  // namespace kaigo::server
