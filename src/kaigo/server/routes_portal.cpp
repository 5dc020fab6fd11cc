// Routes of the portal (issue 17; docs/portal.md): the 助成金 schemes; an office's or medical
// institution's applications (apply with its receipt lines, list, one with its history and
// computation, withdraw, the decision notice as PDF); the 国保連's decision and payment; each
// office's own page (マイページ). An applicant sees only its own applications and an office only its
// own page: anything else answers 403 whether it exists or not (404 for the 国保連).
#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/portal/json.hpp"
#include "kaigo/portal/notice.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"
#include "kaigo/store/careplan_store.hpp"
#include "kaigo/store/portal_store.hpp"

namespace kaigo::server {
namespace {

using auth::Role;

// The HTTP answer of a portal refusal: who may not act (403, or 404 for staff when it does not
// exist), a state or a rule of time (409), the request itself (422).
[[noreturn]] void refuse(Scope& scope, const auth::Refusals& refusals) {
  const auto& r = refusals.front();
  int status = 422;
  if (r.code == "KH04" || r.code == "KH44") status = 403;
  if (r.code == "KH40") status = scope.user().is_kokuhoren() || scope.user().is_admin() ? 404 : 403;
  if (r.code == "KH50") status = 404;
  if (r.code == "KH03" || r.code == "KH41" || r.code == "KH42" || r.code == "KH43" || r.code == "KH45") status = 409;
  ApiError e(status, r.code, r.message_ja, r.message_en);
  e.extra["rule"] = r.rule;
  if (refusals.size() > 1) {
    e.extra["refusals"] = nlohmann::json::array();
    for (const auto& x : refusals) e.extra["refusals"].push_back(portal::to_json(x));
  }
  throw e;
}

[[noreturn]] void bad_field(const std::string& field, std::string_view what_ja, std::string_view what_en) {
  throw bad_request("KW60", fmt::format("項目 {} が正しくありません（{}）", field, what_ja),
                    fmt::format("the field {} is not valid ({})", field, what_en));
}

std::optional<std::int64_t> integer_of(const nlohmann::json& j, const char* key, const std::string& at, std::int64_t lo,
                                       std::int64_t hi, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) bad_field(at + key, "必須です", "required");
    return std::nullopt;
  }
  if (!it->is_number_integer()) bad_field(at + key, "整数ではありません", "not an integer");
  auto v = it->get<std::int64_t>();
  if (v < lo || v > hi)
    bad_field(at + key, fmt::format("{}〜{} の範囲外です", lo, hi), fmt::format("outside {}..{}", lo, hi));
  return v;
}

std::optional<Date> day_of(const nlohmann::json& j, const char* key, const std::string& at, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) bad_field(at + key, "必須です", "required");
    return std::nullopt;
  }
  auto d = it->is_string() ? Date::parse(it->get<std::string>()) : std::nullopt;
  if (!d) bad_field(at + key, "YYYYMMDD の日付ではありません", "not a YYYYMMDD date");
  return d;
}

std::string text_of(const nlohmann::json& j, const char* key, const std::string& at, std::size_t max_bytes) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) bad_field(at + key, "文字列ではありません", "not a string");
  auto s = it->get<std::string>();
  if (s.size() > max_bytes)
    bad_field(at + key, fmt::format("{} バイトを超えています", max_bytes),
              fmt::format("longer than {} bytes", max_bytes));
  return std::string(trim(s));
}

portal::ReceiptLine line_of(const nlohmann::json& j, std::size_t index) {
  const auto at = fmt::format("lines[{}].", index);
  if (!j.is_object()) bad_field(fmt::format("lines[{}]", index), "オブジェクトではありません", "not an object");
  constexpr std::int64_t kMaxYen = 1'000'000'000;
  portal::ReceiptLine l;
  l.receipt = static_cast<int>(*integer_of(j, "receipt", at, 1, 9999, true));
  l.issued_on = *day_of(j, "issued_on", at, true);
  l.done_on = day_of(j, "done_on", at, false);
  l.purpose = text_of(j, "purpose", at, 300);
  if (auto c = integer_of(j, "count", at, 1, 10000, false)) l.count = static_cast<int>(*c);
  l.amount = Yen{*integer_of(j, "amount", at, 1, kMaxYen, true)};
  if (auto n = integer_of(j, "net", at, 0, kMaxYen, false)) l.net = Yen{*n};
  if (auto t = integer_of(j, "tax", at, 0, kMaxYen, false)) l.tax = Yen{*t};
  return l;
}

