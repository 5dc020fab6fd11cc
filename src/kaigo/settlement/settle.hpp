// settlement — decisions → payments (DESIGN §1.3, §2): one review month of decided 明細書 and
// 給付管理票, the 請求書, 過誤 and 再審査 of the month become, per office, the figures of every
// result notice and the payment, as plain values (results.hpp). docs/settlement.md explains each
// rule and its source; report turns the values into the official files.
//
//   MonthSettlement s = settle_month(input, context, settings.settlement);
//   auto problems = check_balance(input, s);   // empty: every yen accounted for
//
// Deterministic: the output depends only on the values given (every list is sorted by its keys,
// ties by id). Offices are independent, so the store may also settle a part of the offices at a
// time with their part of the input, and merge the parts.
// Owns: the month's settlement. Must not: touch storage or format output.
#pragma once
#include <string>
#include <vector>

#include "kaigo/review/review.hpp"
#include "kaigo/settlement/input.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::settlement {

// `context` gives the ledgers and masters (names, and the 再審査's recomputation).
MonthSettlement settle_month(const SettlementInput& input, const review::ReviewContext& context,
                             const SettlementSettings& settings);

// Adds `part` — the settlement of some whole offices of the same month — to `month`: offices,
// 再審査, 過誤 and notes in the order settle_month gives them, totals summed again. Settling a month
// in parts (a range of offices each) and merging them gives what settling it at once gives.
void merge(MonthSettlement& month, MonthSettlement&& part);

// Checks that the money balances, from the input rather than from the payment's own sums: per
// office and in total, Σ 振込 − 繰越 − 返納 = decided − 過誤 + 再審査 − 手数料 − 前月繰越; each payer
// and the 7521/7541 T3 agree with it; T3 = T1 − T2. Returns one line per discrepancy (Japanese /
// English); empty when every yen is accounted for.
std::vector<std::string> check_balance(const SettlementInput& input, const MonthSettlement& settlement);

}  // namespace kaigo::settlement
