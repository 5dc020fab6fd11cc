// careplan/reconcile — plan against claim (★, issue 15 item 3): from the 予定 and 実績 (第6表) the
// hub holds for a service month and the 明細書 and 給付管理票 reception holds for the processing
// month, what the review will do, shown to both sides before the 10th:
//  - the 給付管理票 the care manager should send, built from the 実績 (per person, the units of
//    each office × サービス種類 inside the 区分支給限度), for every person-month that has no
//    給付管理票 yet (none submitted this month, none registered), written as the official 交換情報
//    file (データ種別 821) and pre-checked like any file reception takes;
//  - for every 明細書 of the month, the decision review::run_month gives when those 給付管理票
//    are added to the month as it stands — the same function `kaigo review` runs, not a copy of
//    its rules: 増減 A / B with the units, 保留, 返戻 with the code;
//  - where 予定 and 実績 differ (units per office × サービス種類), for the care manager to look at.
// Owns: building the 給付管理票 from 実績 and putting the prediction together.
// Must not: decide a claim itself (review does) or touch storage (the MonthSource does).
#pragma once
#include <string>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/careplan/hub.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/review/month_run.hpp"

namespace kaigo::careplan {

// 予定 and 実績 units of one office × サービス種類 for one person that are not the same.
struct UnitsDifference {
  PersonId person;
  std::string office_no;
  std::string service_type;
  Units planned;  // 予定 (0 when the 予定 has no such line)
  Units actual;   // 実績 (0 when no 実績 came)
};

// The decision the review would give one 明細書.
struct ClaimPrediction {
  review::SubmittedClaim claim;
  review::ClaimDecision decision;
};

// A 給付管理票 file to send: one per 居宅介護支援事業所.
struct PlanFile {
  std::string office_no;
  std::string name;   // as gen names them: KY + YYMM + 01.CSV
  std::string bytes;  // CP932, the official 交換情報 form
  precheck::FileResult check;
};

struct ReconcileReport {
  YearMonth review_month;   // 処理年月
  YearMonth service_month;  // サービス提供年月 of the 予定 / 実績 used
  std::vector<billing::BenefitPlan> plans;  // built from 実績, in person order
  std::vector<PlanFile> files;
  std::vector<UnitsDifference> differences;
  std::vector<review::PlanDecision> plan_decisions;  // of the month with those plans added
  std::vector<ClaimPrediction> claims;               // every 明細書 decided, in review order
  std::vector<FileCheck> problems;                   // hub files that no longer read cleanly
};

// `sheets`: the hub's 第6表 of review_month − 1. `precheck`: the context reception checks files
// with (processing_month is set to review_month here). `today`: the 作成年月日 of the plans.
ReconcileReport reconcile(review::MonthSource& source, const review::ReviewContext& context, const MonthSheets& sheets,
                          YearMonth review_month, Date today, precheck::PrecheckContext precheck);

// The 給付管理票 a care manager builds from one person's 実績 (one sheet per service office) in
// `month`: lines of the サービス種類 that need a plan, units inside the 区分支給限度; nullopt when
// the person is not in the 受給者台帳 that month or nothing needs a plan.
std::optional<billing::BenefitPlan> plan_from_actuals(const std::vector<const UsageSheet*>& actuals,
                                                      const review::ReviewContext& context, YearMonth month, Date today);

}  // namespace kaigo::careplan
