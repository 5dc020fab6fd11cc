// Routes of the 介護情報基盤 (DESIGN §3.6, docs/platform.md) for each role: a person's records by
// kind (office, medical, municipality, the person), 本人確認 (office), 包括同意 (municipality, care
// manager), 主治医意見書作成依頼 (municipality), 居宅サービス計画作成依頼届出 (office), the person's
// own read log (insured), a linkage file (municipality), a 主治医意見書 with its 請求書 (doctor), the
// 請求書 CSV (municipality), the 認定審査会資料 PDF and its link (municipality). Every read goes
// through platform::Platform, which records it in the audit before answering; a refusal is 403
// with the rule it applied.
#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/platform/golive_status.hpp"
#include "kaigo/platform/platform.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"
#include "kaigo/store/platform_store.hpp"
#include "kaigo/core/json_fields.hpp"

namespace kaigo::server {
namespace {

using auth::Role;
using master::PersonId;

// This request's platform: over the thread's database and auth store, the shared office ledger.
struct PlatformScope {
  explicit PlatformScope(Scope& scope)
      : repo(scope.db()),
        world(scope.app().world(scope.db())),
        platform(repo, scope.auth_store(), world->offices, scope.app().settings().platform) {}
  store::PlatformStore repo;
  std::shared_ptr<const store::TablesInForce> world;
  platform::Platform platform;
};

PersonId person_of(const httplib::Request& req) { return {req.matches[1].str(), req.matches[2].str()}; }

std::string acting_office(Scope& scope, const std::string& given) {
  const auto& u = scope.user();
  if (u.role != Role::Office) return {};
  auto office = !given.empty() ? given : u.offices.size() == 1 ? u.offices.front() : std::string();
  check_office_user_certificate(scope, office);
  return office;
}

ApiError refused(const std::string& rule, const std::string& note, const std::string& ja, const std::string& en) {
  ApiError e(403, "KW60", ja, en);
  e.extra = {{"allowed", false}, {"rule", rule}};
  if (!note.empty()) e.extra["note"] = note;
  return e;
}

// An Outcome as the answer: 200 when done; 422 for bad input; 403 with the rule otherwise.
void answer(httplib::Response& res, const platform::Outcome& o, int ok_status = 200) {
  if (o.ok) {
    send_json(res, ok_status, to_json(o));
    return;
  }
  if (o.rule == "bad-input") {
    ApiError e(422, "KW61", o.message_ja, o.message_en);
    e.extra = {{"rule", o.rule}, {"detail", o.detail}};
    throw e;
  }
  throw refused(o.rule, "", o.message_ja, o.message_en);
}

Date date_field(const nlohmann::json& body, const char* field) {
  auto d = Date::parse(json_string(body, field));
  if (!d) {
    throw unprocessable("KW61", fmt::format("{} は YYYYMMDD の日付です", field), fmt::format("{} must be a date YYYYMMDD", field));
  }
  return *d;
}

bool flag(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  return it != body.end() && it->is_boolean() && it->get<bool>();
}

void view(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto kind = parse_enum<platform::ViewKind>(req.matches[3].str());
  const auto office = acting_office(scope, req.get_param_value("office"));
  PlatformScope p(scope);
  auto v = p.platform.view(scope.user(), scope.caller(), person_of(req), *kind, office, req.get_param_value("history") == "1");
  if (!v.decision.allowed) throw refused(v.decision.rule, v.decision.note, v.decision.message_ja, v.decision.message_en);
  send_json(res, 200, to_json(v));
}

void identify(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  const auto method = string_field(body, "method");
  if (method != "card" && method != "four_items") {
    throw unprocessable("KW61", "method は card か four_items です", "method must be card or four_items");
  }
  const auto office = acting_office(scope, string_field(body, "office"));
  PlatformScope p(scope);
  answer(res, p.platform.identify(scope.user(), scope.caller(), person_of(req),
                                  method == "card" ? platform::IdentifyMethod::Card : platform::IdentifyMethod::FourItems,
                                  {string_field(body, "birth_date"), string_field(body, "name_kana")}, office));
}

void consent(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  const auto form = json_string(body, "form");
  if (form != "new" && form != "old") throw unprocessable("KW61", "form は new か old です", "form must be new or old");
  const auto office = acting_office(scope, string_field(body, "office"));
  PlatformScope p(scope);
  const auto& u = scope.user();
  answer(res, p.platform.register_consent(scope.caller(), &u, person_of(req),
                                          {date_field(body, "applied_on"), form == "new" ? "1" : "2", flag(body, "revoke")},
                                          office));
}

void request(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  const auto applied = date_field(body, "applied_on");
  const auto requested = body.contains("requested_on") ? date_field(body, "requested_on") : applied;
  PlatformScope p(scope);
  const auto& u = scope.user();
  answer(res, p.platform.record_request(scope.caller(), &u, person_of(req), {json_string(body, "institution"), applied, requested}),
         201);
}

void notify(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  const auto office = acting_office(scope, string_field(body, "office"));
  PlatformScope p(scope);
  answer(res, p.platform.notify(scope.user(), scope.caller(), person_of(req),
                                {json_string(body, "plan"), date_field(body, "on"), flag(body, "withdraw")}, office));
}

void reads(Scope& scope, const httplib::Request&, httplib::Response& res) {
  PlatformScope p(scope);
  auto rows = p.platform.own_reads(scope.user(), scope.caller());
  if (!rows) throw forbidden();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : *rows) list.push_back(to_json(r));
  const auto& u = scope.user();
  send_json(res, 200, {{"insurer_no", u.insurer_no}, {"insured_no", u.insured_no}, {"reads", list}});
}

void linkage(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto name = req.get_header_value("X-File-Name");
  if (name.empty()) name = "linkage.csv";
  PlatformScope p(scope);
  const auto& u = scope.user();
  auto a = p.platform.load_linkage(scope.caller(), &u, req.body, name);
  if (a.status == platform::FileStatus::Refused) {
    const auto& first = a.errors.front();
    ApiError e(422, "KW62", first.message_ja, first.message_en);
    e.extra = {{"answer", to_json(a)}};
    throw e;
  }
  send_json(res, 200, to_json(a));
}

void opinion(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  const auto office = acting_office(scope, string_field(body, "office"));
  PlatformScope p(scope);
  answer(res, p.platform.submit_opinion(scope.user(), scope.caller(), body, office), 201);
}

void invoices(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto from = Date::parse(req.get_param_value("from"));
  auto to = Date::parse(req.get_param_value("to"));
  if (!from || !to) throw bad_request("KW12", "from と to は YYYYMMDD です", "from and to must be dates YYYYMMDD");
  PlatformScope p(scope);
  const auto& u = scope.user();
  platform::Outcome refusal;
  auto csv = p.platform.invoices_csv(&u, scope.caller(), u.insurer_no, *from, *to, &refusal);
  if (!csv) throw refused(refusal.rule, "", refusal.message_ja, refusal.message_en);
  res.status = 200;
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"invoices-{}-{}-{}.csv\"", u.insurer_no,
                                                    from->str(), to->str()));
  res.set_content(std::move(*csv), "text/csv; charset=utf-8");
}

