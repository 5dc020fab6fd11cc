// review/input — what one review month is given: this month's accepted 給付管理票 and 明細書, and
// the history the store keeps from earlier months (registered plans, decided claims, held claims,
// this month's 過誤).
// Owns: the shape of the inputs. Must not: know where they come from (the store supplies them).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/core/date.hpp"

namespace kaigo::review {

// One accepted 明細書 (請求明細書, or 様式第七 居宅介護支援費 via documents::as_statement).
struct SubmittedClaim {
  std::string id;           // the store's id; decisions refer to it
  std::uint64_t order = 0;  // acceptance order (受付順): of two copies the first accepted wins (ANN2)
  billing::ClaimStatement statement;
};

// One accepted 給付管理票 (作成区分 1 新規 / 2 修正 / 3 取消 in plan.create_kind).
struct SubmittedPlan {
  std::string id;
  std::uint64_t order = 0;  // acceptance order: 新規 / 修正 / 取消 of one person apply in this order
  billing::BenefitPlan plan;
};

// A 給付管理票 registered in an earlier review month: the version in force (after any 修正) for
// its (証記載保険者番号, 被保険者番号, 対象年月). Returned and cancelled ones are not registered.
struct RegisteredPlan {
  std::string id;
  YearMonth review_month;  // when it was registered
  billing::BenefitPlan plan;
};

// 審査決定済みの明細書 (給付実績) — a 明細書 decided (paid or cut) in an earlier review month and standing at the start of this one.
struct DecidedClaim {
  std::string id;
  YearMonth review_month;       // when it was decided
  billing::StatementKey key;    // as written (the 証記載保険者番号 is normalised when compared)
  bool cut = false;             // any 増減 (事由 A or B) was applied
  std::vector<std::string> zero_assessed_types;  // サービス種類 assessed to 0 (事由 A): ANNM
};

// A 明細書 on hold (保留) since review month `first_held`, waiting for its 給付管理票.
struct HeldClaim {
  SubmittedClaim claim;
  YearMonth first_held;
};

// A 過誤 (withdrawal of a decided 明細書) processed in this review month.
struct MonthKago {
  billing::StatementKey key;
  bool same_month = false;  // 同月過誤: a re-claim of the same 明細書 is accepted this month
};

// 前月までの審査の結果 — earlier months as the store knows them. The store may supply only the entries whose keys occur
// among this month's documents; entries for other keys are ignored.
struct History {
  std::vector<RegisteredPlan> plans;      // one per (保険者, 被保険者, 対象年月); a later entry wins
  std::vector<DecidedClaim> decided;      // duplicates of these are ANN4; a 修正/取消 lists them
  std::vector<HeldClaim> held;            // reviewed again this month (保留復活 / 返戻 / 保留)
  std::vector<MonthKago> withdrawals;    // 過誤 of this month (ANN7 unless 同月過誤)
};

struct ReviewInput {
  YearMonth month;  // 処理年月 = the review month (審査月)
  std::vector<SubmittedPlan> plans;
  std::vector<SubmittedClaim> claims;
  History history;
};

}  // namespace kaigo::review
