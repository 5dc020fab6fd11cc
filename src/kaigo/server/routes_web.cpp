// Routes the web pages read (docs/web.md), each a page at a time on the server: the error codes
// with their cause and remedy; one file's 事前チェック errors sorted and filtered, with the file's
// state, history and until when it may be cancelled; the decisions of an office, a person or a file
// with every reason; an office's month (outcomes with amounts, payment, reasons by code) and a
// 帳票's HTML to show inside the page; the operator's month at a glance (files by day and state,
// offices that have not sent, the review's progress) and its decisions by code; accounts and
// certificates (list, add, lock, issue, revoke).
// An office sees only its own offices; anything else answers 403 without saying whether it exists.
#include <fmt/format.h>

#include <openssl/evp.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <map>
#include <tuple>
#include <mutex>
#include <iterator>
#include <random>
#include <set>

#include "kaigo/auth/certificates.hpp"
#include "kaigo/core/error_codes.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/month/submission_json.hpp"
#include "kaigo/precheck/error_list.hpp"
#include "kaigo/reception/window.hpp"
#include "kaigo/report/render_all.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"
#include "kaigo/store/tables.hpp"
#include "kaigo/store/view_store.hpp"

namespace kaigo::server {
namespace {

namespace fs = std::filesystem;
using auth::Role;
using nlohmann::json;

bool staff(const auth::User& u) { return u.is_kokuhoren() || u.is_admin(); }

// ?page=&per_page= (per_page at most `max`).
store::PageRequest page_of(const httplib::Request& req, std::int64_t per_page_default = 50, std::int64_t max = 200) {
  const auto per_page = std::clamp<std::int64_t>(parse_int(req.get_param_value("per_page")).value_or(per_page_default), 1, max);
  const auto page = std::clamp<std::int64_t>(parse_int(req.get_param_value("page")).value_or(1), 1, 1'000'000);
  return {(page - 1) * per_page, per_page};
}

json page_json(const store::PageRequest& p, std::int64_t total) {
  return {{"total", total}, {"page", p.offset / p.limit + 1}, {"per_page", p.limit}};
}

// ---- error codes -----------------------------------------------------------------------------

json code_json(const ErrorCode& c) {
  return {{"code", c.code},         {"title_ja", c.title_ja},   {"title_en", c.title_en},
          {"cause_ja", c.cause_ja}, {"action_ja", c.action_ja}, {"cause_en", c.cause_en},
          {"action_en", c.action_en}};
}

// Every code (about a hundred), or those of ?code=A,B,C.
void codes(Scope&, const httplib::Request& req, httplib::Response& res) {
  std::set<std::string, std::less<>> wanted;
  const auto list_text = req.get_param_value("code");  // split's views point into it
  for (auto c : split(list_text, ',')) {
    if (!trim(c).empty()) wanted.emplace(trim(c));
  }
  json list = json::array();
  for (const auto& c : error_codes()) {
    if (wanted.empty() || wanted.count(c.code)) list.push_back(code_json(c));
  }
  res.set_header("Cache-Control", "private, max-age=3600");
  send_json(res, 200, {{"codes", list}});
}

// ---- one file's error list ---------------------------------------------------------------------

reception::Submission visible_head(Scope& scope, const std::string& id_text) {
  auto id = parse_int(id_text);
  auto s = id ? store::ViewStore(scope.db()).submission_head(*id) : std::nullopt;
  const auto& u = scope.user();
  if (!s) throw staff(u) ? not_found() : forbidden();
  if (!may_see_submission(u, *s)) throw forbidden();
  return *s;
}

json head_json(Scope& scope, const reception::Submission& s) {
  auto j = month::submission_summary_json(s);
  j["office_no"] = s.office_no;
  j["data_type"] = s.data_type;
  json history = json::array();
  for (const auto& h : scope.db().history(s.id)) {
    history.push_back({{"state", enum_ja(h.state)}, {"state_code", enum_code(h.state)},
                       {"at", h.at.str()}, {"note", h.note}});
  }
  j["history"] = history;
  const auto& settings = scope.app().settings().reception;
  const bool cancellable_state = s.state == reception::FileState::Accepted || s.state == reception::FileState::FormatErrors;
  j["cancel_until"] = s.processing_month ? json(reception::cancel_until(*s.processing_month, settings).str()) : json(nullptr);
  j["cancellable"] = cancellable_state && s.processing_month &&
                     reception::cancel_open(scope.now(), *s.processing_month, settings);
  return j;
}

void submission_errors(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto s = visible_head(scope, req.matches[1]);
  store::ErrorQuery q;
  q.code = req.get_param_value("code");
  q.text = req.get_param_value("q");
  if (req.has_param("sort")) q.sort = req.get_param_value("sort");
  q.descending = req.get_param_value("order") == "desc";
  q.page = page_of(req, 100, 500);
  auto page = store::ViewStore(scope.db()).errors(s.id, q);
  json rows = json::array();
  for (auto& [seq, e] : page.rows) {
    e.file = s.file_name;
    auto row = precheck::to_json(e);
    row["seq"] = seq;
    rows.push_back(std::move(row));
  }
  json codes = json::array();
  for (const auto& c : page.codes) {
    const auto* text = find_error_code(c.code);
    codes.push_back({{"code", c.code}, {"count", c.count}, {"title_ja", text ? text->title_ja : ""}});
  }
  auto j = page_json(q.page, page.total);
  j["submission"] = head_json(scope, s);
  j["file_total"] = page.file_total;
  j["codes"] = codes;
  j["rows"] = rows;
  send_json(res, 200, j);
}

// ---- decisions ---------------------------------------------------------------------------------

json finding_json(const store::FindingRow& f) {
  json j{{"kind", f.kind},         {"code", f.code},   {"list_reason", f.list_reason},
         {"cut", f.cut},           {"service_type", f.service_type}, {"item", f.item},
         {"found", f.found},       {"expected", f.expected},         {"message_ja", f.message_ja},
         {"message_en", f.message_en}};
  return j;
}

json findings_json(const std::vector<store::FindingRow>& list) {
  json out = json::array();
  for (const auto& f : list) out.push_back(finding_json(f));
  return out;
}

json claim_json(const store::ClaimDecisionRow& r) {
  return {{"month", r.month},
          {"claim_id", r.claim_id},
          {"kind", r.kind},
          {"submission", r.submission},
          {"outcome", r.outcome},
          {"released", r.released},
          {"held_since", r.held_since},
          {"form_id", r.form_id},
          {"office_no", r.office_no},
          {"insurer_no", r.insurer_no},
          {"insured_no", r.insured_no},
          {"service_month", r.service_month},
          {"written", {{"units", r.written_units}, {"claim", r.written_claim}, {"burden", r.written_burden}}},
          {"decided", {{"units", r.decided_units}, {"claim", r.decided_claim}, {"burden", r.decided_burden}}},
          {"findings", findings_json(r.findings)}};
}

json plan_json(const store::PlanDecisionRow& r) {
  return {{"month", r.month},
          {"plan_id", r.plan_id},
          {"submission", r.submission},
          {"outcome", r.outcome},
          {"insurer_no", r.insurer_no},
          {"insured_no", r.insured_no},
          {"service_month", r.service_month},
          {"support_office_no", r.support_office_no},
          {"create_kind", r.create_kind},
          {"findings", findings_json(r.findings)}};
}

ApiError narrower() {
  return bad_request("KW14", "事業所番号・被保険者番号・受付番号のいずれかを指定してください",
                     "give an office, an insured person or a submission");
}

// ?type=claims|plans&month=&office=&insurer_no=&insured_no=&submission=&outcome=&page=&per_page=
void decisions(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto& u = scope.user();
  store::DecisionQuery q;
  if (req.has_param("month")) q.month = month_param(req.get_param_value("month"));
  q.office_no = req.get_param_value("office");
  q.insurer_no = req.get_param_value("insurer_no");
  q.insured_no = req.get_param_value("insured_no");
  if (req.has_param("submission")) {
    q.submission = parse_int(req.get_param_value("submission"));
    if (!q.submission) throw bad_request("KW15", "受付番号は数字です", "a submission id is a number");
  }
  q.outcome = req.get_param_value("outcome");
  q.page = page_of(req);
  if (q.office_no.empty() && q.insured_no.empty() && !q.submission) throw narrower();
  // An office reads its own offices' decisions only: the office is part of every query it makes.
  if (!staff(u) && (q.office_no.empty() || !u.acts_for_office(q.office_no))) throw forbidden();
  const bool plans = req.get_param_value("type") == "plans";
  store::ViewStore views(scope.db());
  json j;
  if (plans) {
    auto page = views.plan_decisions(q);
    json rows = json::array();
    for (const auto& r : page.rows) rows.push_back(plan_json(r));
    j = page_json(q.page, page.total);
    j["rows"] = rows;
  } else {
    auto page = views.claim_decisions(q);
    json rows = json::array();
    for (const auto& r : page.rows) rows.push_back(claim_json(r));
    j = page_json(q.page, page.total);
    j["rows"] = rows;
  }
  j["type"] = plans ? "plans" : "claims";
  // A person's decisions are personal data: who looked is kept.
  scope.audit(auth::AuditAction::ViewDecisions, q.submission ? std::to_string(*q.submission) : q.office_no,
              {{"type", j["type"]}, {"month", q.month ? q.month->str() : ""}, {"office_no", q.office_no}},
              q.insurer_no, q.insured_no);
  send_json(res, 200, j);
}

// ---- an office's month (通知文書) --------------------------------------------------------------

json reasons_json(const std::vector<store::ReasonCount>& list) {
  json out = json::array();
  for (const auto& r : list) {
    json j{{"kind", r.kind}, {"code", r.code}, {"documents", r.documents}};
    if (r.kind == "error") {
      if (const auto* t = find_error_code(r.code)) j["title_ja"] = t->title_ja;
    }
    out.push_back(std::move(j));
  }
  return out;
}

json outcomes_json(const std::vector<store::OutcomeTotals>& list) {
  json out = json::object();
  for (const auto& o : list) {
    out[o.outcome] = {{"count", o.count},
                      {"written_units", o.written_units},
                      {"written_claim", o.written_claim},
                      {"decided_units", o.decided_units},
                      {"decided_claim", o.decided_claim}};
  }
  return out;
}

json counts_json(const std::vector<store::CodeCount>& list) {
  json out = json::object();
  for (const auto& c : list) out[c.code] = c.count;
  return out;
}

bool decided(reception::MonthState s) {
  return s == reception::MonthState::Reviewed || s == reception::MonthState::Settled;
}

void office_summary(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  const auto office = req.matches[2].str();
  const auto& u = scope.user();
  if (!staff(u) && !u.acts_for_office(office)) throw forbidden();
  const auto state = scope.db().month(month).state;
  json j{{"month", month.str()},
         {"office_no", office},
         {"state", enum_ja(state)},
         {"state_code", enum_code(state)},
         {"claims", json::object()},
         {"plans", json::object()},
         {"reasons", json::array()},
         {"payment", nullptr}};
  if (decided(state)) {
    store::ViewStore views(scope.db());
    j["claims"] = outcomes_json(views.claim_outcomes(month, office));
    j["plans"] = counts_json(views.plan_outcomes(month, office));
    j["reasons"] = reasons_json(views.reasons(month, office));
    if (auto p = views.payment(month, office)) {
      j["payment"] = {{"transfer", p->transfer}, {"carried_out", p->carried_out}, {"billed", p->billed}};
    }
  }
  if (auto* world = &scope.desk().world(); const auto* o = world->offices.find_any(office, month.plus_months(-1))) {
    j["office_name"] = o->name;
  }
  send_json(res, 200, j);
}

// A 帳票's HTML to show inside the notices page: sandboxed (no script, no form, no navigation),
// framed by this server's pages only.
void notice_view(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  const auto office = req.matches[2].str();
  const auto form = req.matches[3].str();
  if (!staff(scope.user()) && !scope.user().acts_for_office(office)) throw forbidden();
  if (scope.db().month(month).state != reception::MonthState::Settled) throw not_found();
  const auto page = scope.app().results_dir(month) / office / (form + ".html");
  if (!report::printed_on_demand(page)) throw not_found();
  std::ifstream in(page, std::ios::binary);
  if (!in) throw not_found();
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  scope.audit(auth::AuditAction::View, fmt::format("{}/{}/{}.html", month.str(), office, form), {{"bytes", bytes.size()}});
  res.set_header("Content-Security-Policy",
                 "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
  res.set_header("X-Frame-Options", "SAMEORIGIN");
  res.set_header("Cache-Control", "private, no-store");
  res.status = 200;
  res.set_content(std::move(bytes), "text/html; charset=utf-8");
}

// ---- the operator's month ----------------------------------------------------------------------

// How far the running job is: the review by its decided documents; the results by the official
// files written so far into the folder being written (month/results_folder writes beside DIR, then
// renames), of a total known only at the end ("of" 0: the page shows a running bar).
json job_progress(Scope& scope, const JobStatus& job) {
  if (job.finished_at) return {{"done", 1}, {"of", 1}};
  if (job.kind == auth::AuditAction::Review) {
    auto [done, of] = store::ViewStore(scope.db()).review_progress(job.month);
    return {{"done", std::min(done, of)}, {"of", of}};
  }
  std::int64_t csv = 0;
  std::error_code ec;
  const auto dir = scope.app().results_dir(job.month);
  const auto staging_prefix = "." + dir.filename().string() + ".kaigo-tmp-";
  for (const auto& e : fs::directory_iterator(dir.parent_path(), ec)) {
    if (!starts_with(e.path().filename().string(), staging_prefix)) continue;
    for (const auto& f : fs::recursive_directory_iterator(e.path(), ec)) {
      if (f.path().extension() == ".CSV") ++csv;
    }
  }
  return {{"done", csv}, {"of", 0}};
}

// A job with how far it is, for the month page.
json job_with_progress(Scope& scope, const JobStatus& j) {
  auto out = job_json(j);
  out["progress"] = job_progress(scope, j);
  return out;
}

// Offices registered for the service month (処理年月 − 1) without a file that reached reception.
std::vector<std::pair<std::string, std::string>> offices_not_sent(Scope& scope, YearMonth month) {
  const auto sent = store::ViewStore(scope.db()).offices_with_files(month);
  const std::set<std::string_view> have(sent.begin(), sent.end());
  std::map<std::string, std::string> expected;
  const auto service_month = month.plus_months(-1);
  scope.desk().world().offices.table().for_each([&](const auto&, const master::Office& o) {
    if (o.period.overlaps_month(service_month) && !have.count(o.office_no)) expected.emplace(o.office_no, o.name);
  });
  return {expected.begin(), expected.end()};
}

void overview(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  const auto record = scope.db().month(month);
  store::ViewStore views(scope.db());
  json days = json::array();
  for (const auto& d : views.files_by_day(month)) {
    const auto state = parse_enum<reception::FileState>(d.state);
    days.push_back({{"day", d.day}, {"state_code", d.state}, {"state", state ? enum_ja(*state) : d.state},
                    {"count", d.count}});
  }
  const auto unsent = offices_not_sent(scope, month);
  const auto p = page_of(req, 20, 200);
  json unsent_rows = json::array();
  for (auto i = static_cast<std::size_t>(p.offset); i < unsent.size() && i < static_cast<std::size_t>(p.offset + p.limit); ++i) {
    unsent_rows.push_back({{"office_no", unsent[i].first}, {"name", unsent[i].second}});
  }
  auto unsent_json = page_json(p, static_cast<std::int64_t>(unsent.size()));
  unsent_json["rows"] = unsent_rows;
  auto job = scope.app().jobs().latest(month);
  const auto& settings = scope.app().settings().reception;
  send_json(res, 200,
            {{"month", month.str()},
             {"state", enum_ja(record.state)},
             {"state_code", enum_code(record.state)},
             {"since", record.since.str()},
             {"window",
              {{"from", LocalDateTime{{month.year, month.month, 1}, 0, 0, 0}.str()},
               {"to", LocalDateTime{{month.year, month.month, settings.deadline_day}, settings.deadline_time.hour,
                                    settings.deadline_time.minute, 59}
                          .str()}}},
             {"now", scope.now().str()},
             {"files_by_day", days},
             {"offices_not_sent", unsent_json},
             {"job", job ? job_with_progress(scope, *job) : json(nullptr)}});
}

// A month's decisions change only when the month changes state (the review keeps its last
// decisions in the step that makes it 審査済, a 再審査 in the step that makes it 支払済), so they are
// counted once per state and answered from memory after that (a million 明細書 take ~0.3 s).
// A decided month's counts, kept per (database, month, state, since): they change only when the
// month is decided again.
using MonthCountsKey = std::tuple<std::string, std::string, std::string, std::string>;

class MonthCounts {
 public:
  json get(const MonthCountsKey& key, const std::function<json()>& count) {
    {
      std::lock_guard lock(mu_);
      if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    }
    json counted = count();
    std::lock_guard lock(mu_);
    if (by_key_.size() >= 64) by_key_.clear();
    by_key_[key] = counted;
    return counted;
  }

 private:
  std::mutex mu_;
  std::map<MonthCountsKey, json> by_key_;
};

void month_reasons(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  static MonthCounts counts;
  const auto month = month_param(req.matches[1].str());
  const auto record = scope.db().month(month);
  json j{{"month", month.str()},
         {"state", enum_ja(record.state)},
         {"state_code", enum_code(record.state)},
         {"claims", json::object()},
         {"plans", json::object()},
         {"reasons", json::array()}};
  if (decided(record.state)) {
    const MonthCountsKey key{scope.app().options().db.string(), month.str(),
                             std::string(enum_code(record.state)), record.since.str()};
    auto counted = counts.get(key, [&] {
      store::ViewStore views(scope.db());
      json claims = json::object();  // counts only: the month's amounts are in its summary (支払済)
      for (const auto& o : views.claim_outcomes(month)) claims[o.outcome] = o.count;
      return json{{"claims", claims},
                  {"plans", counts_json(views.plan_outcomes(month))},
                  {"reasons", reasons_json(views.reasons(month))}};
    });
    j.update(counted);
  }
  send_json(res, 200, j);
}

// ---- accounts --------------------------------------------------------------------------------

ApiError refusal_error(int status, const auth::Refusals& r) {
  return {status, r.front().code, r.front().message_ja, r.front().message_en};
}

void accounts(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  store::AccountQuery q;
  q.role = req.get_param_value("role");
  q.text = req.get_param_value("q");
  q.page = page_of(req);
  auto page = store::ViewStore(scope.db()).accounts(q);
  json rows = json::array();
  for (const auto& a : page.rows) {
    const bool locked_out = !a.locked_until.empty() && a.locked_until > scope.now().str();
    rows.push_back({{"id", a.user.id},
                    {"role", enum_code(a.user.role)},
                    {"name", a.user.name},
                    {"offices", a.user.offices},
                    {"insurer_no", a.user.insurer_no},
                    {"email", a.user.email},
                    {"failed_logins", a.failed_logins},
                    {"locked_until", locked_out ? json(a.locked_until) : json(nullptr)},
                    {"disabled", a.disabled},
                    {"created_at", a.created_at},
                    {"password_changed_at", a.password_changed_at}});
  }
  auto j = page_json(q.page, page.total);
  j["rows"] = rows;
  send_json(res, 200, j);
}

std::vector<std::string> string_list(const json& body, const char* field) {
  std::vector<std::string> out;
  auto it = body.find(field);
  if (it == body.end()) return out;
  if (!it->is_array()) {
    throw bad_request("KW11", fmt::format("項目 {} は文字列の配列です", field), fmt::format("{} must be an array of strings", field));
  }
  for (const auto& v : *it) {
    if (!v.is_string()) {
      throw bad_request("KW11", fmt::format("項目 {} は文字列の配列です", field), fmt::format("{} must be an array of strings", field));
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

void add_account(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  auth::User u;
  u.id = json_string(body, "id");
  auto role = parse_enum<auth::Role>(json_string(body, "role"));
  if (!role) throw unprocessable("KW16", "役割が正しくありません", "unknown role");
  u.role = *role;
  if (auto job = parse_enum<auth::Job>(body.value("job", std::string()))) u.job = *job;
  u.offices = string_list(body, "offices");
  std::sort(u.offices.begin(), u.offices.end());
  u.medical_code = body.value("medical_code", std::string());
  u.insurer_no = body.value("insurer_no", std::string());
  u.insured_no = body.value("insured_no", std::string());
  u.name = body.value("name", std::string());
  u.email = body.value("email", std::string());
  auto refusals = scope.accounts().add(u, json_string(body, "password"), scope.caller());
  if (!refusals.empty()) throw refusal_error(422, refusals);
  send_json(res, 201, {{"id", u.id}, {"role", enum_code(u.role)}});
}

void lock_or_unlock(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto id = req.matches[1].str();
  const bool lock = req.matches[2].str() == "lock";
  auto refusals = lock ? scope.accounts().lock(id, scope.caller()) : scope.accounts().unlock(id, scope.caller());
  if (!refusals.empty()) throw refusal_error(refusals.front().code == "KA06" ? 404 : 422, refusals);
  send_json(res, 200, {{"id", id}, {"disabled", lock}});
}

// ---- certificates ------------------------------------------------------------------------------

json certificate_json(const auth::CertificateRecord& c, const LocalDateTime& now) {
  return {{"serial", c.serial},
          {"office_no", c.office_no},
          {"offices", c.offices},
          {"applied_on", c.applied_on.str()},
          {"not_before", c.not_before.str()},
          {"not_after", c.not_after.str()},
          {"revoked_at", c.revoked_at ? json(c.revoked_at->str()) : json(nullptr)},
          {"revoke_reason", c.revoke_reason},
          {"state", enum_code(auth::state_at(c, now))}};
}

void certificates(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  store::CertificateQuery q;
  q.office_no = req.get_param_value("office");
  q.page = page_of(req);
  auto page = store::ViewStore(scope.db()).certificates(q);
  json rows = json::array();
  for (const auto& c : page.rows) rows.push_back(certificate_json(c, scope.now()));
  auto j = page_json(q.page, page.total);
  j["rows"] = rows;
  send_json(res, 200, j);
}

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// A private folder for one issue's files, removed with everything in it when done: the key leaves
// the server only inside the PKCS#12 file, protected by the passphrase the administrator gave.
class IssueFolder {
 public:
  IssueFolder() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / fmt::format("kaigo-issue-{}-{:08x}", ::getpid(), rd());
    fs::create_directory(path_);
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::replace);
  }
  ~IssueFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  IssueFolder(const IssueFolder&) = delete;
  IssueFolder& operator=(const IssueFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// {"office_no", "offices": [...], "applied_on": "YYYYMMDD", "passphrase"} → 201 with the record, its
// fee and the PKCS#12 file (base64) to hand to the office. The CA key must be readable where
// `kaigo ca init` recorded it (docs/auth.md): otherwise the refusal says so (KA42).
void issue(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req);
  auth::IssueRequest r;
  r.office_no = json_string(body, "office_no");
  r.offices = string_list(body, "offices");
  auto applied = Date::parse(json_string(body, "applied_on"));
  if (!applied) throw bad_request("KW17", "申請日は YYYYMMDD で指定してください", "applied_on must be YYYYMMDD");
  r.applied_on = *applied;
  auto passphrase = json_string(body, "passphrase");
  if (passphrase.size() < 8) {
    throw unprocessable("KW18", "PKCS#12 のパスフレーズは8文字以上にしてください", "the PKCS#12 passphrase needs at least 8 characters");
  }
  r.p12_passphrase = passphrase;
  IssueFolder folder;
  r.out_dir = folder.path();
  auto issued = auth::issue_certificate(scope.auth_store(), scope.app().settings(), r, scope.caller());
  if (!issued.refusals.empty()) throw refusal_error(422, issued.refusals);
  send_json(res, 201,
            {{"certificate", certificate_json(issued.record, scope.now())},
             {"fee_month", issued.fee.month.str()},
             {"fee_yen", issued.fee_yen ? json(issued.fee_yen->value) : json(nullptr)},
             {"p12_file", issued.record.serial + ".p12"},
             {"p12_base64", base64(read_all(issued.p12_file))}});
}

void revoke(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto serial = req.matches[1].str();
  std::string reason;
  if (!req.body.empty()) reason = json_body(req).value("reason", std::string());
  auto refusals = auth::revoke_certificate(scope.auth_store(), serial, reason, scope.caller());
  if (!refusals.empty()) throw refusal_error(refusals.front().code == "KA48" ? 404 : 409, refusals);
  auto c = scope.auth_store().certificate(serial);
  send_json(res, 200, certificate_json(*c, scope.now()));
}

}  // namespace

void add_web_routes(std::vector<Route>& r) {
  const auto all = Access::only({Role::Office, Role::Kokuhoren, Role::Admin});
  const auto staff_only = Access::only({Role::Kokuhoren, Role::Admin});
  const auto admin = Access::only({Role::Admin});
  r.push_back({"GET", "/api/codes", "/api/codes", Access::logged_in(), false, false, codes});
  r.push_back({"GET", R"(/api/submissions/(\d+)/errors)", "/api/submissions/{id}/errors", all, false, false,
               submission_errors});
  r.push_back({"GET", "/api/decisions", "/api/decisions", all, false, false, decisions});
  r.push_back({"GET", R"(/api/results/(\d{6})/([0-9A-Za-z]{10})/summary)", "/api/results/{month}/{office}/summary", all,
               false, false, office_summary});
  r.push_back({"GET", R"(/api/results/(\d{6})/([0-9A-Za-z]{10})/(\d{4})/view)", "/api/results/{month}/{office}/{form}/view",
               all, false, false, notice_view});
  r.push_back({"GET", R"(/api/months/(\d{6})/overview)", "/api/months/{month}/overview", staff_only, false, false, overview});
  r.push_back({"GET", R"(/api/months/(\d{6})/reasons)", "/api/months/{month}/reasons", staff_only, false, false,
               month_reasons});
  r.push_back({"GET", "/api/accounts", "/api/accounts", staff_only, false, false, accounts});
  r.push_back({"POST", "/api/accounts", "/api/accounts", admin, true, false, add_account});
  r.push_back({"POST", R"(/api/accounts/(KJ[0-9A-Z]{4,18})/(lock|unlock))", "/api/accounts/{id}/{action}", admin, true,
               false, lock_or_unlock});
  r.push_back({"GET", "/api/certificates", "/api/certificates", staff_only, false, false, certificates});
  r.push_back({"POST", "/api/certificates", "/api/certificates", admin, true, false, issue});
  r.push_back({"POST", R"(/api/certificates/([0-9A-F]{1,64})/revoke)", "/api/certificates/{serial}/revoke", admin, true,
               false, revoke});
}

}  // namespace kaigo::server
