// review/plan_review — one 給付管理票 decided against what is registered for its person and month
// (review-rules §4.4, §5, §8 step 2): 作成区分 logic (ANN0, ANNJ, ANN9), lines (ANNK, ADD0/ADD1),
// the 受給者台帳 (recipient_checks), the 区分支給限度基準額 of the month — the heaviest level's —
// (12P3) and any 種類支給限度基準額 (15P6). A returned plan changes nothing; a registered 新規 or
// 修正 becomes the plan in force; a 取消 deletes it. A 修正 lists the decided 明細書 of the person
// and month for 再審査; a 取消 lists them as withdrawn (過誤), which a later module settles.
// Owns: those decisions and the registry updates. Must not: decide 明細書.
#pragma once
#include "kaigo/review/decision.hpp"
#include "kaigo/review/detail/history_index.hpp"
#include "kaigo/review/review.hpp"

namespace kaigo::review {

// The ledgers, masters and settings of the review, and the month's registry and history it updates.
struct PlanReviewDeps {
  const ReviewContext& context;
  PlanRegistry& registry;
  HistoryIndex& history;
};

PlanDecision review_plan(const SubmittedPlan& submitted, PlanReviewDeps& deps);

}  // namespace kaigo::review
