// Routes of 電子請求受付 (seed 002 §3): send a file, the 送信結果 list, one file with its 事前チェック
// errors (JSON and the seed's CSV), and 取消. An office sees only its offices' files and those it
// sent; anything else answers 403 whether it exists or not.
#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/month/submission_json.hpp"
#include "kaigo/precheck/error_list.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"

namespace kaigo::server {
namespace {

using auth::Role;

// %XX in an X-File-Name header (names in Japanese are sent percent-encoded).
std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A file name as a sender may give it: one plain name, no folders, no control characters.
void check_file_name(const std::string& name) {
  auto refuse = [&](std::string_view why_ja, std::string_view why_en) {
    throw unprocessable("KW20", fmt::format("ファイル名 「{}」 は使えません（{}）", escape_control(name), why_ja),
                        fmt::format("the file name \"{}\" cannot be used ({})", escape_control(name), why_en));
  };
  if (name.empty()) refuse("空です", "it is empty");
  if (name.size() > 255) refuse("255 バイトを超えています", "longer than 255 bytes");
  if (find_invalid_utf8(name) != std::string::npos) refuse("UTF-8 ではありません", "not UTF-8");
  if (escape_control(name) != name) refuse("制御文字を含みます", "it holds control characters");
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
    refuse("フォルダの区切りを含みます", "it holds a folder separator");
  }
  if (name == "." || name == "..") refuse("ファイル名ではありません", "not a file name");
}

// The 事業所番号 of the control record (item 8 of the first line), read only to decide whether
// this account may send the file; the pre-check reads the whole file afterwards.
std::string control_office_no(std::string_view bytes) {
  auto end = bytes.find_first_of("\r\n");
  auto line = bytes.substr(0, std::min<std::size_t>(end == std::string_view::npos ? bytes.size() : end, 4096));
  auto cells = split(line, ',');
  if (cells.size() < 8) return {};
  auto cell = trim(cells[7]);
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = cell.substr(1, cell.size() - 2);
  return std::string(cell);
}

reception::Submission visible_submission(Scope& scope, const std::string& id_text) {
  auto id = parse_int(id_text);
  auto s = id ? scope.db().submission(*id) : std::nullopt;
  const auto& u = scope.user();
  if (!s) throw (u.is_kokuhoren() || u.is_admin()) ? not_found() : forbidden();
  if (!may_see_submission(u, *s)) throw forbidden();
  return *s;
}

void upload(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  std::string name;
  const std::string* bytes = &req.body;
  if (req.is_multipart_form_data()) {
    if (!req.has_file("file")) {
      throw bad_request("KW21", "multipart の項目 file がありません", "the multipart field \"file\" is missing");
    }
    const auto& f = req.files.find("file")->second;
    name = f.filename;
    bytes = &f.content;
  } else {
    name = percent_decoded(req.get_header_value("X-File-Name"));
  }
  check_file_name(name);
  const auto& u = scope.user();
  const auto office = control_office_no(*bytes);
  // A 代理請求 clerk who chose the office to act for (the pages send it) is told at once when the
  // file names another one.
  const auto acting = req.get_header_value("X-Acting-Office");
  if (!acting.empty() && !office.empty() && acting != office) {
    throw unprocessable("KW22",
                        fmt::format("このファイルは事業所番号 {} のものです（選択中の事業所は {}）", escape_control(office),
                                    escape_control(acting)),
                        fmt::format("this file is office {}'s (the office chosen is {})", escape_control(office),
                                    escape_control(acting)));
  }
  auto peer = scope.peer();
  if (!office.empty() && (!u.acts_for_office(office) || (peer && !peer->speaks_for(office)))) {
    scope.audit(auth::AuditAction::UploadRefused, office, {{"file", name}});
    throw ApiError(403, "KR04",
                   fmt::format("事業所番号 {} のファイルは、このアカウント{}では送信できません（外部エラー）", escape_control(office),
                               peer ? "と電子証明書" : ""),
                   fmt::format("this account{} cannot send files of office {} (external error)",
                               peer ? " and certificate" : "", escape_control(office)));
  }
  const auto key = req.get_header_value("Idempotency-Key");
  if (key.size() > 128 || escape_control(key) != key || find_invalid_utf8(key) != std::string::npos) {
    throw bad_request("KW22", "Idempotency-Key は128バイトまでの印字可能な文字にしてください",
                      "Idempotency-Key must be at most 128 bytes of printable characters");
  }
  const auto before = key.empty() ? std::nullopt : scope.db().submission_with_key(u.id, key);
  // The file's commits (arrival, outcome, audit) do not each wait for the disk; one sync of the log,
  // shared with the uploads answered at the same time, makes them durable before the answer.
  store::Database::DeferredSync deferred(scope.db());
  auto s = scope.desk().submit(name, *bytes, scope.now(), u.id, key);
  if (before) {
    // A retry of a file already received: answered as it stands, stored once.
    deferred.durable_in(scope.app().upload_sync());
    auto j = month::submission_json(s);
    j["replayed"] = true;
    send_json(res, 200, j);
    return;
  }
  scope.audit(auth::AuditAction::Upload, std::to_string(s.id),
              {{"file", s.file_name}, {"office_no", s.office_no}, {"state", enum_code(s.state)},
               {"sha256", s.sha256}, {"bytes", s.size}});
  deferred.durable_in(scope.app().upload_sync());
  send_json(res, 201, month::submission_json(s));
}

void list_submissions(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto& u = scope.user();
  store::Database::SubmissionFilter f;
  if (req.has_param("month")) f.month = month_param(req.get_param_value("month"));
  f.everyone = u.is_kokuhoren() || u.is_admin();
  f.offices = u.offices;
  f.sender = u.id;
  if (req.has_param("office")) {
    // One office's files (the office acted for, or an operator's look-up).
    const auto office = req.get_param_value("office");
    if (!f.everyone && !u.acts_for_office(office)) throw forbidden();
    f.everyone = false;
    f.offices = {office};
    f.sender.clear();
  }
  const auto per_page = std::clamp<std::int64_t>(parse_int(req.get_param_value("per_page")).value_or(50), 1, 500);
  const auto page = std::max<std::int64_t>(parse_int(req.get_param_value("page")).value_or(1), 1);
  f.limit = per_page;
  f.offset = (page - 1) * per_page;
  auto result = scope.db().list_submissions(f);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& s : result.rows) rows.push_back(month::submission_summary_json(s));
  send_json(res, 200, {{"total", result.total}, {"page", page}, {"per_page", per_page}, {"submissions", rows}});
}

