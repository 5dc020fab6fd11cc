// platform/kinds — what the 介護情報基盤 holds about a person, as data (kinds.tsv, columns.tsv,
// code_labels.tsv): the kinds of record a municipality links (被保険者証, 認定調査票, 主治医意見書,
// LIFE, ケアプラン, 住宅改修 …), the columns of each in the linkage file, and the kinds a viewer
// asks for (DESIGN §3.6 KIND), each record kind belonging to one of them.
// Owns: those tables and their lookups. Must not: decide who may see what (access does).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"

namespace kaigo::platform {

// The kinds a viewer asks for (DESIGN §3.6 KIND; the rows of the seed 004 §3 table).
enum class ViewKind : std::uint8_t {
  Survey,       // 認定調査票
  Opinion,      // 主治医意見書
  Card,         // 介護保険被保険者証等 (証, 負担割合証, 負担限度額認定証, 認定審査の進捗)
  Application,  // 要介護認定申請書
  Life,         // LIFE情報
  CarePlan,     // ケアプラン
  Housing,      // 住宅改修費・福祉用具購入費の利用情報
};
inline constexpr EnumTable<ViewKind, 7> kViewKindNames{{{
#include "kaigo/platform/view_kind.enum.inc"
}}};
constexpr const auto& enum_table(ViewKind) { return kViewKindNames; }
inline constexpr ViewKind kViewKinds[] = {ViewKind::Survey, ViewKind::Opinion,  ViewKind::Card,   ViewKind::Application,
                                          ViewKind::Life,   ViewKind::CarePlan, ViewKind::Housing};

// 更新区分 of a linkage row (seed 004 §7 更新区分情報).
enum class UpdateKind : std::uint8_t { New = 1, Update = 2, Delete = 3 };

// How a column's value is written and checked (docs/platform.md "types").
enum class ColumnType : std::uint8_t {
  Text,         // UTF-8 text without control characters, at most `max` characters
  Date,         // YYYYMMDD
  Month,        // YYYYMM
  Year,         // YYYY
  Code,         // one of `codes`
  Int,          // an integer in [min, max]
  Yen,          // 0 … 99,999,999 円 (8 digits, as the 請求書 screen allows)
  Flags,        // `max` characters, each 0 or 1
  MyNumber,     // 個人番号: 12 digits; never stored
  OfficeNo,     // 事業所番号: 10 of 0-9 A-Z
  Institution,  // 医療機関コード or a facility's 事業所番号: 10 of 0-9 A-Z
};
inline constexpr EnumTable<ColumnType, 11> kColumnTypes{{{
#include "kaigo/platform/column_type.enum.inc"
}}};
constexpr const auto& enum_table(ColumnType) { return kColumnTypes; }

struct ColumnSpec {
  std::string name;  // as in the linkage file's documentation and the stored JSON
  std::string ja;    // 項目名
  ColumnType type = ColumnType::Text;
  bool required = false;
  std::vector<std::string> codes;  // Code
  int min = 0;                     // Int
  int max = 0;                     // Int: upper bound; Text: characters; Flags: width
  std::string source;
};

// One kind of record (a row of kinds.tsv) with its columns.
struct KindSpec {
  std::string name;               // "survey", …
  std::optional<ViewKind> view;   // which viewer kind shows it; none for consent and request
  bool linkage = true;            // municipalities may send it in a linkage file
  std::string ja, en;
  std::string effective_on_ja;    // what effective_on means for this kind
  std::vector<ColumnSpec> columns;
  // The index of a column by name, or npos.
  std::size_t column(std::string_view column_name) const;
};

const std::vector<KindSpec>& kinds();
const KindSpec* find_kind(std::string_view name);

// The label of a code (code_labels.tsv), e.g. ("certificate", "care_level", "21") → 要介護1 /
// care level 1; nullptr when there is none.
struct CodeLabel {
  std::string ja, en;
};
const CodeLabel* code_label(std::string_view kind, std::string_view column, std::string_view code);

}  // namespace kaigo::platform
