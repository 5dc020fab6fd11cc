// report/content — what a printed notice says, before it is laid out: the title and header texts,
// the tables with their headings and formatted cells, the notes and the issuer. Both renderings
// (PDF/PNG through typeset, HTML) start from this, so they print the same words.
// Owns: formatting of item values for print (thousands separators, 和暦, the templates of the
// design). Must not: lay out, draw, or compute values that are not in the records.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/exchange/layout.hpp"
#include "kaigo/report/design.hpp"
#include "kaigo/report/notice.hpp"

namespace kaigo::report {

// One printed line of a cell.
struct TextLine {
  std::string text;
  bool shrink = false;  // may be set smaller to fit (numbers, codes, カナ); otherwise it wraps
};

struct ContentCell {
  std::vector<TextLine> lines;  // stacked lines (e.g. 被保険者番号 over 被保険者氏名)
  Align align = Align::Left;
  int span = 1;                 // columns covered
};

struct ContentRow {
  std::string kind;  // 帳票レコード種別 the row shows; empty for the "該当なし" row
  bool total = false;  // a T1–T3 row
  std::vector<ContentCell> cells;
};

// A D1 row of two cells, a label and its value (the 項目 and 内容 of the letters and notices).
ContentRow label_value_row(std::string label, std::string value, bool shrink_value = false);

struct ContentColumn {
  std::string group;               // empty = none
  std::vector<std::string> title;  // heading lines
  double weight = 1;
};

struct ContentTable {
  std::string caption;
  bool fields = false;  // label / value rows, no heading
  double width_percent = 100;
  std::vector<ContentColumn> columns;
  std::vector<ContentRow> rows;
  bool has_groups() const;
};

struct Content {
  std::string title;
  Orientation orientation = Orientation::Landscape;
  std::string office_no_label, office_no;      // e.g. 事業所番号 / 1370000001
  std::string office_name_label, office_name;  // e.g. 事業所名 / 訪問介護ステーション千代田
  std::string month_text;                      // 令和8年5月審査分
  std::string created_text;                    // 令和8年5月20日 (作成年月日), empty when none
  std::vector<std::string> issuer;             // 国保連合会名, then the 審査委員会名 when the form has one
  std::vector<std::string> notes;
  std::vector<ContentTable> tables;
};

// Validates the notice (report::validate) and formats it with its form's page design.
Content build_content(const Notice& notice);

// How one item value is printed: signed and unsigned numbers with thousands separators
// ("-1,719"), 年月 as the short 和暦 of the 帳票 ("R08.4"), 年月日 as 和暦 ("令和8年5月20日"), codes
// and text as they are. Values that do not parse are printed as they are.
std::string format_item(const exchange::ItemSpec& spec, std::string_view value);
std::string thousands(std::string_view digits);  // "-1719" → "-1,719"; non-numbers unchanged

}  // namespace kaigo::report
