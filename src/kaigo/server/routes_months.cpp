// Routes of the 国保連 operator: the processing months and their states, closing a month, and the
// review and results of a month run in the background (one at a time), with the month's summary.
#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "kaigo/month/results_run.hpp"
#include "kaigo/month/review_run.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"

namespace kaigo::server {
namespace {

using auth::Role;

nlohmann::json month_json(const reception::MonthRecord& m) {
  return {{"month", m.month.str()},
          {"state", enum_ja(m.state)},
          {"state_code", enum_code(m.state)},
          {"since", m.since.str()},
          {"note", m.note}};
}

void months(Scope& scope, const httplib::Request&, httplib::Response& res) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : scope.db().months()) list.push_back(month_json(m));
  send_json(res, 200, {{"months", list}});
}

void close(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  auto step = scope.desk().reception().close_month(month, scope.now());
  scope.audit(step.done ? auth::AuditAction::MonthClose : auth::AuditAction::MonthCloseRefused, month.str());
  if (!step.done) throw conflict("KW50", step.message_ja, step.message_en);
  send_json(res, 200, month_json(scope.db().month(month)));
}

JobStatus finished(JobStatus j, bool ok, std::string ja, std::string en, nlohmann::json report, LocalDateTime at) {
  j.finished_at = at;
  j.ok = ok;
  j.message_ja = std::move(ja);
  j.message_en = std::move(en);
  j.report = std::move(report);
  return j;
}

void start_job(Scope& scope, httplib::Response& res, JobStatus status, std::function<JobStatus(JobStatus)> work) {
  if (!scope.app().jobs().start(status, std::move(work))) {
    throw conflict("KW51", "審査または支払処理が実行中です。終わってから実行してください",
                   "a review or a settlement is running; start this when it has finished");
  }
  scope.audit(status.kind, status.month.str());
  send_json(res, 202, {{"month", status.month.str()}, {"job", job_json(status)}});
}

void review(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  bool again = false;
  if (!req.body.empty()) again = json_body(req).value("again", false);
  App& app = scope.app();
  JobStatus status{auth::AuditAction::Review, month, scope.user().id, scope.now(), std::nullopt, false, "", "", nullptr};
  start_job(scope, res, status, [&app, again](JobStatus j) {
    try {
      auto run = month::run_review(app.options().db, j.month, app.now(), again);
      if (!run.step.done) return finished(j, false, run.step.message_ja, run.step.message_en, nullptr, app.now());
      nlohmann::json report{{"files_sent", run.step.files_sent},
                            {"plans", run.report.plans},
                            {"claims", run.report.claims},
                            {"released", run.report.released},
                            {"returned_at_reception", run.report.returned_at_reception}};
      return finished(j, true, "審査が終わりました", "the review is done", report, app.now());
    } catch (const std::exception& e) {
      return finished(j, false, std::string("審査が止まりました: ") + e.what(), std::string("the review stopped: ") + e.what(),
                      nullptr, app.now());
    }
  });
}

void results(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  App& app = scope.app();
  JobStatus status{auth::AuditAction::Results, month, scope.user().id, scope.now(), std::nullopt, false, "", "", nullptr};
  start_job(scope, res, status, [&app](JobStatus j) {
    try {
      month::ResultsOptions o;
      o.month = j.month;
      o.out = app.results_dir(j.month);
      auto run = month::run_results(app.options().db, o, app.now());
      if (!run.step.done) return finished(j, false, run.step.message_ja, run.step.message_en, nullptr, app.now());
      if (!run.problems.empty()) {
        return finished(j, false, "金額が合わないため帳票を作りませんでした", "the money does not balance; no results written",
                        run.problems, app.now());
      }
      nlohmann::json report{{"offices", run.offices},
                            {"official_files", run.official_files},
                            {"printed_files", run.printed_files},
                            {"transfers", run.transfers.value}};
      return finished(j, true, "帳票を作りました", "the results are written", report, app.now());
    } catch (const std::exception& e) {
      return finished(j, false, std::string("支払処理が止まりました: ") + e.what(),
                      std::string("the settlement stopped: ") + e.what(), nullptr, app.now());
    }
  });
}

void summary(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  nlohmann::json j = month_json(scope.db().month(month));
  auto job = scope.app().jobs().latest(month);
  j["job"] = job ? job_json(*job) : nlohmann::json(nullptr);
  j["summary"] = nullptr;
  if (scope.db().month(month).state == reception::MonthState::Settled) {
    std::ifstream in(scope.app().results_dir(month) / "summary.json", std::ios::binary);
    if (in) {
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      j["summary"] = nlohmann::json::parse(text, nullptr, false);
    }
  }
  send_json(res, 200, j);
}

}  // namespace

void add_month_routes(std::vector<Route>& r) {
  const auto staff = Access::only({Role::Kokuhoren, Role::Admin});
  r.push_back({"GET", "/api/months", "/api/months", staff, false, false, months});
  r.push_back({"POST", R"(/api/months/(\d{6})/close)", "/api/months/{month}/close", staff, true, false, close});
  r.push_back({"POST", R"(/api/months/(\d{6})/review)", "/api/months/{month}/review", staff, true, false, review});
  r.push_back({"POST", R"(/api/months/(\d{6})/results)", "/api/months/{month}/results", staff, true, false, results});
  r.push_back({"GET", R"(/api/months/(\d{6})/summary)", "/api/months/{month}/summary", staff, false, false, summary});
}

}  // namespace kaigo::server