portal::ApplyRequest apply_request(const nlohmann::json& body, const auth::User& user) {
  portal::ApplyRequest r;
  const bool medical = user.role == Role::Medical;
  r.program = medical ? portal::Program::Medical : portal::Program::Office;
  if (medical) {
    r.applicant_no = body.contains("medical_code") ? json_string(body, "medical_code") : user.medical_code;
    r.applicant_name = text_of(body, "name", "", 200);
    auto facility = text_of(body, "facility", "", 20);
    if (!facility.empty()) {
      r.facility = parse_enum<portal::Facility>(facility);
      if (!r.facility) bad_field("facility", "hospital か clinic", "hospital or clinic");
    }
    if (auto beds = integer_of(body, "beds", "", 0, 100000, false)) r.beds = static_cast<int>(*beds);
  } else {
    r.applicant_no = json_string(body, "office_no");
  }
  if (auto it = body.find("services"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) bad_field("services", "配列ではありません", "not an array");
    for (const auto& s : *it) {
      if (!s.is_string() || s.get<std::string>().size() != 2)
        bad_field("services", "2桁のサービス種類コード", "two-character service types");
      r.services.push_back(s.get<std::string>());
    }
  }
  auto scheme = text_of(body, "scheme", "", 40);
  if (!scheme.empty()) r.scheme = scheme;
  auto lines = body.find("lines");
  if (lines == body.end() || !lines->is_array())
    bad_field("lines", "領収書の明細の配列が必要です", "an array of receipt lines is required");
  if (lines->size() > 200) bad_field("lines", "200 行までです", "at most 200 lines");
  for (std::size_t i = 0; i < lines->size(); ++i) r.lines.push_back(line_of((*lines)[i], i));
  return r;
}

// An office applicant speaks through the certificate of its office (as 電子請求 does) when the
// server checks certificates; a medical institution has no office certificate.
void check_office_certificate(Scope& scope, const portal::ApplyRequest& r) {
  if (r.program != portal::Program::Office) return;
  auto peer = valid_office_certificate(scope);
  if (peer && !peer->speaks_for(r.applicant_no)) throw forbidden();
}

std::int64_t id_param(const httplib::Request& req) {
  auto id = parse_int(req.matches[1].str());
  if (!id) throw not_found();
  return *id;
}

void schemes(Scope&, const httplib::Request&, httplib::Response& res) {
  auto list = nlohmann::json::array();
  for (const auto& s : portal::Schemes::bundled().all()) list.push_back(portal::to_json(s));
  send_json(res, 200, {{"schemes", list}});
}

// 申請 (store = true) or 申請内容の確認 (false: the same request checked and computed, nothing stored).
void apply_or_check(Scope& scope, const httplib::Request& req, httplib::Response& res, bool store) {
  const auto& user = scope.user();
  auto request = apply_request(json_body(req), user);
  check_office_certificate(scope, request);
  auto world = scope.app().world(scope.db());
  store::PortalStore st(scope.db());
  auto r = store ? portal::apply(st, world->offices, request, user, scope.caller())
                 : portal::check_application(st, world->offices, request, user, scope.caller());
  if (!r.refusals.empty()) refuse(scope, r.refusals);
  send_json(res, store ? 201 : 200, portal::to_json(*r.application, true, &*r.preview));
}

void apply(Scope& scope, const httplib::Request& req, httplib::Response& res) { apply_or_check(scope, req, res, true); }
void check(Scope& scope, const httplib::Request& req, httplib::Response& res) { apply_or_check(scope, req, res, false); }

void list_applications(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  portal::ApplicationFilter f;
  if (req.has_param("state")) {
    f.state = portal::parse_state(req.get_param_value("state"));
    if (!f.state) throw bad_request("KW61", "状態が正しくありません", "unknown state");
  }
  if (req.has_param("month")) f.decision_month = month_param(req.get_param_value("month"));
  if (req.has_param("applicant")) f.applicant_no = req.get_param_value("applicant");
  store::PortalStore st(scope.db());
  auto all = portal::visible_applications(st, scope.user(), f);
  auto rows = nlohmann::json::array();
  for (const auto& a : all) rows.push_back(portal::to_json(a, false));
  send_json(res, 200, {{"total", rows.size()}, {"applications", rows}});
}

