// careplan/layout — the files of ケアプランデータ連携標準仕様 v4.1 as data: the file kinds
// (layouts/kinds.tsv), one item layout per record kind (layouts/<layout>.tsv), the code lists of
// coded items (codes.tsv), the CSV versions and the service month each applies from
// (versions.tsv), and the service types the standard links (service_types.tsv).
// Every row names its source and how sure it is ([V], [V-OCR], [I], [NF]; docs/careplan.md).
// Owns: loading and looking up those tables. Must not: check records (reader and rules do).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::careplan {

// 書式 of an item, as the layout's 書式・選択肢 column states it.
enum class ItemFormat : std::uint8_t {
  Text,      // フリーテキスト: any MS932 character; line breaks and commas kept (quoted)
  Digits,    // exactly `len` digits (保険者番号)
  Office,    // 事業所番号: exactly 10 half-width letters or digits
  Type,      // サービス種類コード: exactly 2 half-width letters or digits
  Int,       // 整数 ≥ 0, at most `len` digits
  SignedInt, // 整数 that may be negative (単位数 of a 減算), at most `len` digits
  Version,   // CSVバージョン: YYYYMM, one of versions.tsv
  YearMonth, // YYYYMM
  YearMonthOrZero,  // YYYYMM or 000000
  Date,      // YYYYMMDD
  DateOrZero,       // YYYYMMDD or 00000000
  Time,      // HHMM
  TimeOr9999,       // HHMM, or 9999 for a service shown without a time
  Alnum,     // half-width printable characters, at most `len`
  Insured,   // 被保険者番号: 10 digits, or H + 9 digits (生保単独)
  Postal,    // XXX-XXXX
  Code,      // one of a code list (codes.tsv)
  DayBitmap, // 日割対象日: 31 characters of 0 / 1
  Decimal,   // 99.99 (単位数単価)
  ServiceCode,      // 6 half-width letters or digits
  Seq99,     // 1–99 (課題ＮＯ …)
};
inline constexpr EnumTable<ItemFormat, 21> kItemFormats{{{
#include "kaigo/careplan/item_format.enum.inc"
}}};
constexpr const auto& enum_table(ItemFormat) { return kItemFormats; }

enum class Certainty : std::uint8_t { Verified, VerifiedOcr, Inferred, NotFound };
inline constexpr EnumTable<Certainty, 4> kCertainties{{{
#include "kaigo/careplan/certainty.enum.inc"
}}};
constexpr const auto& enum_table(Certainty) { return kCertainties; }

// One entry of a code list (e.g. 要介護状態区分 21 要介護１).
struct CodeEntry {
  std::string code;
  std::string meaning;
};

struct CodeList {
  std::string name;
  std::vector<CodeEntry> entries;
  bool contains(std::string_view code) const;
};

// 項目 — one item of a layout.
struct ItemSpec {
  int no = 0;             // No.
  std::string name;       // 日本語名称
  int len = 0;            // 項目長; 0 = ― (free length)
  bool required = false;  // 必須 ○
  ItemFormat format = ItemFormat::Text;
  const CodeList* codes = nullptr;  // for ItemFormat::Code
  Certainty certainty = Certainty::VerifiedOcr;
  std::string note;
};

// The record layout of one file kind (UPPLAN and UPJSK share one).
struct Layout {
  std::string name;  // file name without .tsv, e.g. "riyohyo"
  std::vector<ItemSpec> items;
  const ItemSpec& item(int no) const { return items[static_cast<std::size_t>(no - 1)]; }
  int count() const { return static_cast<int>(items.size()); }
};

// Which side of the exchange writes a kind: the care-management office (居宅介護支援事業所 or
// 地域包括支援センター等) or the service office.
enum class Side : std::uint8_t { CareManager, Provider };

