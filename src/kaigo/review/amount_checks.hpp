// review/amount_checks — the written amounts of a 明細書 against the 国保連's recomputation
// (review-rules §2.4): ASSA when a unit count or an amount claimed from a payer exceeds the
// computed one (seed 002 §5(3), on 保険請求額), ASS0 for any other
// difference, 利用者負担 included (seed 000 §5(2): 給付割合の相違・計算誤り), ATT5 for a 生保単独
// claim with a 保険請求額.
// A written 保険給付率 that differs from the ledger is 12SA (recipient_checks); the differences it
// causes alone are not reported again as ASS0, but values it makes too high are ASSA, as in seed 002.
// Owns: which differences become which code. Must not: compute (billing does) or match the plan.
#pragma once
#include <vector>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/master/public_funds.hpp"
#include "kaigo/review/decision.hpp"

namespace kaigo::review {

// 様式第七 (8124 居宅介護支援費, 8125 介護予防支援費): paid in full (10割), no 保険給付率 on the form.
bool is_care_plan_fee(std::string_view form_id);

// What the amounts are recomputed with before the plan is matched: the office's 単価, the ledger's
// 給付率 (100 for 様式第七; the written one when `recipient` is null), the 計画単位数 written on
// the claim as its own cap, and the 公費本人負担額 of the 公費受給者台帳 (none when `funds` is null).
billing::StatementTerms claim_terms(const master::Masters& masters, const master::OfficeLedger& offices,
                                    const billing::ClaimStatement& st, const master::Recipient* recipient,
                                    const master::FundRecipientLedger* funds);

// `rate_mismatch`: 12SA was found.
void check_amounts(const billing::ClaimStatement& st, const billing::StatementTerms& terms, bool rate_mismatch,
                   std::vector<Finding>& out);

}  // namespace kaigo::review