void one_submission(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto s = visible_submission(scope, req.matches[1]);
  auto j = month::submission_json(s);
  nlohmann::json history = nlohmann::json::array();
  for (const auto& h : scope.db().history(s.id)) {
    history.push_back({{"state", enum_ja(h.state)}, {"state_code", enum_code(h.state)},
                       {"at", h.at.str()}, {"note", h.note}});
  }
  j["history"] = history;
  send_json(res, 200, j);
}

void errors_csv(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto s = visible_submission(scope, req.matches[1]);
  std::vector<precheck::FileResult> files{month::as_file_result(s)};
  res.status = 200;
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"errors-{}.csv\"", s.id));
  res.set_content(precheck::format_csv(files), "text/csv; charset=utf-8");
}

void cancel(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  auto s = visible_submission(scope, req.matches[1]);
  if (scope.user().role != Role::Office) throw forbidden();
  auto r = scope.desk().cancel(s.id, scope.now());
  scope.audit(r.cancelled ? auth::AuditAction::Cancel : auth::AuditAction::CancelRefused, std::to_string(s.id), {{"file", s.file_name}});
  if (!r.cancelled) throw conflict("KW40", r.message_ja, r.message_en);
  send_json(res, 200, month::submission_summary_json(*scope.db().submission(s.id)));
}

}  // namespace

bool may_see_submission(const auth::User& u, const reception::Submission& s) {
  if (u.is_kokuhoren() || u.is_admin()) return true;
  if (u.role != Role::Office) return false;
  return s.sender == u.id || (!s.office_no.empty() && u.acts_for_office(s.office_no));
}

void add_submission_routes(std::vector<Route>& r) {
  const auto staff = Access::only({Role::Office, Role::Kokuhoren, Role::Admin});
  r.push_back({"POST", "/api/submissions", "/api/submissions", Access::only({Role::Office}), true, true, upload});
  r.push_back({"GET", "/api/submissions", "/api/submissions", staff, false, false, list_submissions});
  r.push_back({"GET", R"(/api/submissions/(\d+))", "/api/submissions/{id}", staff, false, false, one_submission});
  r.push_back({"GET", R"(/api/submissions/(\d+)/errors\.csv)", "/api/submissions/{id}/errors.csv", staff, false, false,
               errors_csv});
  r.push_back({"POST", R"(/api/submissions/(\d+)/cancel)", "/api/submissions/{id}/cancel", Access::only({Role::Office}),
               true, true, cancel});
}

}  // namespace kaigo::server
