#include "kaigo/report/statistics.hpp"

#include <fmt/format.h>

namespace kaigo::report {
namespace {

ContentCell cell(std::string text, Align align = Align::Left) { return {{{std::move(text), true}}, align, 1}; }

std::string axis_ja(review::StatAxis a) { return std::string(enum_ja(a)); }

std::string month_title(YearMonth m) { return wareki_year_month(m) + "審査"; }

ContentTable top_table(const review::StatTable& t, std::size_t n) {
  ContentTable out;
  out.caption = fmt::format("審査月別{}件数 TOP{} / the {} most frequent by month", enum_ja(t.kind), n, n);
  out.columns.push_back({{}, {"順位"}, 0.6});
  for (const auto& m : t.months) out.columns.push_back({{}, {month_title(m), fmt::format("{} (割合)", axis_ja(t.axis))}, 2});
  const auto ranked = review::top(t, n);
  for (std::size_t place = 0; place < n; ++place) {
    ContentRow row{"D1", false, {cell(std::to_string(place + 1), Align::Center)}};
    for (const auto& month : ranked) {
      row.cells.push_back(cell(place < month.size() ? fmt::format("{} ({})", month[place].key,
                                                                  review::share_text(month[place].cell.permille))
                                                    : ""));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

ContentTable trend_table(const review::StatTable& t) {
  ContentTable out;
  out.caption = fmt::format("{}別の件数の推移 / 件数 month by month", axis_ja(t.axis));
  out.columns.push_back({{}, {axis_ja(t.axis)}, 1.2});
  for (const auto& m : t.months) out.columns.push_back({{}, {wareki_short_year_month(m), "件数 (割合)"}, 1.4});
  out.columns.push_back({{}, {"計"}, 0.8});
  out.columns.push_back({{}, {"当月の割合", "■ = 5%"}, 2.4});
  auto add = [&](std::string key, const std::vector<review::StatCell>& cells, std::int64_t total, bool is_total) {
    ContentRow row{is_total ? "T1" : "D1", is_total, {cell(std::move(key))}};
    for (const auto& c : cells) row.cells.push_back(cell(fmt::format("{} ({})", c.count, review::share_text(c.permille)), Align::Right));
    row.cells.push_back(cell(std::to_string(total), Align::Right));
    row.cells.push_back(cell(is_total || cells.empty() ? "" : share_bar(cells.back().permille)));
    out.rows.push_back(std::move(row));
  };
  for (const auto& r : t.rows) add(r.key, r.cells, r.total, false);
  std::vector<review::StatCell> totals;
  std::int64_t all = 0;
  for (auto m : t.month_totals) {
    totals.push_back({m, m > 0 ? 1000 : 0});
    all += m;
  }
  add("計", totals, all, true);
  return out;
}

}  // namespace

nlohmann::json statistics_json(const review::StatTable& t, std::size_t n) {
  nlohmann::json months = nlohmann::json::array();
  for (std::size_t i = 0; i < t.months.size(); ++i) months.push_back({{"month", t.months[i].str()}, {"count", t.month_totals[i]}});
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : t.rows) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& c : r.cells) cells.push_back({{"count", c.count}, {"share", review::share_text(c.permille)}});
    rows.push_back({{"key", r.key}, {"months", cells}, {"total", r.total}});
  }
  nlohmann::json tops = nlohmann::json::array();
  const auto ranked = review::top(t, n);
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& x : ranked[i]) list.push_back({{"key", x.key}, {"count", x.cell.count}, {"share", review::share_text(x.cell.permille)}});
    tops.push_back({{"month", t.months[i].str()}, {"top", list}});
  }
  return {{"kind", enum_code(t.kind)},
          {"by", enum_code(t.axis)},
          {"insurer", t.insurer_no},
          {"months", months},
          {"rows", rows},
          {"top", tops}};
}

std::string share_bar(int permille) {
  std::string out;
  for (int i = 0; i < (permille + 49) / 50; ++i) out += "■";
  return out;
}

Content statistics_content(const review::StatTable& t, std::size_t top_n, const std::string& issuer) {
  Content c;
  c.title = fmt::format("審査状況の統計（{}）", enum_ja(t.kind));
  c.orientation = Orientation::Landscape;
  if (!t.insurer_no.empty()) {
    c.office_no_label = "保険者番号";
    c.office_no = t.insurer_no;
  }
  if (!t.months.empty()) {
    c.month_text = t.months.size() == 1 ? month_title(t.months.front())
                                        : fmt::format("{}〜{}", month_title(t.months.front()), month_title(t.months.back()));
  }
  c.issuer = {issuer};
  c.tables.push_back(top_table(t, top_n));
  c.tables.push_back(trend_table(t));
  c.notes.push_back("件数は明細書の数（1枚の明細書に同じコードが複数あっても1件）、割合はその審査月の件数の合計に対するもの（0.1%未満四捨五入）。");
  if (t.axis == review::StatAxis::ServiceType && t.kind == review::ReasonKind::Return) {
    c.notes.push_back("返戻の明細書は、そのすべてのサービス種類に数えています。");
  }
  return c;
}

}  // namespace kaigo::report
