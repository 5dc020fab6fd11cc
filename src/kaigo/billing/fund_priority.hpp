// billing/fund_priority — the order in which the 公費 of a 明細書 apply (review-rules §2.4): by the
// priority of each slot's 法別番号 (fund_priority.tsv, [INF]; 生活保護 12 last), ties in slot order.
// Owns: that table and the order. Must not: compute amounts (the calculator applies the order).
#pragma once
#include <array>
#include <cstddef>
#include <string_view>

#include "kaigo/billing/types.hpp"

namespace kaigo::billing {

// The priority of a 法別番号: lower applies first; one not in the table gets kUnlistedLawPriority.
inline constexpr int kUnlistedLawPriority = 80;
int law_priority(std::string_view law_no);

// The slot indices of `basic`'s 公費 in the order they apply (absent slots keep their place last).
std::array<std::size_t, kFundSlots> fund_order(const BasicInfo& basic);

}  // namespace kaigo::billing
