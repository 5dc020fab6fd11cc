// Routes of the care-plan hub (ケアプランデータ連携, DESIGN §3.5, docs/careplan.md): send a set or
// keep a draft (JSON with base64 files, or multipart with several `file` fields as the send page's
// drag and drop gives them), send a draft, the inbox and outbox (50 a page), receive (download and
// mark received), licences, and the reconcile of a month. A set refused for its files' contents
// (CH15) carries their check rows, which the send page lists (docs/web.md). An office acts with its KJ account and, when
// the server checks them, the same certificate as for 電子請求 (seed 001 §3); another office's set
// answers 403 whether it exists or not. Every refusal carries its CHnn code and rule.
#include <algorithm>

#include <fmt/format.h>
#include <sodium.h>

#include "kaigo/careplan/check_list.hpp"
#include "kaigo/careplan/hub_json.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/month/careplan_run.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"

namespace kaigo::server {
namespace {

using auth::Role;

// This request's hub: over the thread's database and the shared office ledger.
struct HubScope {
  explicit HubScope(Scope& scope)
      : world(scope.app().world(scope.db())),
        desk(scope.db(), *world, scope.app().settings(), scope.app().options().db) {}
  std::shared_ptr<const store::TablesInForce> world;
  month::HubDesk desk;
};

// Refusals as the answer: 403 when it is about who may act (not the user's, licences), else 422.
ApiError refusal_error(const auth::Refusals& refusals) {
  nlohmann::json list = nlohmann::json::array();
  bool access = false;
  for (const auto& r : refusals) {
    list.push_back(careplan::to_json(r));
    access = access || r.code == "CH01" || r.code == "CH02" || r.code == "CH03" || r.code == "CH13" || r.code == "CH40";
  }
  const auto& first = refusals.front();
  ApiError e(access ? 403 : 422, first.code, first.message_ja, first.message_en);
  e.extra = {{"rule", first.rule}, {"refusals", list}};
  return e;
}

[[noreturn]] void refuse(const auth::Refusals& refusals) { throw refusal_error(refusals); }

// The rows of the files a set was refused for (CH15), as the send page shows them: file, line, item,
// value, code and message; at most kCheckRowsShown rows a file (the counts say how many there are).
constexpr std::size_t kCheckRowsShown = 100;
nlohmann::json refused_checks(const std::vector<careplan::FileCheck>& checks) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : checks) {
    if (c.ok()) continue;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : c.rows) {
      if (rows.size() == kCheckRowsShown) break;
      rows.push_back(careplan::to_json(row));
    }
    list.push_back({{"file", c.file}, {"error_count", c.error_count}, {"warning_count", c.warning_count}, {"rows", rows}});
  }
  return list;
}

// ?page=&per_page= (50 a page by default, at most 200) over a list the library gives whole: an
// office's mailbox is small beside the month's files.
struct PageOf {
  std::size_t from = 0, to = 0;
  std::int64_t page = 1, per_page = 50;
};
PageOf page_of(const httplib::Request& req, std::size_t total) {
  PageOf p;
  p.per_page = std::clamp<std::int64_t>(parse_int(req.get_param_value("per_page")).value_or(50), 1, 200);
  p.page = std::max<std::int64_t>(1, parse_int(req.get_param_value("page")).value_or(1));
  p.from = std::min(total, static_cast<std::size_t>((p.page - 1) * p.per_page));
  p.to = std::min(total, p.from + static_cast<std::size_t>(p.per_page));
  return p;
}

std::string decoded_base64(const std::string& text, const std::string& name) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), "\r\n", &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw unprocessable("KW70", fmt::format("{} の content_base64 が base64 ではありません", name),
                        fmt::format("content_base64 of {} is not base64", name));
  }
  out.resize(len);
  return out;
}

std::string encoded_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

struct SendBody {
  std::vector<careplan::Upload> files;
  std::string message;
  bool draft = false;
};

