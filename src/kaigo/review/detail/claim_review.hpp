// review/claim_review — one 明細書 decided (review-rules §8 step 3): office and insurer
// (office_checks), 受給者台帳 (recipient_checks), 日割り (daily_rate_check), 摘要 (remark_check),
// duplicates (ANN2 this month — held ones included —, ANN4 with ANNM, ANN7), amounts (amount_checks); any of these returns it whole.
// Otherwise the 給付管理票 match (plan_match) decides 決定, 査定, 保留 or 返戻.
// Owns: the order of the checks and the register of this month's 明細書. Must not: decide plans.
#pragma once
#include "kaigo/review/detail/history_index.hpp"
#include "kaigo/review/review.hpp"

namespace kaigo::review {

struct ClaimReviewDeps {
  const ReviewContext& context;
  YearMonth month;  // the review month
  const PlanRegistry& plans;
  const HistoryIndex& history;
  ClaimRegister& registered;
};

// A 明細書 of this month; registers its key unless it is returned.
ClaimDecision review_new_claim(const SubmittedClaim& claim, ClaimReviewDeps& deps);

// A held 明細書 of an earlier month: released (and reviewed again, without the duplicate checks it
// passed when it arrived) when its plan is registered, else returned or held by the hold schedule.
ClaimDecision review_held_claim(const HeldClaim& held, ClaimReviewDeps& deps);

// A 明細書 returned for the errors the 事前チェック found in it (様式エラー有: seed 002 §3(2)
// 「エラー項目のある請求明細書・給付管理票は「返戻」扱い」): not reviewed, not registered.
ClaimDecision returned_at_reception(const SubmittedClaim& claim, std::vector<Finding> findings);

}  // namespace kaigo::review
