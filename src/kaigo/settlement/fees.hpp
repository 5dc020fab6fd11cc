// settlement/fees — which fee each office is charged in which review month (fees.csv, loaded with
// `kaigo load fees`): 電子証明書発行手数料 per application (seed 000 §3(1)) and the
// ケアプランデータ連携 ライセンス料 per office number and year (seed 001 §7). The amounts come from the
// dated schedule of the settings ([settlement] fees); this file says who pays, when, and which
// application date decides the amount.
// Owns: the strict loader. Must not: price the fees (settings) or deduct them (settlement).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/settings.hpp"
#include "kaigo/master/versioned.hpp"
#include "kaigo/settlement/input.hpp"

namespace kaigo::settlement {

// A fee due in `month` (審査月 whose payment it is deducted from).
struct DueFee {
  YearMonth month;
  FeeCharge charge;
  std::uint64_t line = 0;
  std::size_t size() const { return 1; }
};

// The review month a fee charged at `at` is deducted from: the month whose reception is open at
// that moment (the 1st to the deadline), else the next one — never a month whose reception has
// closed and whose review or payment may already have run (docs/settlement.md, fees due).
YearMonth due_month(const LocalDateTime& at, const ReceptionSettings& reception);

// fees.csv: month,office_no,kind,applied_on — kind certificate | careplan_license. All or nothing.
master::LoadResult<std::vector<DueFee>> load_fees(std::string_view text, const std::string& file_name);

}  // namespace kaigo::settlement
