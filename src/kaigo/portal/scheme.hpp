// portal/scheme — the 助成金 schemes of the 介護情報基盤ポータル as dated data (seed 000 §2, seed 003
// 助成金申請の手引き, seed 004 §5): each fiscal year's scheme is an entry of `schemes/schemes.tsv`
// (令和7年度, 令和8年度, …) with its application window, the period the work must fall in, its
// classes and limits (`limits.tsv`: 訪問・通所・短期滞在系 3 台 64,000 円 …, hospitals by beds with
// their 補助率), the eligible items (`items.tsv`), when it decides and pays (`timetable.tsv`), which
// words of a receipt name which item (`purposes.tsv`) and which service type falls in which class
// (`service_classes.tsv`). A new fiscal year is new rows, never code.
// Owns: the tables, their reading and their consistency. Must not: compute an amount (computation
// does) or know accounts and storage.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"

namespace kaigo::portal {

// Who a scheme is for: 介護事業所・医療機関（介護サービス提供医療機関）向け支援 or 医療機関
// （主治医意見書作成医療機関）向け支援.
enum class Program : std::uint8_t { Office, Medical };
inline constexpr EnumTable<Program, 2> kPrograms{{{
#include "kaigo/portal/portal_program.enum.inc"
}}};
constexpr const auto& enum_table(Program) { return kPrograms; }

// 施設の種類 of a limit row: a care office, or a hospital (病院, 20 beds or more) or clinic (診療所).
enum class Facility : std::uint8_t { Office, Hospital, Clinic };
inline constexpr EnumTable<Facility, 3> kFacilities{{{
#include "kaigo/portal/scheme_facility.enum.inc"
}}};
constexpr const auto& enum_table(Facility) { return kFacilities; }

// 助成対象経費: カードリーダーの購入経費, 接続サポート等経費, 主治医意見書の電子的送信機能の追加経費.
enum class ItemKind : std::uint8_t { CardReader, ConnectionSupport, Modification };
inline constexpr EnumTable<ItemKind, 3> kItemKinds{{{
#include "kaigo/portal/item_kind.enum.inc"
}}};
constexpr const auto& enum_table(ItemKind) { return kItemKinds; }

// How an office with several services adds up its limits (seed 000 §2 ※: 「介護サービス種別に応じた
// 助成限度額の合計」): once per class it has (ByClass), or once per service type (ByService).
enum class LimitSum : std::uint8_t { ByClass, ByService };

// 補助率 num/den (10/10 for offices: the limit is the only cap).
struct Rate {
  std::int64_t num = 1;
  std::int64_t den = 1;
};

// 助成限度額等 — one class of a scheme (limits.tsv).
struct ClassLimit {
  std::string id;    // visit, residential, other, hospital_large, hospital_small, clinic
  std::string name;  // 訪問・通所・短期滞在系 …
  Facility facility = Facility::Office;
  int beds_from = 0;           // 病床数 (medical rows)
  std::optional<int> beds_to;  // inclusive; none = no upper bound
  std::optional<int> readers;  // カードリーダーの助成限度台数 (office rows)
  Rate rate;                   // 補助率
  Yen limit;                   // 助成限度額 (税込)
  std::string source;
  bool takes(Facility f, int beds) const;
};

// When the applications of a span of application days are decided and paid: the decision in the
// month `decision_months` after the application's month, the payment `payment_months` after.
struct Timetable {
  Date from, to;
  int decision_months = 1;
  int payment_months = 2;
  std::string source;
};

// 助成対象経費 of a scheme (items.tsv).
struct EligibleItem {
  ItemKind kind = ItemKind::CardReader;
  std::string name;  // カードリーダーの購入経費 …
  std::string source;
};

struct Scheme {
  std::string id;           // R7-office …
  std::string fiscal_year;  // 令和7年度
  Program program = Program::Office;
  std::string title;
  Date apply_from, apply_to;      // 申請期間 (both days included)
  std::optional<Date> work_from;  // the work (購入する・設定する) must be done on or after …
  std::optional<Date> work_to;    // … and on or before (none: no bound)
  LimitSum limit_sum = LimitSum::ByClass;
  int live_per_applicant = 1;  // applications not returned or withdrawn, per applicant
  int tax_percent = 10;        // 消費税率 used to read a receipt without its 内訳
  std::string issuer;          // who decides and pays (国民健康保険中央会)
  std::string source;
  std::vector<ClassLimit> limits;
  std::vector<Timetable> timetable;
  std::vector<EligibleItem> items;

  bool open_on(Date d) const { return apply_from <= d && d <= apply_to; }
  bool work_within(Date d) const { return (!work_from || *work_from <= d) && (!work_to || d <= *work_to); }
  const ClassLimit* limit(std::string_view class_id) const;
  const ClassLimit* medical_limit(Facility f, int beds) const;
  const Timetable* timetable_for(Date applied_on) const;
  const EligibleItem* item(ItemKind k) const;
};

// A word of a receipt's 但し書き that names an item (purposes.tsv), tried in table order.
struct Purpose {
  std::string keyword;
  ItemKind kind = ItemKind::CardReader;
  std::string source;
};

class Schemes {
 public:
  // The embedded tables (src/kaigo/portal/schemes/*.tsv), read once. Throws std::logic_error
  // naming the table and line when one is malformed (a build defect, caught by the tests).
  static const Schemes& bundled();

  const std::vector<Scheme>& all() const { return schemes_; }
  const Scheme* find(std::string_view id) const;
  // The scheme of `program` whose application window holds `day`, if any.
  const Scheme* open_for(Program program, Date day) const;
  // The class of a サービス種類コード (visit / residential / other), if the table has it.
  std::optional<std::string> service_class(std::string_view service_type) const;
  const std::vector<Purpose>& purposes() const { return purposes_; }
  const std::vector<std::pair<std::string, std::string>>& service_classes() const { return service_classes_; }

 private:
  std::vector<Scheme> schemes_;
  std::vector<std::pair<std::string, std::string>> service_classes_;  // service type → class
  std::vector<Purpose> purposes_;
};

// What is inconsistent in the tables: a scheme without limits, items or timetable, a timetable
// that does not cover the window day by day exactly once, a rate outside (0, 1], an office row
// without its reader count, a service class no office scheme has, … (empty when all is well).
std::vector<std::string> check_tables(const Schemes& schemes);

}  // namespace kaigo::portal
