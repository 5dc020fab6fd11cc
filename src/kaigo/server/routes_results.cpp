// Routes of the month's notices (通知文書): the list of an office's result files of a settled month
// and each file's bytes (official CSV, PDF, HTML; a PDF or HTML is printed when first asked for).
// An office sees only its own offices' folders.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <regex>

#include "kaigo/exchange/layout.hpp"
#include "kaigo/report/render_all.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"

namespace kaigo::server {
namespace {

namespace fs = std::filesystem;
using auth::Role;

bool may_read_office(const auth::User& u, const std::string& office_no) {
  if (u.is_kokuhoren() || u.is_admin()) return true;
  return u.role == Role::Office && u.acts_for_office(office_no);
}

// The lists that are not 交換情報 (report/office_lists) have no form code; their stem stands for it.
std::string office_list_title(const std::string& stem) {
  if (stem == "review-status") return "事業所別審査状況一覧表";
  if (stem == "treatment-bonus") return "介護職員処遇改善加算等総額・内訳のお知らせ";
  return {};
}

std::string content_type(const fs::path& p) {
  auto ext = p.extension().string();
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".csv") return "text/csv; charset=utf-8";  // the office lists (report/office_lists)
  return "text/csv; charset=Shift_JIS";  // the official files are CP932
}

void notices(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  const auto& u = scope.user();
  if (u.role != Role::Office && !u.is_kokuhoren() && !u.is_admin()) throw forbidden();
  const auto dir = scope.app().results_dir(month);
  const auto state = scope.db().month(month).state;
  nlohmann::json list = nlohmann::json::array();
  std::error_code ec;
  if (state == reception::MonthState::Settled && fs::is_directory(dir, ec)) {
    std::vector<fs::path> offices;
    // ?office=: that office's notices only (a page shows one office at a time).
    const auto only = req.get_param_value("office");
    if (!only.empty() && !auth::is_office_no(only)) {
      throw bad_request("KW19", "事業所番号は英数字10桁です", "an office number is 10 letters or digits");
    }
    if (!only.empty() && !may_read_office(u, only)) throw forbidden();
    if (!only.empty()) {
      if (fs::is_directory(dir / only, ec)) offices.push_back(dir / only);
    } else {
      for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.is_directory() && may_read_office(u, e.path().filename().string())) offices.push_back(e.path());
      }
    }
    std::sort(offices.begin(), offices.end());
    for (const auto& office : offices) {
      std::map<std::string, std::vector<std::string>> forms;
      for (const auto& f : fs::directory_iterator(office, ec)) {
        const auto name = f.path().filename().string();
        static const std::regex kNotice(R"((\d{4}|review-status|treatment-bonus)\.(CSV|csv|pdf|html))");
        std::smatch m;
        if (!std::regex_match(name, m, kNotice)) continue;
        if (m[1].length() == 4 ? m[2].str() == "csv" : m[2].str() == "CSV") continue;
        auto& formats = forms[m[1].str()];
        formats.push_back(m[2].str());
        // Printed when first downloaded, so offered before.
        if ((m[2].str() == "CSV" && report::is_printable(f.path())) || m[2].str() == "csv")
          formats.insert(formats.end(), {"html", "pdf"});
      }
      for (auto& [form, formats] : forms) {
        std::sort(formats.begin(), formats.end());
        formats.erase(std::unique(formats.begin(), formats.end()), formats.end());
        const auto* spec = exchange::Registry::instance().form(form);
        list.push_back({{"office_no", office.filename().string()},
                        {"form", form},
                        {"title", spec ? spec->title : office_list_title(form)},
                        {"formats", formats}});
      }
    }
  }
  send_json(res, 200,
            {{"month", month.str()}, {"state", enum_ja(state)},
             {"state_code", enum_code(state)}, {"notices", list}});
}

void download(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  const auto office = req.matches[2].str();
  const auto file = req.matches[3].str();
  if (!may_read_office(scope.user(), office)) throw forbidden();
  if (scope.db().month(month).state != reception::MonthState::Settled) throw not_found();
  const auto path = scope.app().results_dir(month) / office / file;
  if (!report::printed_on_demand(path)) throw not_found();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw not_found();
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  scope.audit(auth::AuditAction::Download, fmt::format("{}/{}/{}", month.str(), office, file), {{"bytes", bytes.size()}});
  res.status = 200;
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}-{}-{}\"", month.str(), office, file));
  res.set_content(std::move(bytes), content_type(path));
}

}  // namespace

void add_results_routes(std::vector<Route>& r) {
  const auto who = Access::only({Role::Office, Role::Kokuhoren, Role::Admin});
  r.push_back({"GET", R"(/api/results/(\d{6}))", "/api/results/{month}", who, false, false, notices});
  r.push_back({"GET", R"(/api/results/(\d{6})/([0-9A-Za-z]{10})/(\d{4}\.(?:CSV|pdf|html)|(?:review-status|treatment-bonus)\.(?:csv|pdf|html)))",
               "/api/results/{month}/{office}/{file}", who, false, false, download});
}

}  // namespace kaigo::server
