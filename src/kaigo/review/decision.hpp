// review/decision — what the review decides for each 明細書 and 給付管理票, with its reasons: the
// rows of the 返戻（保留）一覧表 and of the 増減単位数通知書, and the written and decided units and
// amounts per 集計 row that settlement pays and the reports print.
// Owns: the shape of the outcome. Must not: compute payments or format result files.
#pragma once
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/money.hpp"

namespace kaigo::review {

// 審査結果 of one 明細書 in this review month.
enum class ClaimOutcome : std::uint8_t {
  Paid,      // 決定 as claimed
  Cut,       // 決定 after 査定 (増減 事由 A / B)
  Held,      // 保留: waiting for its 給付管理票
  Returned,  // 返戻: not registered; the provider claims again as 新規
};

// Stored as the code, printed as the name (決定 / 査定 / 保留 / 返戻).
inline constexpr EnumTable<ClaimOutcome, 4> kClaimOutcomes{{{
#include "kaigo/review/claim_outcome.enum.inc"
}}};
constexpr const auto& enum_table(ClaimOutcome) { return kClaimOutcomes; }

// 審査結果 of one 給付管理票.
enum class PlanOutcome : std::uint8_t {
  Registered,  // 新規 registered
  Replaced,    // 修正 registered in place of the one in force
  Withdrawn,   // 取消: the one in force is deleted
  Returned,    // 返戻 (R(給)); nothing changes
};

inline constexpr EnumTable<PlanOutcome, 4> kPlanOutcomes{{{
#include "kaigo/review/plan_outcome.enum.inc"
}}};
constexpr const auto& enum_table(PlanOutcome) { return kPlanOutcomes; }

// 増減 事由 of the 介護保険審査増減単位数通知書 (review-rules §4.3).
enum class CutReason : char {
  None = 0,
  NotOnPlan = 'A',  // the plan has no line for the office and type → 0 単位 (error_codes.tsv 増減A)
  OverPlan = 'B',   // more than the plan's line → cut to the plan (増減B)
};

inline constexpr EnumTable<CutReason, 3> kCutReasons{{{
#include "kaigo/review/cut_reason.enum.inc"
}}};
constexpr const auto& enum_table(CutReason) { return kCutReasons; }

enum class FindingKind : std::uint8_t {
  Error,         // a coded error (備考 = the code): the document is returned
  Hold,          // no 給付管理票 yet (備考 「保留」)
  HoldEnded,     // no 給付管理票 and the hold period is over (備考 「返戻」)
  PlanMismatch,  // claim ≠ plan under plan_mismatch = return (備考 「返戻」)
  Cut,           // 査定 (a row of the 増減単位数通知書, not of the 返戻一覧)
};

// Stored as the code; `ja` is the 備考 of the 返戻（保留）一覧 (an Error's 備考 is its code).
inline constexpr EnumTable<FindingKind, 5> kFindingKinds{{{
#include "kaigo/review/finding_kind.enum.inc"
}}};
constexpr const auto& enum_table(FindingKind) { return kFindingKinds; }

// One reason: a row of the 返戻（保留）一覧表 (one per offending item, review-rules §1.1) or of
// the 増減単位数通知書.
struct Finding {
  FindingKind kind = FindingKind::Error;
  std::string code;          // 4-character error code (Error only)
  char list_reason = 0;      // 返戻一覧 事由: A 一次, B 資格, C 給付管理票突合, D 計画費の給付管理票なし
  CutReason cut = CutReason::None;  // Cut: the 増減 事由; PlanMismatch: which mismatch
  std::string service_type;  // サービス種類コード the row concerns (empty: the whole document)
  std::string item;          // 項目名, e.g. 証記載保険者番号
  std::string found;         // the value on the document
  std::string expected;      // the value the ledger, master, plan or computation expects
  std::string_view message_ja;  // static texts (review/codes)
  std::string_view message_en;

  std::string remark() const;   // 備考: the code, 「保留」 or 「返戻」; empty on a 増減 row
  std::string content() const;  // 内容: 「項目名：メッセージ」
};

// Units and money of one 集計 row (or of the 特定入所者 totals, with units 0).
struct Amounts {
  Units units;            // 保険 単位数合計 (給付単位数)
  Yen insurance_claim;    // 保険請求額
  Yen user_burden;        // 利用者負担額
  std::array<Yen, billing::kFundSlots> fund_claims{};  // 公費k 請求額
  auto operator<=>(const Amounts&) const = default;
  Amounts& operator+=(const Amounts& o);
};

// The amounts of a 集計 row as they stand on it.
Amounts amounts_of(const billing::AggregateRow& a);

// The decision on one 集計 row (サービス種類) of a 明細書.
struct RowDecision {
  std::string service_type;
  std::string last_item_code;  // サービス項目コード of the type's last 明細 (the notice prints 増減 there)
  CutReason cut = CutReason::None;
  std::optional<Units> plan_units;  // 給付計画単位数 matched (nullopt: not matched against a plan)
  Amounts written;                  // as claimed
  Amounts decided;                  // as decided this month (0 when held or returned)
  Units change() const { return decided.units - written.units; }  // 増減単位数 (≤ 0)
};

// 明細書の審査結果 — one per 明細書 decided this month.
struct ClaimDecision {
  std::string claim_id;
  std::uint64_t order = 0;
  ClaimOutcome outcome = ClaimOutcome::Paid;
  bool released = false;                // 保留復活: held in an earlier month, decided now
  std::optional<YearMonth> held_since;  // first review month on hold (held, released or expired)
  std::vector<Finding> findings;
  std::vector<RowDecision> rows;
  Amounts facility_written;  // 特定入所者介護サービス費等 (no units)
  Amounts facility_decided;

  Amounts written_total() const;
  Amounts decided_total() const;
  bool has_code(std::string_view code) const;
};

// 給付管理票の審査結果.
struct PlanDecision {
  std::string plan_id;
  std::uint64_t order = 0;
  PlanOutcome outcome = PlanOutcome::Registered;
  std::vector<Finding> findings;
  std::string previous_plan_id;               // 修正 / 取消: the plan that was in force
  std::vector<std::string> rereview_claims;   // 修正: earlier decided 明細書 to re-review (再審査)
  std::vector<std::string> withdrawn_claims;  // 取消: earlier decided 明細書 withdrawn (過誤)

  bool has_code(std::string_view code) const;
};

// 審査結果 of one review month (審査月). Plans in acceptance order; claims: the held ones first (by their order),
// then this month's in acceptance order. Re-running on the same input gives the same outcome.
struct MonthOutcome {
  std::vector<PlanDecision> plan_decisions;
  std::vector<ClaimDecision> claim_decisions;
};

// 種別 of the 返戻一覧 for a document of `form_id`: 請 (明細書), サ (サービス計画費), 給 (給付管理票).
std::string_view sheet_kind(std::string_view form_id);

}  // namespace kaigo::review