// How a file name carries the month.
enum class NameMonth : std::uint8_t { None, Month, MonthOrZero };
inline constexpr EnumTable<NameMonth, 3> kNameMonths{{{
#include "kaigo/careplan/name_month.enum.inc"
}}};
constexpr const auto& enum_table(NameMonth) { return kNameMonths; }

// CSVバージョン — one row of versions.tsv.
struct CsvVersion {
  std::string value;       // as written in column 1, e.g. "202407"
  YearMonth applies_from;  // the first サービス提供年月 it applies to
  std::string edition;     // 版
  bool has_layouts = false;  // the v4 layouts of layouts/ describe its records
  bool superseded = false;   // replaced by another value applying from the same month (202504)
};

// One file kind of the standard (UPPLAN, UPHOSOKU, UPKIHON_IMAGE …).
struct FileKind {
  std::string prefix;  // the name's first part, e.g. "UPKIHON_SUB1"
  std::string title;   // ファイル名称
  const Layout* layout = nullptr;  // nullptr for the JPEG image
  NameMonth month = NameMonth::None;
  Side from = Side::CareManager;
  std::vector<std::string> sets;  // 送信単位 the kind belongs to (spec §2.4, §3.4)
  std::vector<int> key;           // items linking records to their parent (spec §2.3, §3.3)
  std::vector<int> unique;        // items that identify one record: no two records may share them
  int month_item = 0;             // item holding the service month (0 = none)
  const CsvVersion* since = nullptr;  // first CSV version that defines the kind
  bool image = false;             // a .jpg, not a CSV
  std::string source;
};

// What a サービス種類 is to the standard (service_types.tsv role column).
enum class ServiceRole : std::uint8_t {
  Linked = 1,  // linked: 連携対象 (spec §1.3, §1.4)
  Care = 2,    // care: the care-management side (居宅介護支援, 介護予防支援, 介護予防ケアマネジメント)
  Rental = 4,  // rental: 福祉用具貸与 (TAIS / 届出 / 明細判別 apply)
};

// All tables, built once from the embedded files (thread-safe static).
class Registry {
 public:
  static const Registry& instance();

  // nullptr when unknown.
  const FileKind* kind(std::string_view prefix) const;
  const Layout* layout(std::string_view name) const;
  const CodeList* codes(std::string_view name) const;
  const CsvVersion* version(std::string_view value) const;

  // Kinds ordered by descending prefix length, so that UPKIHON_SUB1 is tried before UPKIHON.
  const std::vector<const FileKind*>& kinds_longest_first() const { return by_length_; }
  const std::vector<std::unique_ptr<FileKind>>& kinds() const { return kinds_; }
  const std::vector<std::unique_ptr<CsvVersion>>& versions() const { return versions_; }

  // The version in force for a service month (the latest non-superseded one whose applies_from
  // is not after the month), or nullptr before the first.
  const CsvVersion* version_for(YearMonth service_month) const;
  // The version written by this project's writer (versions.tsv status current).
  const CsvVersion& current_version() const { return *current_; }

  // Whether a サービス種類 has a role in service_types.tsv (a table lookup: called per record).
  bool has_role(std::string_view type, ServiceRole role) const;

  // Builds a registry from table texts keyed by file name ("kinds", "versions", "codes",
  // "service_types", and each layout); throws std::runtime_error naming the table, line and
  // column of the first malformed row. Public for tests of the tables themselves.
  static Registry parse(const std::vector<std::pair<std::string, std::string_view>>& tables);

 private:
  std::vector<std::unique_ptr<FileKind>> kinds_;
  std::vector<const FileKind*> by_length_;
  std::vector<std::unique_ptr<Layout>> layouts_;
  std::vector<std::unique_ptr<CodeList>> code_lists_;
  std::vector<std::unique_ptr<CsvVersion>> versions_;
  std::vector<std::uint8_t> roles_ = std::vector<std::uint8_t>(1 << 16);  // ServiceRole bits by the 2 bytes of a type
  const CsvVersion* current_ = nullptr;
};

}  // namespace kaigo::careplan
