// report/design — the page design of each printed 帳票, as data: which items of which 帳票レコード
// go in which column, the column titles, widths and alignment, the header items and the notes.
// The tables live in designs/ (pages.tsv and one columns table per form) and are embedded in the
// library; see docs/report.md.
// Owns: loading and checking the designs against the record layouts. Must not: format or draw.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"

namespace kaigo::report {

enum class Orientation { Portrait, Landscape };
enum class Align { Left, Center, Right };
// As written in designs/*.tsv and as the HTML class of a cell.
inline constexpr EnumTable<Align, 3> kAligns{{{
#include "kaigo/report/align.enum.inc"
}}};
constexpr const auto& enum_table(Align) { return kAligns; }

// One piece of a printed line: literal text, the value of an item (項番) of the record, or a
// print value of the notice ({@name}: Notice::print_values).
struct TemplatePart {
  std::string text;  // literal text when item == 0 and print_value is empty
  int item = 0;      // 項番
  std::string print_value;
};
using LineTemplate = std::vector<TemplatePart>;

// What a column shows for the records of one kind: one template per printed line (stacked).
struct CellDesign {
  std::string kind;  // 帳票レコード種別
  std::vector<LineTemplate> lines;
};

struct ColumnDesign {
  std::string group;               // heading over adjacent columns of the same group; empty = none
  std::vector<std::string> title;  // heading lines (a fields table: the label)
  double weight = 1;               // rows table: relative width
  Align align = Align::Left;
  std::vector<CellDesign> cells;
  const CellDesign* cell_for(std::string_view kind) const;  // nullptr: blank for that kind
};

struct TableDesign {
  std::string caption;         // printed above the table; empty = none
  bool fields = false;         // one record as label / value rows (each column is one row)
  double width_percent = 100;  // fields tables: width as a share of the printable width
  std::vector<ColumnDesign> columns;
  // The record kinds the table shows, in the order they first appear in the columns.
  std::vector<std::string> kinds() const;
};

// Which H1 items (項番) hold the header of the page; 0 = none.
struct HeaderItems {
  int office_no = 0;    // 事業所番号
  int office_name = 0;  // 事業所名
  int month = 0;        // 審査年月 / 取扱年月
  int created = 0;      // 作成年月日
  int issuer = 0;       // 国保連合会名
  int committee = 0;    // 審査委員会名
};

// The page design of one 帳票.
struct PageDesign {
  std::string code;   // 交換情報識別番号
  std::string title;  // the printed title
  Orientation orientation = Orientation::Landscape;
  HeaderItems header;
  std::string month_label;  // 審査分 / 取扱分, printed after the month
  std::vector<std::string> notes;
  std::vector<TableDesign> tables;
};

// The design of a result form, or nullptr. Loaded once from the embedded tables and checked
// against the record layouts; a broken table throws std::runtime_error on first use.
const PageDesign* design_for(std::string_view code);
const std::vector<PageDesign>& designs();

// Parses the tables: `pages_tsv` (one row per form) and, through `columns_tsv`, the columns table
// named in each row. Checks every item reference against the form's layout for that record kind.
// Throws std::runtime_error naming the table, line and problem. Public for tests of the tables.
std::vector<PageDesign> parse_designs(
    std::string_view pages_tsv,
    const std::function<std::optional<std::string_view>(std::string_view name)>& columns_tsv);

}  // namespace kaigo::report
