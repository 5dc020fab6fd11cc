#include "kaigo/report/design.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/exchange/layout.hpp"

namespace kaigo::report {
namespace {

constexpr std::string_view kDesignDir = "src/kaigo/report/designs/";

// Where a table row came from, for error messages.
struct Where {
  std::string table;
  std::size_t line = 0;
};

[[noreturn]] void fail(const Where& at, const std::string& what) {
  throw std::runtime_error(fmt::format("{}.tsv:{}: {} / page design table error", at.table, at.line, what));
}

std::vector<std::string_view> columns_of(std::string_view line, std::size_t expected, const Where& at) {
  auto cols = split(line, '\t');
  if (cols.size() != expected) fail(at, fmt::format("列数 {} (期待 {})", cols.size(), expected));
  return cols;
}

int item_number(std::string_view s, const Where& at) {
  if (s == "-") return 0;
  auto v = parse_int(s);
  if (!v || *v < 3 || *v > 999) fail(at, fmt::format("項番ではありません: {}", s));
  return static_cast<int>(*v);
}

// "〒{4}-{5}" → literal 〒, item 4, literal -, item 5; "{@careplan_license}" → a print value.
LineTemplate parse_template(std::string_view s, const Where& at) {
  LineTemplate out;
  while (!s.empty()) {
    auto open = s.find('{');
    if (open != 0) {
      out.push_back({std::string(s.substr(0, open)), 0, {}});
      if (open == std::string_view::npos) break;
    }
    auto close = s.find('}', open);
    if (close == std::string_view::npos) fail(at, fmt::format("閉じ括弧がありません: {}", s));
    auto inside = s.substr(open + 1, close - open - 1);
    if (!inside.empty() && inside[0] == '@') {
      auto name = inside.substr(1);
      const bool ok = !name.empty() && std::all_of(name.begin(), name.end(),
                                                   [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; });
      if (!ok) fail(at, fmt::format("印字値の名前は英小文字と _ : {}", inside));
      out.push_back({{}, 0, std::string(name)});
    } else {
      out.push_back({{}, item_number(inside, at), {}});
    }
    s.remove_prefix(close + 1);
  }
  return out;
}

// "D1={3}|{4};T1=合計" → one CellDesign per kind.
std::vector<CellDesign> parse_cells(std::string_view s, const Where& at) {
  std::vector<CellDesign> cells;
  for (auto entry : split(s, ';')) {
    auto eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) fail(at, fmt::format("KIND=内容 ではありません: {}", entry));
    CellDesign c{std::string(entry.substr(0, eq)), {}};
    for (auto line : split(entry.substr(eq + 1), '|')) c.lines.push_back(parse_template(line, at));
    cells.push_back(std::move(c));
  }
  return cells;
}

Align parse_align(std::string_view s, const Where& at) {
  if (s == "l") return Align::Left;
  if (s == "c") return Align::Center;
  if (s == "r") return Align::Right;
  fail(at, fmt::format("align は l / c / r: {}", s));
}

double parse_weight(std::string_view s, const Where& at) {
  auto v = parse_int(s);
  if (!v || *v <= 0 || *v > 1000) fail(at, fmt::format("weight は正の整数: {}", s));
  return static_cast<double>(*v);
}

void check_item(const exchange::Form& form, std::string_view kind, int item, const Where& at) {
  if (item == 0) return;
  const auto* layout = form.layout_for(kind);
  if (!layout) fail(at, fmt::format("{} に帳票レコード種別 {} はありません", form.code, kind));
  if (item > layout->count())
    fail(at, fmt::format("{} {} に項番 {} はありません (項目数 {})", form.code, kind, item, layout->count()));
}

// A columns table: consecutive rows with the same `table` value form one table.
std::vector<TableDesign> parse_tables(std::string_view tsv, const Where& file, const exchange::Form& form) {
  std::vector<TableDesign> tables;
  Where at = file;
  auto rows = lines(tsv);
  if (rows.empty() || rows[0] != "table\tmode\tgroup\ttitle\tweight\talign\tcells") fail(at, "見出し行が違います");
  std::string current;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    at.line = i + 1;
    auto c = columns_of(rows[i], 7, at);
    if (c[1] != "rows" && c[1] != "fields") fail(at, fmt::format("mode は rows / fields: {}", c[1]));
    bool fields = c[1] == "fields";
    if (tables.empty() || c[0] != current) {
      current = std::string(c[0]);
      tables.push_back({c[0] == "-" ? std::string() : current, fields, fields ? parse_weight(c[4], at) : 100, {}});
    }
    if (tables.back().fields != fields) fail(at, "一つの表に rows と fields が混在しています");
    ColumnDesign col;
    col.group = c[2] == "-" ? std::string() : std::string(c[2]);
    for (auto t : split(c[3], '|')) col.title.emplace_back(t);
    col.weight = parse_weight(c[4], at);
    col.align = parse_align(c[5], at);
    col.cells = parse_cells(c[6], at);
    if (fields && col.cells.size() != 1) fail(at, "fields の行は一つの帳票レコード種別だけを指します");
    for (const auto& cell : col.cells)
      for (const auto& line : cell.lines)
        for (const auto& part : line) check_item(form, cell.kind, part.item, at);
    tables.back().columns.push_back(std::move(col));
  }
  if (tables.empty()) fail(at, "列がありません");
  return tables;
}

