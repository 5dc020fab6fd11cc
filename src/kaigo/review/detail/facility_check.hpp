// review/detail/facility_check — the 特定入所者介護サービス費 of a 明細書 (record 11) against the
// person's 負担限度額認定 in the 受給者台帳 (review-rules §2.5, §7): 12PC when 特定入所者介護サービス費
// is claimed from the insurance for a person with no 認定; ASS6 when a line's 負担限度額 is not the
// one of the person's 段階 for its 食費・居住費 kind (facility_costs.csv; the kind of a サービス項目コード
// is facility_items.tsv's, [INF]). Nothing is checked when the ledger has no burden_stage column.
// Owns: those comparisons. Must not: compute the amounts (billing does) or decide the outcome.
#pragma once
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/review/decision.hpp"

namespace kaigo::review {

void check_facility_costs(const master::Masters& masters, const master::Recipient* recipient,
                          const billing::ClaimStatement& st, std::vector<Finding>& out);

}  // namespace kaigo::review
