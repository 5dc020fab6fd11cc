// review/recipient_checks — a document against the 受給者台帳 of its person and month
// (review-rules §1.3 12xx, §7): 12P0 (no record: one row each on 証記載保険者番号 and 被保険者番号),
// 12PA (変更申請中, the same pair of rows, seed 002 §5(3)), 12PD (outside the 認定有効期間), 12QJ
// (要介護状態区分), 12QT (生年月日, 性別), 12SA (保険給付率), 12P4 (居宅介護支援事業所), 12P5
// (居宅サービス計画作成区分), 10QF (a サービス種類 the person's level may not use) and AEFB (a per-day
// 明細 counting more days than the person is certified in the month).
// Owns: those comparisons. Must not: decide the outcome (any finding returns the document).
#pragma once
#include <span>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/review/decision.hpp"

namespace kaigo::review {

// The ledger versions valid in the month; empty → 12P0 was added to `out`.
std::vector<const master::Recipient*> find_recipient(const master::RecipientLedger& ledger,
                                                     std::string_view insurer_no, std::string_view insured_no,
                                                     YearMonth month, std::vector<Finding>& out);

// A 明細書 (様式第七 when `care_plan_fee`). Returns the version whose 給付率 the amounts are to be
// computed with (nullptr when none is valid in the month). `fixed_rate`: a 定率 総合事業 claim's
// 給付率 is the municipality's (on its code), which the written one must match instead (12SA).
const master::Recipient* check_claim_recipient(std::span<const master::Recipient* const> versions,
                                               const billing::ClaimStatement& st, bool care_plan_fee,
                                               std::vector<Finding>& out,
                                               std::optional<int> fixed_rate = std::nullopt);

// 10QF and AEFB: the services of a 明細書 against the person's levels and certification in the month.
void check_claim_services_for_person(const master::Masters& masters,
                                     std::span<const master::Recipient* const> versions,
                                     const billing::ClaimStatement& st, std::vector<Finding>& out);

// A 給付管理票 (新規 or 修正).
void check_plan_recipient(std::span<const master::Recipient* const> versions, const billing::BenefitPlan& plan,
                          std::vector<Finding>& out);

// 居宅サービス計画作成区分 of a document (1 支援事業所, 2 自己作成, 3 予防支援) for the ledger's
// code (1 支援事業所, 2 基準該当, 3 自己作成, 4 予防支援・地域包括) [INF: claims-format §9 lists both
// code sets; the pairing is ours]. 0 when the ledger code is unknown.
int document_plan_kind(int ledger_plan_kind);

}  // namespace kaigo::review
