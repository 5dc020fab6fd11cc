#include "kaigo/billing/fund_priority.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::billing {
namespace {

constexpr std::string_view kPriorityTable = "src/kaigo/billing/fund_priority.tsv";

std::map<std::string, int, std::less<>> read_priorities() {
  std::map<std::string, int, std::less<>> out;
  for (const auto& row : embedded::checked_tsv_rows(kPriorityTable, {"law_no", "priority", "name", "source"})) {
    auto priority = parse_int(row.cells[1]);
    if (row.cells[0].size() != 2 || !priority) {
      row.fail("a 2-digit 法別番号 and a number");
    }
    out.emplace(std::string(row.cells[0]), static_cast<int>(*priority));
  }
  return out;
}

}  // namespace

int law_priority(std::string_view law_no) {
  static const auto priorities = read_priorities();
  auto it = priorities.find(law_no);
  return it == priorities.end() ? kUnlistedLawPriority : it->second;
}

std::array<std::size_t, kFundSlots> fund_order(const BasicInfo& basic) {
  std::array<std::size_t, kFundSlots> order{};
  for (std::size_t k = 0; k < kFundSlots; ++k) order[k] = k;
  auto rank = [&](std::size_t k) {
    const auto& f = basic.funds[k];
    return f.present() ? law_priority(f.law_no()) : 1000;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  return order;
}

}  // namespace kaigo::billing
