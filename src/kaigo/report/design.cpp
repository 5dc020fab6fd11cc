#include "kaigo/report/design.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/exchange/layout.hpp"

namespace kaigo::report {
namespace {

constexpr std::string_view kDesignDir = "src/kaigo/report/designs/";

using embedded::TableRow;

int item_number(std::string_view s, const TableRow& row) {
  if (s == "-") return 0;
  auto v = parse_int(s);
  if (!v || *v < 3 || *v > 999) row.fail(fmt::format("項番ではありません: {}", s));
  return static_cast<int>(*v);
}

// "〒{4}-{5}" → literal 〒, item 4, literal -, item 5; "{@careplan_license}" → a print value.
LineTemplate parse_template(std::string_view s, const TableRow& row) {
  LineTemplate out;
  while (!s.empty()) {
    auto open = s.find('{');
    if (open != 0) {
      out.push_back({std::string(s.substr(0, open)), 0, {}});
      if (open == std::string_view::npos) break;
    }
    auto close = s.find('}', open);
    if (close == std::string_view::npos) row.fail(fmt::format("閉じ括弧がありません: {}", s));
    auto inside = s.substr(open + 1, close - open - 1);
    if (!inside.empty() && inside[0] == '@') {
      auto name = inside.substr(1);
      const bool ok = !name.empty() && std::all_of(name.begin(), name.end(),
                                                   [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; });
      if (!ok) row.fail(fmt::format("印字値の名前は英小文字と _ : {}", inside));
      out.push_back({{}, 0, std::string(name)});
    } else {
      out.push_back({{}, item_number(inside, row), {}});
    }
    s.remove_prefix(close + 1);
  }
  return out;
}

// "D1={3}|{4};T1=合計" → one CellDesign per kind.
std::vector<CellDesign> parse_cells(std::string_view s, const TableRow& row) {
  std::vector<CellDesign> cells;
  for (auto entry : split(s, ';')) {
    auto eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) row.fail(fmt::format("KIND=内容 ではありません: {}", entry));
    CellDesign c{std::string(entry.substr(0, eq)), {}};
    for (auto line : split(entry.substr(eq + 1), '|')) c.lines.push_back(parse_template(line, row));
    cells.push_back(std::move(c));
  }
  return cells;
}

Align parse_align(std::string_view s, const TableRow& row) {
  if (auto a = parse_enum<Align>(s)) return *a;
  row.fail(fmt::format("align は l / c / r: {}", s));
}

double parse_weight(std::string_view s, const TableRow& row) {
  auto v = parse_int(s);
  if (!v || *v <= 0 || *v > 1000) row.fail(fmt::format("weight は正の整数: {}", s));
  return static_cast<double>(*v);
}

void check_item(const exchange::Form& form, std::string_view kind, int item, const TableRow& row) {
  if (item == 0) return;
  const auto* layout = form.layout_for(kind);
  if (!layout) row.fail(fmt::format("{} に帳票レコード種別 {} はありません", form.code, kind));
  if (item > layout->count())
    row.fail(fmt::format("{} {} に項番 {} はありません (項目数 {})", form.code, kind, item, layout->count()));
}

// A columns table: consecutive rows with the same `table` value form one table.
std::vector<TableDesign> parse_tables(std::string_view tsv, std::string_view name, const exchange::Form& form) {
  std::vector<TableDesign> tables;
  std::string current;
  for (const auto& row :
       embedded::checked_tsv_text_rows(name, tsv, {"table", "mode", "group", "title", "weight", "align", "cells"})) {
    const auto& c = row.cells;
    if (c[1] != "rows" && c[1] != "fields") row.fail(fmt::format("mode は rows / fields: {}", c[1]));
    bool fields = c[1] == "fields";
    if (tables.empty() || c[0] != current) {
      current = std::string(c[0]);
      tables.push_back({c[0] == "-" ? std::string() : current, fields, fields ? parse_weight(c[4], row) : 100, {}});
    }
    if (tables.back().fields != fields) row.fail("一つの表に rows と fields が混在しています");
    ColumnDesign col;
    col.group = c[2] == "-" ? std::string() : std::string(c[2]);
    for (auto t : split(c[3], '|')) col.title.emplace_back(t);
    col.weight = parse_weight(c[4], row);
    col.align = parse_align(c[5], row);
    col.cells = parse_cells(c[6], row);
    if (fields && col.cells.size() != 1) row.fail("fields の行は一つの帳票レコード種別だけを指します");
    for (const auto& cell : col.cells)
      for (const auto& line : cell.lines)
        for (const auto& part : line) check_item(form, cell.kind, part.item, row);
    tables.back().columns.push_back(std::move(col));
  }
  if (tables.empty()) embedded::fail_table(name, 1, "列がありません");
  return tables;
}

const exchange::Form& notice_form(std::string_view code, const TableRow& row) {
  const auto* form = exchange::Registry::instance().form(code);
  if (!form || form->family != exchange::Family::Notice)
    row.fail(fmt::format("帳票の交換情報識別番号ではありません: {}", code));
  return *form;
}

void check_header(const exchange::Form& form, const HeaderItems& h, const TableRow& row) {
  for (int item : {h.office_no, h.office_name, h.month, h.created, h.issuer, h.committee})
    check_item(form, "H1", item, row);
  if (h.month == 0 || h.office_no == 0 || h.issuer == 0) row.fail("年月・事業所番号・国保連合会名の項番は必須です");
}

PageDesign parse_page(const TableRow& row,
                      const std::function<std::optional<std::string_view>(std::string_view)>& columns_tsv) {
  const auto& c = row.cells;
  const auto& form = notice_form(c[0], row);
  PageDesign d;
  d.code = std::string(c[0]);
  d.title = std::string(c[1]);
  if (c[2] != "portrait" && c[2] != "landscape") row.fail(fmt::format("orientation は portrait / landscape: {}", c[2]));
  d.orientation = c[2] == "portrait" ? Orientation::Portrait : Orientation::Landscape;
  d.header = {item_number(c[4], row), item_number(c[5], row), item_number(c[6], row),
              item_number(c[8], row), item_number(c[9], row), item_number(c[10], row)};
  check_header(form, d.header, row);
  d.month_label = std::string(c[7]);
  if (c[11] != "-")
    for (auto n : split(c[11], '|')) d.notes.emplace_back(n);
  auto tsv = columns_tsv(c[3]);
  if (!tsv) row.fail(fmt::format("列の表 {}.tsv がありません", c[3]));
  d.tables = parse_tables(*tsv, fmt::format("{}.tsv", c[3]), form);
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
  // A design table is given to this as text, so a broken one is this call's error, not core's defect.
  try {
    std::vector<PageDesign> out;
    for (const auto& row :
         embedded::checked_tsv_text_rows("pages.tsv", pages_tsv,
                                         {"code", "title", "orientation", "columns", "office_no", "office_name",
                                          "month", "month_label", "created", "issuer", "committee", "notes"})) {
      out.push_back(parse_page(row, columns_tsv));
      for (std::size_t j = 0; j + 1 < out.size(); ++j)
        if (out[j].code == out.back().code) row.fail(fmt::format("{} が二度あります", out.back().code));
    }
    return out;
  } catch (const embedded::TableError& e) {
    throw std::runtime_error(fmt::format("{} / page design table error", e.what()));
  }
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
