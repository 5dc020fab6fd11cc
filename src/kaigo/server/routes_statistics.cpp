// Routes of the review's statistics (issue 18 item 6; docs/review.md "Statistics"): the returns and
// cuts of some review months by code, サービス種類 or 事業所, as JSON, CSV or the printed page. The
// 国保連 sees every 保険者's or one's; a municipality only its own (another's answers 403). Counts
// of documents, no person: not audited.
#include <fmt/format.h>

#include <charconv>
#include <span>

#include "kaigo/master/keys.hpp"
#include "kaigo/report/render.hpp"
#include "kaigo/report/statistics.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"
#include "kaigo/store/statistics_store.hpp"

namespace kaigo::server {
namespace {

constexpr std::string_view kBadQuery = "KW64";

std::string param(const httplib::Request& req, const char* name, std::string fallback) {
  return req.has_param(name) ? req.get_param_value(name) : fallback;
}

int bounded(const httplib::Request& req, const char* name, int fallback, int low, int high) {
  const auto text = param(req, name, std::to_string(fallback));
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
    throw bad_request(std::string(kBadQuery), fmt::format("{} は {}〜{} の整数です", name, low, high),
                      fmt::format("{} must be a whole number from {} to {}", name, low, high));
  }
  return value;
}

template <class F>
auto one_of(const httplib::Request& req, const char* name, const std::string& fallback, F parse) {
  auto value = parse(param(req, name, fallback));
  if (!value) {
    throw bad_request(std::string(kBadQuery), fmt::format("{} の値が正しくありません", name),
                      fmt::format("{} has a value it does not take", name));
  }
  return *value;
}

// The 保険者 whose table the user may see: a municipality its own, whatever it asks; staff any.
std::string insurer_of(Scope& scope, const httplib::Request& req) {
  const auto asked = std::string(master::normalize_insurer_no(param(req, "insurer", "")));
  const auto& user = scope.user();
  if (user.role == auth::Role::Municipality) {
    const auto own = std::string(master::normalize_insurer_no(user.insurer_no));
    if (!asked.empty() && asked != own) throw forbidden();
    return own;
  }
  if (!asked.empty() && !auth::is_insurer_no(asked)) {
    throw bad_request(std::string(kBadQuery), "insurer は保険者番号（6桁）です", "insurer must be a 保険者番号 (6 digits)");
  }
  return asked;
}

void statistics(Scope& scope, const httplib::Request& req, httplib::Response& res) {
  const auto month = month_param(req.matches[1].str());
  const int months = bounded(req, "months", 5, 1, 24);
  const auto top = static_cast<std::size_t>(bounded(req, "top", 5, 1, 20));
  const auto kind = one_of(req, "kind", "return", [](const std::string& s) { return parse_enum<review::ReasonKind>(s); });
  const auto axis = one_of(req, "by", "code", [](const std::string& s) { return parse_enum<review::StatAxis>(s); });
  const auto format = param(req, "format", "json");
  if (format != "json" && format != "csv" && format != "pdf") {
    throw bad_request(std::string(kBadQuery), "format は json, csv, pdf のどれかです", "format must be json, csv or pdf");
  }
  const auto insurer = insurer_of(scope, req);
  const auto list = review::months_ending(month, months);
  const auto table = review::tabulate(store::decided_reasons(scope.db(), list.front(), list.back()), kind, axis, list, insurer);
  const auto name = fmt::format("statistics-{}-{}-{}", month.str(), enum_code(kind), enum_code(axis));
  res.status = 200;
  if (format == "json") {
    send_json(res, 200, report::statistics_json(table, top));
  } else if (format == "csv") {
    res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}.csv\"", name));
    res.set_content(review::to_csv(table), "text/csv; charset=utf-8");
  } else {
    const auto content = report::statistics_content(table, top, scope.app().settings().name);
    res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}.pdf\"", name));
    res.set_content(report::pdf_bytes(std::span(&content, 1), scope.now().date), "application/pdf");
  }
}

}  // namespace

void add_statistics_routes(std::vector<Route>& r) {
  const auto readers = Access::only({auth::Role::Kokuhoren, auth::Role::Admin, auth::Role::Municipality});
  r.push_back({"GET", R"(/api/statistics/(\d{6}))", "/api/statistics/{month}", readers, false, false, statistics});
}

}  // namespace kaigo::server