portal::Application visible(Scope& scope, const httplib::Request& req) {
  store::PortalStore st(scope.db());
  auto r = portal::visible_application(st, id_param(req), scope.user());
  if (!r.refusals.empty()) refuse(scope, r.refusals);
  return std::move(*r.application);
}

void one_application(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto a = visible(scope, req);
  std::optional<portal::Computation> preview;
  if (a.state == portal::State::Received) preview = portal::preview(a);
  send_json(res, 200, portal::to_json(a, true, preview ? &*preview : nullptr));
}

void notice(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto a = visible(scope, req);
  if (!a.decision) {
    throw conflict("KW62", fmt::format("申請番号 {} はまだ審査されていません（{}）", a.id, enum_ja(a.state)),
                   fmt::format("application {} is not decided yet", a.id));
  }
  auto bytes = portal::decision_notice_pdf(a);
  scope.audit(auth::AuditAction::SubsidyNotice, fmt::format("subsidy:{}", a.id), {{"bytes", bytes.size()}});
  res.status = 200;
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"subsidy-{}.pdf\"", a.id));
  res.set_content(std::move(bytes), "application/pdf");
}

template <class Change>
void change(Scope& scope, const httplib::Request& req, httplib::Response& res, Change f) {
  store::PortalStore st(scope.db());
  auto r = f(st, id_param(req), scope.user(), scope.caller());
  if (!r.refusals.empty()) refuse(scope, r.refusals);
  send_json(res, 200, portal::to_json(*r.application, true));
}

void decide(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::string> reason;
  if (!req.body.empty()) {
    auto body = json_body(req);
    if (body.contains("return_reason")) reason = json_string(body, "return_reason");
  }
  change(scope, req, res,
         [&](portal::SubsidyRepository& r, std::int64_t id, const auth::User& u, const auth::Caller& by) {
           return portal::decide(r, id, reason, u, by);
         });
}

void pay(Scope& scope, const httplib::Request& req, httplib::Response& res) { change(scope, req, res, portal::pay); }
void withdraw(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  change(scope, req, res, portal::withdraw);
}

void office_page(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto office = req.matches[1].str();
  if (!portal::may_view_office(scope.user(), office)) throw forbidden();
  auto world = scope.app().world(scope.db());
  store::PortalStore st(scope.db());
  store::CarePlanLicencePage licences(scope.db(), scope.app().settings());
  portal::PageSources sources{world->offices,         &world->masters, scope.accounts(), scope.auth_store(), st, st,
                              scope.app().settings(), &licences};
  auto r = portal::office_page(sources, office, scope.user(), scope.now());
  if (!r.refusals.empty()) refuse(scope, r.refusals);
  send_json(res, 200, portal::to_json(*r.page));
}

}  // namespace

void add_portal_routes(std::vector<Route>& r) {
  const auto applicants = Access::only({Role::Office, Role::Medical});
  const auto readers = Access::only({Role::Office, Role::Medical, Role::Kokuhoren, Role::Admin});
  const auto staff = Access::only({Role::Kokuhoren});
  r.push_back({"GET", "/api/subsidy/schemes", "/api/subsidy/schemes", Access::logged_in(), false, false, schemes});
  r.push_back({"POST", "/api/subsidies", "/api/subsidies", applicants, true, false, apply});
  r.push_back({"POST", "/api/subsidies/preview", "/api/subsidies/preview", applicants, true, false, check});
  r.push_back({"GET", "/api/subsidies", "/api/subsidies", readers, false, false, list_applications});
  r.push_back({"GET", R"(/api/subsidies/(\d+))", "/api/subsidies/{id}", readers, false, false, one_application});
  r.push_back(
      {"GET", R"(/api/subsidies/(\d+)/notice\.pdf)", "/api/subsidies/{id}/notice.pdf", readers, false, false, notice});
  r.push_back(
      {"POST", R"(/api/subsidies/(\d+)/withdraw)", "/api/subsidies/{id}/withdraw", applicants, true, false, withdraw});
  r.push_back({"POST", R"(/api/subsidies/(\d+)/decide)", "/api/subsidies/{id}/decide", staff, true, false, decide});
  r.push_back({"POST", R"(/api/subsidies/(\d+)/pay)", "/api/subsidies/{id}/pay", staff, true, false, pay});
  r.push_back({"GET", R"(/api/offices/([0-9A-Za-z]{10})/page)", "/api/offices/{office}/page",
               Access::only({Role::Office, Role::Kokuhoren, Role::Admin}), false, false, office_page});
}

}  // namespace kaigo::server
