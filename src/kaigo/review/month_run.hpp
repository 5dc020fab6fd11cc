// review/month_run — one review month end to end over a store: this month's accepted 給付管理票
// and 明細書 (in acceptance order) and the history of earlier months come from a MonthSource, and
// every decision goes to a DecisionSink, one document at a time, so that a month of millions of
// 明細書 never has to be held in memory. Documents the 事前チェック found errors in arrive with
// those errors and are returned with them, unreviewed.
// Owns: the order of the month (plans, held claims, new claims). Must not: know how documents or
// decisions are stored.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "kaigo/core/settings.hpp"
#include "kaigo/review/review.hpp"

namespace kaigo::review {

class MonthSource {
 public:
  virtual ~MonthSource() = default;
  using PlanFn = std::function<void(SubmittedPlan&&, std::vector<Finding>&& reception_findings)>;
  // `next`: the 明細書 that comes after this one, when the source already holds it (else null), so
  // that its lookups can be started early (MonthReviewer::prefetch).
  using ClaimFn =
      std::function<void(SubmittedClaim&&, std::vector<Finding>&& reception_findings, const SubmittedClaim* next)>;
  // What earlier review months left: registered plans, decided and held 明細書, this month's 過誤.
  // run_month calls it on a thread of its own, while for_each_plan runs and the sink begins.
  virtual History history(YearMonth month) = 0;
  // Every 給付管理票 of the month's accepted files, in acceptance order.
  virtual void for_each_plan(YearMonth month, const PlanFn& fn) = 0;
  // Every 明細書 (様式第七 included) of the month's accepted files, in acceptance order.
  virtual void for_each_claim(YearMonth month, const ClaimFn& fn) = 0;
  // About how many for_each_claim will give (at least as many; 0: not known), read cheaply.
  virtual std::size_t claims_expected(YearMonth /*month*/) { return 0; }
};

class DecisionSink {
 public:
  virtual ~DecisionSink() = default;
  // Starts the month, replacing the decisions of an earlier run of it.
  virtual void begin(YearMonth month) = 0;
  // Each decision is the sink's to keep: run_month hands it over and does not use it again.
  virtual void plan(const SubmittedPlan& plan, PlanDecision decision) = 0;
  virtual void claim(const SubmittedClaim& claim, ClaimDecision decision) = 0;
  // Makes the month's decisions durable, all at once.
  virtual void commit() = 0;
};

struct RunReport {
  std::map<std::string, std::uint64_t> plans;   // by enum_ja of the outcome (登録, 修正, 取消, 返戻)
  std::map<std::string, std::uint64_t> claims;  // by enum_ja of the outcome (決定, 査定, 保留, 返戻)
  std::uint64_t released = 0;                   // 保留復活
  std::uint64_t returned_at_reception = 0;      // 事前チェックのエラーで返戻
};

RunReport run_month(MonthSource& source, DecisionSink& sink, const ReviewContext& context, YearMonth month);

}  // namespace kaigo::review
