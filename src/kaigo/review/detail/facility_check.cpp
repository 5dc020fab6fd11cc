#include "kaigo/review/detail/facility_check.hpp"

#include <algorithm>
#include <string>

#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/review/codes.hpp"

namespace kaigo::review {
namespace {

constexpr std::string_view kFacilityItems = "src/kaigo/review/detail/facility_items.tsv";

// One row of facility_items.tsv.
struct FacilityItem {
  std::string_view item_code;
  master::FacilityCostKind kind = master::FacilityCostKind::Food;
  master::StayKind stay = master::StayKind::Facility;
};

std::vector<FacilityItem> read_facility_items() {
  std::vector<FacilityItem> out;
  for (const auto& row : embedded::checked_tsv_rows(kFacilityItems, {"item_code", "kind", "stay", "name", "source"})) {
    auto kind = parse_int(row.cells[1]);
    auto stay = parse_int(row.cells[2]);
    if (!kind || *kind < 1 || *kind > 6 || !stay || *stay < 1 || *stay > 2) {
      row.fail("kind 1–6 and stay 1–2");
    }
    out.push_back({row.cells[0], static_cast<master::FacilityCostKind>(*kind), static_cast<master::StayKind>(*stay)});
  }
  return out;
}

const FacilityItem* facility_item(std::string_view item_code) {
  static const std::vector<FacilityItem> items = read_facility_items();
  auto it = std::find_if(items.begin(), items.end(), [&](const FacilityItem& i) { return i.item_code == item_code; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

void check_facility_costs(const master::Masters& masters, const master::Recipient* recipient,
                          const billing::ClaimStatement& st, std::vector<Finding>& out) {
  if (st.facility_costs.empty() || !recipient || !recipient->burden_stage) return;
  const std::string stage = recipient->burden_stage->str();
  if (stage.empty()) {
    Yen claimed;
    for (const auto& line : st.facility_costs) claimed += line.insurance_claim;
    if (claimed.value > 0) out.push_back(error("12PC", "特定入所者介護サービス費等請求額", {}, std::to_string(claimed.value), "0"));
    return;
  }
  for (const auto& line : st.facility_costs) {
    const auto* item = facility_item(line.item_code);
    if (!item) continue;
    auto limit = masters.facility_costs.burden_limit(stage, item->kind, item->stay, st.key.service_month);
    if (!limit || *limit == line.burden_limit) continue;
    out.push_back(error("ASS6", "負担限度額", {}, std::to_string(line.burden_limit.value), std::to_string(limit->value)));
  }
}

}  // namespace kaigo::review
