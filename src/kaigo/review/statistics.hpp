// review/statistics — the review's returns and cuts counted (seed 000 §5(2) 表5-1 審査月別エラー件数
// TOP5; issue 18 item 6): by code, by サービス種類 or by 事業所, month against month, for the 国保連
// or for one 保険者, 明細書 and 給付管理票 alike. A document counts once per code (two 12PA findings
// on one 明細書 are one 件);
// the share of a code is its 件数 over the month's 件数 of all codes of that kind (the sum over the
// table's keys, so that a month's shares add up to 100 % as the seed's do), in ‰ rounded half up
// (16.6 % = 166 ‰).
// Owns: tallying, ranking and the CSV. Must not: read storage (the store hands it the reasons) or
// print pages (report does).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/date.hpp"

namespace kaigo::review {

// 返戻 (an error that returns the 明細書) or 査定 (増減 A/B of a サービス種類).
enum class ReasonKind { Return, Cut };
inline constexpr EnumTable<ReasonKind, 2> kReasonKinds{{{
#include "kaigo/review/reason_kind.enum.inc"
}}};
constexpr const auto& enum_table(ReasonKind) { return kReasonKinds; }

// One reason of one decided 明細書 or 給付管理票 (the decision of `kaigo review` in that month).
struct DecidedReason {
  YearMonth month;  // 審査年月
  ReasonKind kind = ReasonKind::Return;
  std::string code;      // the error code, or the 増減事由 (A / B)
  std::string claim_id;  // the document (counted once per code)
  std::string office_no;  // a 給付管理票's: its 居宅介護支援事業所
  std::string insurer_no;                  // 証記載保険者番号 as decided (6 digits)
  std::vector<std::string> service_types;  // a return: every サービス種類 of the 明細書 (none for a
                                           // 給付管理票); a cut: its 種類
};

// What a table is counted by.
enum class StatAxis { Code, ServiceType, Office };
inline constexpr EnumTable<StatAxis, 3> kStatAxes{{{
#include "kaigo/review/stat_axis.enum.inc"
}}};
constexpr const auto& enum_table(StatAxis) { return kStatAxes; }

struct StatCell {
  std::int64_t count = 0;  // 件数 (明細書)
  int permille = 0;        // share of the month's 件数, ‰ rounded half up
  bool operator==(const StatCell&) const = default;
};

struct StatRow {
  std::string key;              // code, サービス種類 or 事業所番号
  std::vector<StatCell> cells;  // one per month of the table
  std::int64_t total = 0;       // over the months
};

struct StatTable {
  ReasonKind kind = ReasonKind::Return;
  StatAxis axis = StatAxis::Code;
  std::string insurer_no;                // empty: every 保険者 (the 国保連's table)
  std::vector<YearMonth> months;         // oldest first
  std::vector<std::int64_t> month_totals;  // Σ 件数 of the month's keys (the share's denominator)
  std::vector<StatRow> rows;             // most 件数 over the months first, then by key
};

// The `count` review months ending with `last`, oldest first (the months of a table).
std::vector<YearMonth> months_ending(YearMonth last, int count);

// Tallies `reasons` of `kind` for `months` (others ignored), by `axis`; `insurer_no` (6 digits) keeps
// that 保険者's only. A document counts once per key and month.
StatTable tabulate(const std::vector<DecidedReason>& reasons, ReasonKind kind, StatAxis axis,
                   const std::vector<YearMonth>& months, std::string_view insurer_no = {});

// One place of a month's ranking (表5-1).
struct Ranked {
  std::string key;
  StatCell cell;
};
// Per month of the table (oldest first), its `n` keys with the most 件数 (ties by key).
std::vector<std::vector<Ranked>> top(const StatTable& table, std::size_t n);

// 166 → "16.6%".
std::string share_text(int permille);

// The table as CSV (UTF-8, CRLF): key, then per month 件数 and 割合, then the total.
std::string to_csv(const StatTable& table);

}  // namespace kaigo::review