SendBody send_body(const httplib::Request& req) {
  SendBody b;
  if (req.is_multipart_form_data()) {
    auto [from, to] = req.files.equal_range("file");
    for (auto it = from; it != to; ++it) b.files.push_back({it->second.filename, it->second.content});
    if (req.has_file("message")) b.message = req.get_file_value("message").content;
    b.draft = req.has_file("draft") && req.get_file_value("draft").content == "true";
  } else {
    auto body = json_body(req);
    auto files = body.find("files");
    if (files == body.end() || !files->is_array()) {
      throw bad_request("KW11", "項目 files（配列）がありません", "the field files (an array) is missing");
    }
    for (const auto& f : *files) {
      if (!f.is_object()) throw bad_request("KW11", "files の要素はオブジェクトです", "each of files is an object");
      auto name = json_string(f, "name");
      b.files.push_back({name, decoded_base64(json_string(f, "content_base64"), name)});
    }
    if (auto m = body.find("message"); m != body.end() && m->is_string()) b.message = m->get<std::string>();
    if (auto d = body.find("draft"); d != body.end() && d->is_boolean()) b.draft = d->get<bool>();
  }
  for (const auto& f : b.files) {
    if (f.name.empty() || f.name.find('/') != std::string::npos || f.name.find('\\') != std::string::npos ||
        escape_control(f.name) != f.name || find_invalid_utf8(f.name) != std::string::npos) {
      throw unprocessable("KW20", fmt::format("ファイル名 「{}」 は使えません", escape_control(f.name)),
                          fmt::format("the file name \"{}\" cannot be used", escape_control(f.name)));
    }
  }
  return b;
}

void answer_sent(Scope& scope, httplib::Response& res, const careplan::SendResult& r, int status) {
  if (!r.refusals.empty()) {
    scope.audit(auth::AuditAction::CareplanSendRefused, "", {{"code", r.refusals.front().code}});
    auto e = refusal_error(r.refusals);
    e.extra["checks"] = refused_checks(r.checks);
    throw e;
  }
  scope.audit(r.parcel->state == careplan::ParcelState::Draft ? auth::AuditAction::CareplanDraft : auth::AuditAction::CareplanSend, std::to_string(r.parcel->id),
              {{"files", r.parcel->files.size()}, {"withdrawn_persons", r.withdrawn}});
  auto j = careplan::to_json(*r.parcel);
  j["withdrawn_persons"] = r.withdrawn;
  send_json(res, status, j);
}

void send_set(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = send_body(req);
  for (const auto& f : body.files) {
    if (auto n = careplan::parse_file_name(f.name).name) check_office_user_certificate(scope, n->sender.office_no);
  }
  HubScope h(scope);
  answer_sent(scope, res, careplan::send(h.desk.hub(), scope.user(), body.files, body.message, body.draft, scope.now()), 201);
}

void send_draft(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  HubScope h(scope);
  const auto id = parse_int(req.matches[1].str()).value_or(0);
  if (auto p = h.desk.store().parcel(id); p && scope.user().acts_for_office(p->sender_office)) {
    check_office_user_certificate(scope, p->sender_office);
  }
  answer_sent(scope, res, careplan::send_draft(h.desk.hub(), scope.user(), id, scope.now()), 200);
}

template <typename T>
void send_page(httplib::Response& res, const httplib::Request& req, const std::vector<T>& sets) {
  const auto p = page_of(req, sets.size());
  nlohmann::json list = nlohmann::json::array();
  for (auto i = p.from; i < p.to; ++i) list.push_back(careplan::to_json(sets[i]));
  send_json(res, 200, {{"total", sets.size()}, {"page", p.page}, {"per_page", p.per_page}, {"sets", list}});
}

void inbox(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  HubScope h(scope);
  send_page(res, req, careplan::inbox(h.desk.hub(), scope.user()));
}

void outbox(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  HubScope h(scope);
  send_page(res, req, careplan::outbox(h.desk.hub(), scope.user()));
}

void receive(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  HubScope h(scope);
  const auto id = parse_int(req.matches[1].str()).value_or(0);
  const auto office = req.get_param_value("office");
  auto r = careplan::fetch(h.desk.hub(), scope.user(), id, office, scope.now());
  if (!r.refusals.empty()) {
    if (r.refusals.front().code == "CH40") throw forbidden();
    refuse(r.refusals);
  }
  check_office_user_certificate(scope, r.entry->office);
  scope.audit(auth::AuditAction::CareplanReceive, std::to_string(id), {{"office", r.entry->office}, {"files", r.files.size()}});
  auto j = careplan::to_json(*r.entry);
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : r.files) files.push_back({{"name", f.name}, {"content_base64", encoded_base64(f.bytes)}});
  j["contents"] = files;
  send_json(res, 200, j);
}

