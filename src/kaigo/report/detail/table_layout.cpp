#include "kaigo/report/detail/table_layout.hpp"

#include <algorithm>
#include <utility>

namespace kaigo::report {
namespace {

// [first, last] column of each run of adjacent columns under the same group heading.
std::vector<std::pair<std::size_t, std::size_t>> group_runs(const std::vector<ContentColumn>& cols) {
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (cols[i].group.empty()) continue;
    if (groups.empty() || cols[groups.back().second].group != cols[i].group || groups.back().second + 1 != i)
      groups.push_back({i, i});
    else
      groups.back().second = i;
  }
  return groups;
}

void prepare_head(Fitter& fitter, const PageStyle& s, PreparedTable& pt, double scale) {
  const auto& cols = pt.table->columns;
  double size = s.head_size * scale;
  auto fit_title = [&](const std::vector<std::string>& title, double w) {
    std::vector<Fitted> lines;
    for (const auto& l : title)
      for (auto& f : fitter.fit({l, false}, w - 2 * s.pad_x, size)) lines.push_back(std::move(f));
    return lines;
  };
  // Tier 1: group headings; tier 2: the columns under a group; others span both tiers.
  double tier1 = 0, tier2 = 0, single = 0;
  auto groups = group_runs(cols);
  std::vector<std::vector<Fitted>> group_lines, col_lines;
  for (auto [first, last] : groups) {
    double w = pt.col_x[last] + pt.col_w[last] - pt.col_x[first];
    group_lines.push_back(fit_title({cols[first].group}, w));
    tier1 = std::max(tier1, fitter.height(group_lines.back(), size));
  }
  for (std::size_t i = 0; i < cols.size(); ++i) {
    col_lines.push_back(fit_title(cols[i].title, pt.col_w[i]));
    double h = fitter.height(col_lines.back(), size);
    if (cols[i].group.empty())
      single = std::max(single, h);
    else
      tier2 = std::max(tier2, h);
  }
  double pad = 2 * s.pad_y;
  if (!groups.empty()) {
    tier1 += pad;
    tier2 += pad;
    if (single + pad > tier1 + tier2) tier2 = single + pad - tier1;
    pt.head_h = tier1 + tier2;
  } else {
    pt.head_h = single + pad;
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto [first, last] = groups[g];
    double x0 = pt.col_x[first];
    pt.head.push_back({{x0, 0, pt.col_x[last] + pt.col_w[last] - x0, tier1}, group_lines[g]});
  }
  for (std::size_t i = 0; i < cols.size(); ++i) {
    bool grouped = !cols[i].group.empty();
    pt.head.push_back({{pt.col_x[i], grouped ? tier1 : 0, pt.col_w[i], grouped ? tier2 : pt.head_h}, col_lines[i]});
  }
}

FittedRow fit_row(Fitter& fitter, const PageStyle& s, const PreparedTable& pt, const ContentRow& row, double scale) {
  FittedRow out{row.total, pt.table->fields, {}, 0};
  std::size_t col = 0;
  double content = fitter.line_height(s.cell_size * scale);
  for (const auto& cell : row.cells) {
    auto last = std::min(col + static_cast<std::size_t>(cell.span), pt.col_x.size()) - 1;
    FittedCell fc{pt.col_x[col], pt.col_x[last] + pt.col_w[last] - pt.col_x[col], cell.align, {}, 0};
    for (const auto& line : cell.lines)
      for (auto& f : fitter.fit(line, fc.w - 2 * s.pad_x, s.cell_size * scale)) fc.lines.push_back(std::move(f));
    fc.height = fitter.height(fc.lines, s.cell_size * scale);
    content = std::max(content, fc.height);
    out.cells.push_back(std::move(fc));
    col = last + 1;
  }
  out.height = content + 2 * s.pad_y;
  return out;
}

}  // namespace

double PreparedTable::tallest_row() const {
  double h = 0;
  for (const auto& r : rows) h = std::max(h, r.height);
  return h;
}

PreparedTable prepare_table(Fitter& fitter, const PageStyle& s, const ContentTable& t, double left, double width,
                            double scale) {
  PreparedTable pt;
  pt.table = &t;
  pt.w = width * t.width_percent / 100;
  pt.x = left;
  double total = 0;
  for (const auto& col : t.columns) total += col.weight;
  double x = pt.x;
  for (const auto& col : t.columns) {
    pt.col_x.push_back(x);
    pt.col_w.push_back(pt.w * col.weight / total);
    x += pt.col_w.back();
  }
  if (!t.fields) prepare_head(fitter, s, pt, scale);
  for (const auto& row : t.rows) pt.rows.push_back(fit_row(fitter, s, pt, row, scale));
  return pt;
}

}  // namespace kaigo::report
