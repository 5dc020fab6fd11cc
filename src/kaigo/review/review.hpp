// review — the monthly 審査 of the 国保連 as a pure function over plain values (review-rules §4–5,
// §8; DESIGN §1.2, §3.3). Given this month's accepted 給付管理票 and 明細書, the ledgers, the
// masters and the history of earlier months, it decides every document with its reasons:
//   1. 給付管理票, in acceptance order: 新規 / 修正 / 取消 against what is registered (ANN0, ANNJ,
//      ANN9), lines (ANNK, ADD0/ADD1), the 受給者台帳 (12P0, 12PD, 12QJ, 12QT, 12P4, 12P5), the
//      区分支給限度基準額 (12P3) and 種類支給限度 (15P6);
//   2. held 明細書 of earlier months: released (保留復活) when their plan is now registered,
//      returned when the hold period is over, otherwise held again;
//   3. this month's 明細書, in acceptance order: 事業所 and サービス (ADD0/ADD1), 保険者
//      (ADD2/ADDA), 受給者台帳 (12P0, 12PA, 12PD, 12QJ, 12QT, 12SA; 12P4/12P5 on 様式第七),
//      日割り of 月額 services (AEFJ), 摘要 (14QR), 公費 (13PS, ATTC: with a 公費受給者台帳), duplicates (ANN2, ANN4 + ANNM, ANN7), amounts (ASSA, ASS0, ATT5), then the plan match:
//      none → 保留 or 返戻; no line → 増減 A; over the line → 増減 B (or 返戻 when configured),
//      with the amounts recomputed from the decided units.
// docs/review.md explains each step and its source.
// Owns: the decisions. Must not: touch storage, read files, or compute payments (settlement does).
#pragma once
#include <functional>
#include <memory>
#include <span>

#include "kaigo/master/masters.hpp"
#include "kaigo/master/public_funds.hpp"
#include "kaigo/review/config.hpp"
#include "kaigo/review/decision.hpp"
#include "kaigo/review/input.hpp"

namespace kaigo::review {

// 審査に使う台帳・マスタと設定.
struct ReviewContext {
  const master::Masters& masters;
  const master::OfficeLedger& offices;
  const master::InsurerLedger& insurers;
  const master::RecipientLedger& recipients;
  Config config;
  // 公費受給者台帳; null when none was loaded: the 公費 slots of a 明細書 are then taken as written
  // (no 13PS, ATTC, and no 公費本人負担 from a ledger).
  const master::FundRecipientLedger* funds = nullptr;
};

// The whole review month at once. Deterministic: the output depends only on the values given
// (ties in `order` are broken by id).
MonthOutcome review_month(const ReviewInput& input, const ReviewContext& context);

// The same review one document at a time, for callers that stream 明細書 from storage instead of
// holding a month in memory. Call, in this order: review_plans once, review_held once, then
// review_claim for each 明細書 in acceptance order. `context`, `history` and the plans given to
// review_plans must outlive it; a 明細書 may be dropped once review_claim returns.
// Memory kept: an index of the plans in force, one key per 明細書 registered, and the history's
// indexes (docs/performance.md: ~185 MB for a month of 1M 明細書 and 340k plans).
class MonthReviewer {
 public:
  MonthReviewer(const ReviewContext& context, YearMonth month, const History& history);
  ~MonthReviewer();
  MonthReviewer(const MonthReviewer&) = delete;
  MonthReviewer& operator=(const MonthReviewer&) = delete;

  // Decides the 給付管理票 in acceptance order (ties by id); the result is in that order.
  std::vector<PlanDecision> review_plans(std::span<const SubmittedPlan> plans);
  // The same over the caller's plans wherever it holds them: sorts `plans` into acceptance order
  // (ties by id) and returns the decision of each, in that order.
  std::vector<PlanDecision> review_plans_sorting(std::vector<const SubmittedPlan*>& plans);
  // The same, each decision handed to `decided` (its plan's index in the sorted `plans`) as soon as
  // it is made: a caller stores the first while the rest are decided. A decision never changes
  // once made (a later 修正 is a decision of its own).
  void review_plans_sorting(std::vector<const SubmittedPlan*>& plans,
                            const std::function<void(std::size_t, PlanDecision&&)>& decided);
  // Decides the held 明細書 of the history (by their order, ties by id).
  std::vector<ClaimDecision> review_held();
  // Decides one 明細書 of this month. Throws std::logic_error when called out of order.
  ClaimDecision review_claim(const SubmittedClaim& claim);
  // About how many 明細書 review_claim will see (more is harmless): their keys' table is sized once.
  void expect_claims(std::size_t n);
  // Asks the memory for what review_claim(next) looks up first — its person in the 受給者台帳, its
  // person-month among the 給付管理票, its key among the registered 明細書 — while the claim before
  // it is decided: those reads missed the cache, a fifth of the deciding thread's time.
  void prefetch(const SubmittedClaim& next) const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace kaigo::review
