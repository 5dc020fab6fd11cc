// store/statistics_store — the reasons of the 明細書 `kaigo review` decided in some review months,
// and 給付管理票, as review::tabulate counts them (issue 18 item 6; docs/review.md "Statistics"): each
// returning error and each 増減 row with its document, office (a 給付管理票's: its 居宅介護支援事業所),
// 保険者 (6 digits) and サービス種類 (none for a 給付管理票).
// Owns: the SQL of that read (one pass over each month's decisions and reasons, the 集計 rows of
// the returned 明細書 by their primary key). Must not: count, rank or write.
#pragma once
#include <vector>

#include "kaigo/review/statistics.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

// Months `from` to `to` (both included), in month order.
std::vector<review::DecidedReason> decided_reasons(Database& db, YearMonth from, YearMonth to);

}  // namespace kaigo::store
