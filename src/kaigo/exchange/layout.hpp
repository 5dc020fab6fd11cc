// exchange/layout — the 交換情報 record layouts, loaded from the embedded tables in layouts/.
// Owns: Form (one 交換情報識別番号), RecordLayout (one record kind), ItemSpec (one 項目).
// Must not: hold business rules; everything here is what the インタフェース仕様書 says of the bytes.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/text/charclass.hpp"

namespace kaigo::exchange {

enum class Requirement { Always, Conditional, Optional };
inline constexpr EnumTable<Requirement, 3> kRequirements{{{
#include "kaigo/exchange/requirement.enum.inc"
}}};
constexpr const auto& enum_table(Requirement) { return kRequirements; }
enum class ItemFormat { Plain, YearMonth, Date, Code, Const };

// 項目 — one item of a record layout.
struct ItemSpec {
  int no = 0;                  // 項番
  std::string name;            // 項目名 (UTF-8)
  text::CharClass attr = text::CharClass::Alnum;  // 属性
  int max_bytes = 0;           // 0 = not known, not checked
  bool is_signed = false;      // ※S
  Requirement req = Requirement::Optional;
  ItemFormat format = ItemFormat::Plain;
  std::string const_value;     // for ItemFormat::Const
  std::string field;           // the domain field it holds (documents/fields); empty = none
  std::string note;
};

// The part of an ItemSpec the reader checks on every item, packed for the hot loop.
struct ItemCheck {
  text::CharClass attr = text::CharClass::Alnum;
  ItemFormat format = ItemFormat::Plain;
  bool required = false;
  bool is_signed = false;
  std::uint16_t max_bytes = 0;
};

// One record layout (e.g. 明細書 基本情報レコード 01, or 7211 D1).
struct RecordLayout {
  std::string name;  // file name without .tsv, e.g. "statement-01"
  std::vector<ItemSpec> items;
  std::vector<ItemCheck> checks;  // one per item, same order
  const ItemSpec& item(int no) const { return items[static_cast<std::size_t>(no - 1)]; }
  int count() const { return static_cast<int>(items.size()); }
};

enum class Family { Invoice, Statement, CarePlan, Plan, Appeal, Notice };
// As written in forms.tsv `family`.
inline constexpr EnumTable<Family, 6> kFamilies{{{
#include "kaigo/exchange/layout_family.enum.inc"
}}};
constexpr const auto& enum_table(Family) { return kFamilies; }

// 交換情報識別番号 — one kind of 交換情報 with its record layouts.
struct Form {
  std::string code;       // e.g. "7131"
  std::string title;      // 情報名 / 様式
  bool inbound = true;    // provider → 国保連
  std::string data_type;  // データ種別 of a file that starts with this form
  Family family = Family::Statement;
  // kind code ("01", "H1", …) → layout; a single entry with empty kind when the form has no
  // record-kind item.
  std::vector<std::pair<std::string, const RecordLayout*>> kinds;
  std::vector<int> key_items;  // 項番 that identify one document; empty = every record alone
  int max_key_item = 0;        // the highest of key_items
  std::string valid;

  bool has_kinds() const { return !(kinds.size() == 1 && kinds[0].first.empty()); }
  const RecordLayout* layout_for(std::string_view kind) const;  // nullptr when unknown
};

// All forms and layouts; built once from the embedded tables (thread-safe static).
class Registry {
 public:
  static const Registry& instance();

  const Form* form(std::string_view code) const;  // nullptr when unknown
  const RecordLayout& control() const { return *control_; }
  const std::vector<Form>& forms() const { return forms_; }
  const RecordLayout* layout(std::string_view name) const;

  // Builds a registry from TSV texts; throws std::runtime_error naming the table, line and
  // column of the first malformed row. Public for tests of the tables themselves.
  static Registry parse(std::string_view forms_tsv,
                        const std::vector<std::pair<std::string, std::string_view>>& layout_tsvs);

 private:
  std::vector<Form> forms_;
  std::vector<std::unique_ptr<RecordLayout>> layouts_;
  const RecordLayout* control_ = nullptr;
};

}  // namespace kaigo::exchange
