#include "kaigo/platform/housing.hpp"

#include <algorithm>
#include <stdexcept>

#include "kaigo/core/strings.hpp"
#include "kaigo/platform/data_table.hpp"
#include "kaigo/platform/kinds.hpp"
#include "kaigo/core/json_fields.hpp"

namespace kaigo::platform {
namespace {

struct Allowance {
  std::string kind;
  Date from;
  Yen amount;
};

const std::vector<Allowance>& allowances() {
  static const std::vector<Allowance> all = [] {
    std::vector<Allowance> out;
    for (const auto& r : detail::read_table("allowances.tsv", {"kind", "from", "amount", "period", "ja", "source"})) {
      auto from = Date::parse(r.cells[1]);
      auto amount = parse_int(r.cells[2]);
      if (!from || !amount) throw std::logic_error("src/kaigo/platform/allowances.tsv: bad row");
      out.push_back({std::string(r.cells[0]), *from, Yen{*amount}});
    }
    return out;
  }();
  return all;
}

Yen allowance(std::string_view kind, Date day) {
  Yen amount{0};
  for (const auto& a : allowances()) {
    if (a.kind == kind && a.from <= day) amount = a.amount;
  }
  return amount;
}

Yen yen_of(const nlohmann::json& j, const char* name) { return Yen{parse_int(string_field(j, name)).value_or(0)}; }

nlohmann::json benefit_json(const BenefitUse& b) {
  nlohmann::json works = nlohmann::json::array();
  for (std::size_t i = 0; i < b.works.size(); ++i) {
    if (!b.works[i]) continue;
    const auto* label = code_label("housing", "works", std::to_string(i + 1));
    works.push_back(label ? label->ja : std::to_string(i + 1));
  }
  return {{"latest_paid_on", b.latest_paid_on ? b.latest_paid_on->str() : ""}, {"works", works}};
}

}  // namespace

HousingSummary housing_summary(std::span<const Record> records, Date day) {
  HousingSummary s;
  s.housing_limit = allowance("housing", day);
  s.fiscal_year = day.month >= 4 ? day.year : day.year - 1;
  s.equipment_limit = allowance("equipment", {s.fiscal_year, 4, 1});
  std::vector<const Record*> housing;
  for (const auto& r : records) {
    if (r.deleted() || day < r.effective_on) continue;
    if (r.kind == "housing") housing.push_back(&r);
    if (r.kind != "equipment") continue;
    auto j = nlohmann::json::parse(r.data, nullptr, false);
    EquipmentPurchase p{r.effective_on, string_field(j, "item"), string_field(j, "benefit"), yen_of(j, "cost")};
    if (p.purchased_on >= Date{s.fiscal_year, 4, 1}) s.equipment_used = s.equipment_used + p.cost;
    s.equipment.push_back(std::move(p));
  }
  std::sort(s.equipment.begin(), s.equipment.end(),
            [](const EquipmentPurchase& a, const EquipmentPurchase& b) { return b.purchased_on < a.purchased_on; });
  std::stable_sort(housing.begin(), housing.end(), [](const Record* a, const Record* b) { return a->effective_on < b->effective_on; });
  for (const auto* r : housing) {
    auto j = nlohmann::json::parse(r->data, nullptr, false);
    const auto reset = string_field(j, "reset");
    if (!reset.empty() && reset != "0") {
      // A move or a rise of three care levels: the 20万円 starts again with this work.
      s.housing_used = Yen{0};
      s.care = {};
      s.prevention = {};
    }
    s.housing_used = s.housing_used + yen_of(j, "cost");
    auto& use = string_field(j, "benefit") == "2" ? s.prevention : s.care;
    use.latest_paid_on = r->effective_on;
    const auto works = string_field(j, "works");
    for (std::size_t i = 0; i < use.works.size() && i < works.size(); ++i) use.works[i] = use.works[i] || works[i] == '1';
  }
  s.housing_remaining = s.housing_used < s.housing_limit ? s.housing_limit - s.housing_used : Yen{0};
  s.equipment_remaining = s.equipment_used < s.equipment_limit ? s.equipment_limit - s.equipment_used : Yen{0};
  return s;
}

nlohmann::json to_json(const HousingSummary& s) {
  nlohmann::json history = nlohmann::json::array();
  for (const auto& p : s.equipment) {
    const auto* label = code_label("equipment", "item", p.item);
    history.push_back({{"purchased_on", p.purchased_on.str()},
                       {"item", p.item},
                       {"item_ja", label ? label->ja : ""},
                       {"benefit", p.benefit},
                       {"cost", p.cost.value}});
  }
  return {{"housing",
           {{"limit", s.housing_limit.value},
            {"used", s.housing_used.value},
            {"remaining", s.housing_remaining.value},
            {"care", benefit_json(s.care)},
            {"prevention", benefit_json(s.prevention)}}},
          {"equipment",
           {{"fiscal_year", s.fiscal_year},
            {"limit", s.equipment_limit.value},
            {"used", s.equipment_used.value},
            {"remaining", s.equipment_remaining.value},
            {"history", history}}}};
}

}  // namespace kaigo::platform