void licences(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto office = req.get_param_value("office");
  const auto& u = scope.user();
  if (!(u.is_kokuhoren() || u.is_admin() || u.acts_for_office(office))) throw forbidden();
  HubScope h(scope);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& l : h.desk.store().licences_of(office)) list.push_back(careplan::to_json(l));
  send_json(res, 200, {{"office", office}, {"licences", list}});
}

void add_licence(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  const auto office = json_string(body, "office");
  auto day = Date::parse(json_string(body, "applied_on"));
  if (!day) throw unprocessable("KW71", "applied_on は YYYYMMDD の日付です", "applied_on must be a date YYYYMMDD");
  HubScope h(scope);
  auto r = careplan::apply_licence(h.desk.store(), h.world->offices, office, *day, scope.now(), scope.user().id,
                                   scope.app().settings());
  if (!r.refusals.empty()) {
    scope.audit(auth::AuditAction::CareplanLicenceRefused, office, {{"code", r.refusals.front().code}});
    refuse(r.refusals);
  }
  scope.audit(auth::AuditAction::CareplanLicence, office, careplan::to_json(*r.licence));
  send_json(res, 201, careplan::to_json(*r.licence));
}

void reconcile(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  const auto& u = scope.user();
  const bool staff = u.is_kokuhoren() || u.is_admin();
  auto report = month::run_reconcile(scope.app().options().db, month, scope.now());
  if (!staff) {
    // An office sees its own 明細書, the 給付管理票 files it should send, and the differences of its lines
    // or of the persons it plans for.
    std::set<std::string> planned;
    for (const auto& p : report.plans) {
      if (u.acts_for_office(p.support_office_no)) planned.insert(p.insured_no.str());
    }
    std::erase_if(report.claims, [&](const careplan::ClaimPrediction& c) { return !u.acts_for_office(c.claim.statement.key.office_no); });
    std::erase_if(report.files, [&](const careplan::PlanFile& f) { return !u.acts_for_office(f.office_no); });
    std::erase_if(report.plans, [&](const billing::BenefitPlan& p) { return !u.acts_for_office(p.support_office_no); });
    std::erase_if(report.differences, [&](const careplan::UnitsDifference& d) {
      return !u.acts_for_office(d.office_no) && !planned.count(d.person.insured_no);
    });
    report.problems.clear();
  }
  scope.audit(auth::AuditAction::CareplanReconcile, month.str(), {{"claims", report.claims.size()}});
  auto j = careplan::to_json(report, req.get_param_value("all") == "1");
  for (std::size_t i = 0; i < report.files.size(); ++i) j["files"][i]["content_base64"] = encoded_base64(report.files[i].bytes);
  send_json(res, 200, j);
}

}  // namespace

void add_careplan_routes(std::vector<Route>& r) {
  const auto offices = Access::only({Role::Office});
  const auto readers = Access::only({Role::Office, Role::Kokuhoren, Role::Admin});
  r.push_back({"POST", "/api/careplan/sets", "/api/careplan/sets", offices, true, true, send_set});
  r.push_back({"POST", R"(/api/careplan/drafts/(\d+)/send)", "/api/careplan/drafts/{id}/send", offices, true, true, send_draft});
  r.push_back({"GET", "/api/careplan/inbox", "/api/careplan/inbox", offices, false, false, inbox});
  r.push_back({"GET", "/api/careplan/outbox", "/api/careplan/outbox", offices, false, false, outbox});
  r.push_back({"POST", R"(/api/careplan/sets/(\d+)/receive)", "/api/careplan/sets/{id}/receive", offices, true, true, receive});
  r.push_back({"GET", "/api/careplan/licences", "/api/careplan/licences", readers, false, false, licences});
  r.push_back({"POST", "/api/careplan/licences", "/api/careplan/licences", Access::only({Role::Kokuhoren, Role::Admin}), true,
               false, add_licence});
  r.push_back({"GET", R"(/api/careplan/reconcile/(\d{6}))", "/api/careplan/reconcile/{month}", readers, false, false, reconcile});
}

}  // namespace kaigo::server
