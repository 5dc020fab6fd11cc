// precheck/rules — the pre-check rules as data: the tables in rules/*.tsv (embedded into the
// library), parsed once. Each row names its source; rows tagged [INF] are inferences to check.
// Owns: the table formats and their parsing (strict: a malformed row names its table, line, column).
// Must not: evaluate the rules (record_checks, file_checks do).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/precheck/precheck.hpp"

namespace kaigo::precheck {

// Which records a rule applies to: the control record, or the records of one family of forms.
enum class RuleFamily { Control, Statement, CarePlan, Plan, Invoice };
// As written in the rule tables' `family`.
inline constexpr EnumTable<RuleFamily, 5> kRuleFamilies{{{
#include "kaigo/precheck/rule_family.enum.inc"
}}};
constexpr const auto& enum_table(RuleFamily) { return kRuleFamilies; }
std::optional<RuleFamily> rule_family(const exchange::Form* form);

// A condition on another item of the same record: `N=a b` (item N is one of), `N!=a b` (is none
// of), `N^=p` (starts with p), `N!^=p` (does not start with p). Several are joined with `&`.
struct Condition {
  enum class Op { In, NotIn, Prefix, NotPrefix };
  int item = 0;
  Op op = Op::In;
  std::vector<std::string> values;
  bool holds(const exchange::Record& r) const;
};
bool all_hold(const std::vector<Condition>& when, const exchange::Record& r);

enum class ItemRuleKind {
  Required,               // empty → ABB0
  OneOf,                  // a code outside args
  BeforeProcessingMonth,  // the month item must be before the 処理対象年月
  FormValidInMonth,       // the 交換情報識別番号 must be in use in the service month
  DateInMonth,
  DateNotAfterMonth,
  DateNotBeforeMonth,
  YmNotAfterMonth,
  YmNotBeforeMonth,
  DaysInMonth,            // a day count ≤ the days of the service month
  DaysInMonthPerDay,      // the same, for サービスコード counted per day only
  DaysWithinActual,       // a per-day line ≤ the サービス実日数 of its 集計
  DaysWithinPeriod,       // a per-day line ≤ the days from 開始 to 中止 within the month
};
inline constexpr EnumTable<ItemRuleKind, 13> kItemRuleKinds{{{
#include "kaigo/precheck/item_rule_kind.enum.inc"
}}};
constexpr const auto& enum_table(ItemRuleKind) { return kItemRuleKinds; }

struct ItemRule {
  RuleFamily family = RuleFamily::Statement;
  std::string kind;  // レコード種別コード; empty = every record of the family
  int item = 0;
  ItemRuleKind rule = ItemRuleKind::Required;
  std::vector<std::string> args;
  std::vector<Condition> when;
  std::string code;
};

// Items that identify a line inside one document: a second line with the same values is a duplicate.
struct DuplicateRule {
  RuleFamily family = RuleFamily::Statement;
  std::string kind;
  std::vector<int> items;
  int report_item = 0;
  std::vector<Condition> when;
  std::string code;
};

enum class StructureKind { Required, Sequence, TypesMatch };

struct StructureRule {
  RuleFamily family = RuleFamily::Statement;
  StructureKind rule = StructureKind::Required;
  std::vector<std::string> kinds;     // Required: any of these; Sequence: the kind ("" = all)
  std::vector<std::string> kinds_to;  // TypesMatch: the 集計 kinds (kinds are the 明細 kinds)
  int item = 0;                       // Sequence: 順次番号 item; TypesMatch: サービス種類 item
  std::string code;
};

// The level of a reader finding; nullopt = not listed (a warning, or replaced by another code).
struct ReaderLevel {
  std::string code;
  std::optional<Level> level;
  std::optional<Level> on_control;  // when it is about the control record
};

struct RuleSettings {
  std::size_t file_name_max_stem = 8;
  std::vector<std::string> file_name_extensions;  // upper case, without the dot
  std::vector<std::string> full_benefit_types;    // サービス種類 paid 10割 (保険給付率 empty)
  std::size_t binary_head_bytes = 65536;
};

struct RuleTexts {
  std::string_view settings, items, duplicates, structure, reader_levels;
};

class Rules {
 public:
  // Parses the tables; throws std::runtime_error naming table, line and column of a bad row.
  static Rules parse(const RuleTexts& texts);

  const RuleSettings& settings() const { return settings_; }
  const std::vector<ItemRule>& items() const { return items_; }
  const std::vector<DuplicateRule>& duplicates() const { return duplicates_; }
  const std::vector<StructureRule>& structure() const { return structure_; }
  // Item rules of one family and record kind (rules without a kind included), in table order.
  const std::vector<const ItemRule*>& items_for(RuleFamily family, std::string_view kind) const;
  const ReaderLevel* reader_level(std::string_view code) const;
  bool full_benefit(std::string_view service_type) const;

 private:
  RuleSettings settings_;
  std::vector<ItemRule> items_;
  std::vector<DuplicateRule> duplicates_;
  std::vector<StructureRule> structure_;
  std::vector<ReaderLevel> reader_levels_;
  // items_for per family × kind slot (0: no or a non-numeric kind; 1–100: kind "00"–"99").
  std::vector<std::vector<const ItemRule*>> by_kind_;
};

// The embedded tables, parsed on first use.
const Rules& rules();

}  // namespace kaigo::precheck