const exchange::Form& notice_form(std::string_view code, const Where& at) {
  const auto* form = exchange::Registry::instance().form(code);
  if (!form || form->family != exchange::Family::Notice)
    fail(at, fmt::format("帳票の交換情報識別番号ではありません: {}", code));
  return *form;
}

void check_header(const exchange::Form& form, const HeaderItems& h, const Where& at) {
  for (int item : {h.office_no, h.office_name, h.month, h.created, h.issuer, h.committee})
    check_item(form, "H1", item, at);
  if (h.month == 0 || h.office_no == 0 || h.issuer == 0) fail(at, "年月・事業所番号・国保連合会名の項番は必須です");
}

PageDesign parse_page(std::string_view row, const Where& at,
                      const std::function<std::optional<std::string_view>(std::string_view)>& columns_tsv) {
  auto c = columns_of(row, 12, at);
  const auto& form = notice_form(c[0], at);
  PageDesign d;
  d.code = std::string(c[0]);
  d.title = std::string(c[1]);
  if (c[2] != "portrait" && c[2] != "landscape") fail(at, fmt::format("orientation は portrait / landscape: {}", c[2]));
  d.orientation = c[2] == "portrait" ? Orientation::Portrait : Orientation::Landscape;
  d.header = {item_number(c[4], at), item_number(c[5], at), item_number(c[6], at),
              item_number(c[8], at), item_number(c[9], at), item_number(c[10], at)};
  check_header(form, d.header, at);
  d.month_label = std::string(c[7]);
  if (c[11] != "-")
    for (auto n : split(c[11], '|')) d.notes.emplace_back(n);
  auto tsv = columns_tsv(c[3]);
  if (!tsv) fail(at, fmt::format("列の表 {}.tsv がありません", c[3]));
  d.tables = parse_tables(*tsv, {std::string(c[3]), 1}, form);
  return d;
}

}  // namespace

const CellDesign* ColumnDesign::cell_for(std::string_view kind) const {
  for (const auto& c : cells)
    if (c.kind == kind) return &c;
  return nullptr;
}

std::vector<std::string> TableDesign::kinds() const {
  std::vector<std::string> out;
  for (const auto& col : columns)
    for (const auto& cell : col.cells)
      if (std::find(out.begin(), out.end(), cell.kind) == out.end()) out.push_back(cell.kind);
  return out;
}

std::vector<PageDesign> parse_designs(
    std::string_view pages_tsv, const std::function<std::optional<std::string_view>(std::string_view)>& columns_tsv) {
  Where at{"pages", 1};
  auto rows = lines(pages_tsv);
  if (rows.empty() || rows[0] !=
                          "code\ttitle\torientation\tcolumns\toffice_no\toffice_name\tmonth\tmonth_"
                          "label\tcreated\tissuer\tcommittee\tnotes")
    fail(at, "見出し行が違います");
  std::vector<PageDesign> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    at.line = i + 1;
    out.push_back(parse_page(rows[i], at, columns_tsv));
    for (std::size_t j = 0; j + 1 < out.size(); ++j)
      if (out[j].code == out.back().code) fail(at, fmt::format("{} が二度あります", out.back().code));
  }
  return out;
}

const std::vector<PageDesign>& designs() {
  static const std::vector<PageDesign> all = [] {
    auto file = [](std::string_view name) { return embedded::find(fmt::format("{}{}.tsv", kDesignDir, name)); };
    auto pages = file("pages");
    if (!pages) throw std::runtime_error("designs/pages.tsv がない / page designs missing");
    return parse_designs(*pages, file);
  }();
  return all;
}

const PageDesign* design_for(std::string_view code) {
  for (const auto& d : designs())
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace kaigo::report
