// report/statistics — the printed page of the review's statistics (issue 18 item 6; seed 000 §5(2)
// 表5-1): the TOP N of each 審査月 with its share, as the seed prints it, then each key's 件数 month
// by month with a bar of the latest month's share (one ■ for each 5 %, rounded up), for the 国保連
// or one 保険者. Printed by the PDF engine like the other documents that are not result files.
// Owns: the wording and order of the page. Must not: count (review::tabulate does).
#pragma once
#include <cstddef>
#include <string>

#include "kaigo/report/content.hpp"
#include "kaigo/review/statistics.hpp"

namespace kaigo::report {

// 令和7年7月審査 … as the columns of 表5-1.
Content statistics_content(const review::StatTable& table, std::size_t top_n, const std::string& issuer);
// A bar of `permille`: one ■ per 50 ‰, rounded up ("" for 0).
std::string share_bar(int permille);

}  // namespace kaigo::report
