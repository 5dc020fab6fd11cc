// review/plan_match — a 明細書 that passed every check, matched with the 給付管理票 of its person
// and month (review-rules §4.2–4.5; V-SPEC §1.3.1 ②, §1.8). Only サービス種類 whose master says a
// plan is needed take part (not 居宅療養管理指導, 施設, …).
//  - no plan registered: 保留 while R − M < hold(R), else 返戻 (DESIGN §3.3);
//  - per 集計 row of a 区分支給限度 type: the units claimed inside the limit against the line of the
//    same 事業所番号 × サービス種類 (plan units are per office, so each office is cut on its own):
//    no line → 事由 A (0 units), fewer planned than claimed → 事由 B (cut to the plan);
//  - with plan_mismatch = return any such row returns the 明細書 instead (備考 「返戻」);
//  - after a cut the amounts are recomputed from the decided units (billing::compute).
// The decided units never exceed what was claimed.
// Owns: the match and the decided amounts. Must not: check ledgers or duplicates.
#pragma once
#include "kaigo/master/ledgers.hpp"
#include "kaigo/review/detail/claim_review.hpp"

namespace kaigo::review {

// Rows of `d` hold the written amounts on entry; sets outcome, findings, decided amounts and
// held_since. `first_held` is this month for a new 明細書.
void match_plan(const billing::ClaimStatement& st, const master::Recipient* recipient, YearMonth first_held,
                const ClaimReviewDeps& deps, ClaimDecision& d);

// No plan is registered: 保留 while R − M < hold(R), else 返戻 (DESIGN §3.3).
void hold_or_return(const billing::ClaimStatement& st, YearMonth first_held, const ClaimReviewDeps& deps,
                    ClaimDecision& d);

}  // namespace kaigo::review
