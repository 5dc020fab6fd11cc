#include "kaigo/master/facility_costs.hpp"

#include <array>
#include <fmt/format.h>

namespace kaigo::master {
namespace {

enum Col : std::size_t { kTable, kStage, kKind, kClass, kStay, kYen, kFrom, kTo, kSource };
constexpr auto kColumns = dated_sourced_columns({
    {"table", "区分（base 基準費用額／limit 負担限度額）"},
    {"stage", "負担限度額段階"},
    {"kind", "食費・居住費の種類"},
    {"facility_class", "施設区分"},
    {"stay", "入所・短期入所区分"},
    {"daily_yen", "日額"},
});
constexpr std::array<std::string_view, 2> kTables{"base", "limit"};
constexpr std::array<std::string_view, 4> kStages{"1", "2", "3a", "3b"};

FacilityCostKey key_of(bool base, std::string_view stage, int kind, int cls, int stay) {
  return {base, FixedText<2>::of(stage).value_or(FixedText<2>{}), kind, cls, stay};
}

}  // namespace

std::string FacilityCostKey::text() const {
  return fmt::format("{} {} {} {} {}", is_base ? "base" : "limit", stage.view(), kind, facility_class, stay);
}

std::optional<Yen> FacilityCostMaster::base_cost(FacilityCostKind kind, FacilityClass cls, YearMonth month) const {
  for (int c : {static_cast<int>(cls), 0}) {
    if (const auto* e = table_.in_month(key_of(true, "", static_cast<int>(kind), c, 0), month)) return e->daily;
  }
  return std::nullopt;
}

std::optional<Yen> FacilityCostMaster::burden_limit(std::string_view stage, FacilityCostKind kind, StayKind stay,
                                                    YearMonth month) const {
  if (!FixedText<2>::of(stage)) return std::nullopt;  // no 段階 is that long
  for (int s : {static_cast<int>(stay), 0}) {
    if (const auto* e = table_.in_month(key_of(false, stage, static_cast<int>(kind), 0, s), month)) return e->daily;
  }
  return std::nullopt;
}

LoadResult<FacilityCostMaster> load_facility_costs(std::string_view text, std::string file_name) {
  return load_versioned<FacilityCostMaster>(text, std::move(file_name), {kColumns}, kFrom, [](RowReader& r) {
    using Row = Keyed<FacilityCostEntry, FacilityCostKey>;
    auto table = r.one_of(kTable, kTables, true);
    bool base = table && *table == "base";
    auto stage = r.one_of(kStage, kStages, table && !base);
    if (base && !r.text(kStage).empty()) {
      r.fail(kStage, code::kUnknownCode, "基準費用額の行には段階を設定しません", "a base-cost row has no stage");
    }
    auto kind = r.integer(kKind, 1, 6, true);
    auto cls = r.integer(kClass, 0, 2, true);
    auto stay = r.integer(kStay, 0, 2, true);
    auto yen = r.integer(kYen, 0, 99999, true);
    auto period = read_period(r, kFrom, kTo);
    if (!r.ok() || !table || !kind || !cls || !stay || !yen || !period) return std::optional<Row>{};
    FacilityCostEntry e;
    e.is_base = base;
    e.stage = stage ? std::string(*stage) : std::string();
    e.kind = static_cast<int>(*kind);
    e.facility_class = static_cast<int>(*cls);
    e.stay = static_cast<int>(*stay);
    e.daily = Yen{*yen};
    e.source = std::string(r.text(kSource));
    e.period = *period;
    e.line = r.line();
    auto key = key_of(e.is_base, e.stage, e.kind, e.facility_class, e.stay);
    return std::optional<Row>{Row{key, std::move(e)}};
  });
}

}  // namespace kaigo::master
