// platform/housing — what the 住宅改修 and 福祉用具購入 records add up to (seed 004 §4 住宅改修画面):
// the 住宅改修費支給限度額 left (20万円 per residence, counted from the last reset by a move or a
// rise of three care levels), the latest 給付日 and the works done per benefit (介護給付分 /
// 予防給付分), and the 福祉用具購入 history with the year's allowance (10万円 per April–March).
// The allowances are data (allowances.tsv), by the day they apply from.
// Owns: the sums. Must not: decide who sees them.
#pragma once
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/platform/record.hpp"

namespace kaigo::platform {

struct BenefitUse {
  std::optional<Date> latest_paid_on;  // 住宅改修に係る直近の給付日
  std::array<bool, 6> works{};         // 手すり, 段差, 床材, 扉, 便器, その他 (● 改修済み)
};

struct EquipmentPurchase {
  Date purchased_on;
  std::string item;  // 種目 code
  std::string benefit;
  Yen cost;
};

struct HousingSummary {
  Yen housing_limit;      // 住宅改修費支給限度基準額
  Yen housing_used;       // 費用額 since the last reset
  Yen housing_remaining;  // 住宅改修費支給限度額（残額）
  BenefitUse care;        // 介護給付分
  BenefitUse prevention;  // 予防給付分
  int fiscal_year = 0;    // 年度 of the day asked about
  Yen equipment_limit;
  Yen equipment_used;  // in that 年度
  Yen equipment_remaining;
  std::vector<EquipmentPurchase> equipment;  // every purchase, newest first
};

// From the current versions of the person's housing and equipment records (others are ignored),
// as on `day`.
HousingSummary housing_summary(std::span<const Record> records, Date day);

nlohmann::json to_json(const HousingSummary& s);

}  // namespace kaigo::platform
