// review/fund_checks — the 公費 slots of a 明細書 against the 公費受給者台帳 of its month
// (review-rules §1.3, §2.4): 13PS when a slot's 公費負担者番号 × 公費受給者番号 is not in the ledger
// for the month or is another person's; ATTC when its written 公費給付率 differs from the ledger's
// [INF: the published label 「公費給付率＞90以外は誤り」 is truncated]; and the 公費本人負担額 of each
// slot, which the recomputation takes out of the 公費 share (amount_checks then compares the
// 公費 amounts, computed in the order of their 法別番号, as it compares the others).
// Owns: those comparisons and lookups. Must not: compute amounts or decide the outcome.
#pragma once
#include <array>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/master/public_funds.hpp"
#include "kaigo/review/decision.hpp"

namespace kaigo::review {

void check_funds(const master::FundRecipientLedger& ledger, const billing::ClaimStatement& st,
                 std::vector<Finding>& out);

// The ledger's 公費本人負担額 (per month) of each slot of the 明細書; 0 for a slot not registered.
std::array<Yen, billing::kFundSlots> fund_self_pay(const master::FundRecipientLedger& ledger,
                                                  const billing::ClaimStatement& st);

}  // namespace kaigo::review