void packet_send(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  const PersonId person{json_string(body, "insurer_no"), json_string(body, "insured_no")};
  std::vector<auth::User> members;
  auto list = body.find("members");
  if (list == body.end() || !list->is_array() || list->empty()) {
    throw unprocessable("KW61", "members（送付先のユーザIDの配列）がありません", "members (an array of user IDs) is missing");
  }
  for (const auto& id : *list) {
    auto a = id.is_string() ? scope.auth_store().account(id.get<std::string>()) : std::nullopt;
    if (!a || a->disabled) throw unprocessable("KW61", "送付先のユーザがありません", "a member is not an account");
    members.push_back(a->user);
  }
  PlatformScope p(scope);
  answer(res, p.platform.send_packet(scope.user(), scope.caller(), person, date_field(body, "applied_on"), members), 201);
}

void packet_fetch(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto id = parse_int(req.matches[1].str());
  PlatformScope p(scope);
  auto pdf = id ? p.platform.fetch_packet(scope.user(), scope.caller(), *id) : std::nullopt;
  if (!pdf) throw not_found();  // never says whether the packet exists
  res.status = 200;
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"packet-{}.pdf\"", *id));
  res.set_content(std::move(*pdf), "application/pdf");
}

// 利用開始状況 (seed 004 §2): the go-live table the access decisions read, for any logged-in user
// (it names municipalities, no person), as JSON or as the CSV of platform::golive_csv.
void golive_status(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto day = scope.now().date;
  if (req.has_param("on")) {
    auto on = Date::parse(req.get_param_value("on"));
    if (!on) throw bad_request("KW12", "on は YYYYMMDD です", "on must be a date YYYYMMDD");
    day = *on;
  }
  const auto format = req.has_param("format") ? req.get_param_value("format") : std::string("json");
  if (format != "json" && format != "csv")
    throw bad_request("KW63", "format は json か csv です", "format must be json or csv");
  store::PlatformStore repo(scope.db());
  auto world = scope.app().world(scope.db());
  const auto rows = platform::golive_status(world->insurers, repo.golives(), day);
  if (format == "json") {
    send_json(res, 200, platform::golive_status_json(rows, day));
    return;
  }
  res.status = 200;
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"golive-{}.csv\"", day.str()));
  res.set_content(platform::golive_csv(rows), "text/csv; charset=utf-8");
}

}  // namespace

void add_platform_routes(std::vector<Route>& r) {
  const auto viewers = Access::only({Role::Office, Role::Medical, Role::Municipality, Role::Insured});
  const std::string person = R"(/api/platform/people/(\d{6})/([0-9A-Z]{10}))";
  const std::string path = "/api/platform/people/{insurer}/{insured}";
  r.push_back({"GET", person + "/(survey|opinion|card|application|life|careplan|housing)", path + "/{kind}", viewers, false,
               false, view});
  r.push_back({"POST", person + "/identify", path + "/identify", Access::only({Role::Office}), true, false, identify});
  r.push_back({"POST", person + "/consent", path + "/consent", Access::only({Role::Municipality, Role::Office}), true, false,
               consent});
  r.push_back({"POST", person + "/requests", path + "/requests", Access::only({Role::Municipality}), true, false, request});
  r.push_back({"POST", person + "/notifications", path + "/notifications", Access::only({Role::Office}), true, false, notify});
  r.push_back({"GET", "/api/platform/reads", "/api/platform/reads", Access::only({Role::Insured}), false, false, reads});
  r.push_back({"POST", "/api/platform/linkage", "/api/platform/linkage", Access::only({Role::Municipality}), true, false, linkage});
  r.push_back({"POST", "/api/platform/opinions", "/api/platform/opinions", Access::only({Role::Medical, Role::Office}), true,
               false, opinion});
  r.push_back({"GET", "/api/platform/invoices", "/api/platform/invoices", Access::only({Role::Municipality}), false, false,
               invoices});
  r.push_back({"POST", "/api/platform/packets", "/api/platform/packets", Access::only({Role::Municipality}), true, false,
               packet_send});
  r.push_back({"GET", R"(/api/platform/packets/(\d{1,18}))", "/api/platform/packets/{id}", Access::only({Role::Municipality}),
               false, false, packet_fetch});
  r.push_back({"GET", "/api/platform/golive", "/api/platform/golive", Access::logged_in(), false, false, golive_status});
}

}  // namespace kaigo::server
