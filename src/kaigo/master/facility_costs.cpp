#include "kaigo/master/facility_costs.hpp"

#include <array>
#include <fmt/format.h>

namespace kaigo::master {
namespace {

enum Col : std::size_t { kTable, kStage, kKind, kClass, kStay, kYen, kFrom, kTo, kSource };
constexpr std::array<Column, 9> kColumns{{
    {"table", "区分（base 基準費用額／limit 負担限度額）"},
    {"stage", "負担限度額段階"},
    {"kind", "食費・居住費の種類"},
    {"facility_class", "施設区分"},
    {"stay", "入所・短期入所区分"},
    {"daily_yen", "日額"},
    {"valid_from", "有効期間開始"},
    {"valid_to", "有効期間終了"},
    {"source", "出典", true},
}};
constexpr std::array<std::string_view, 2> kTables{"base", "limit"};
constexpr std::array<std::string_view, 4> kStages{"1", "2", "3a", "3b"};

std::string key_of(bool base, std::string_view stage, int kind, int cls, int stay) {
  return fmt::format("{}|{}|{}|{}|{}", base ? "base" : "limit", stage, kind, cls, stay);
}

}  // namespace

std::optional<Yen> FacilityCostMaster::base_cost(FacilityCostKind kind, FacilityClass cls, YearMonth month) const {
  for (int c : {static_cast<int>(cls), 0}) {
    if (const auto* e = table_.in_month(key_of(true, "", static_cast<int>(kind), c, 0), month)) return e->daily;
  }
  return std::nullopt;
}

std::optional<Yen> FacilityCostMaster::burden_limit(std::string_view stage, FacilityCostKind kind, StayKind stay,
                                                    YearMonth month) const {
  for (int s : {static_cast<int>(stay), 0}) {
    if (const auto* e = table_.in_month(key_of(false, stage, static_cast<int>(kind), 0, s), month)) return e->daily;
  }
  return std::nullopt;
}

LoadResult<FacilityCostMaster> load_facility_costs(std::string_view text, std::string file_name) {
  LoadResult<FacilityCostMaster> result;
  CsvFile csv(text, file_name, {kColumns}, result.diagnostics);
  FacilityCostMaster master;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    RowReader r(csv, i, result.diagnostics);
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
    if (!r.ok() || !table || !kind || !cls || !stay || !yen || !period) continue;
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
    std::string key = key_of(e.is_base, e.stage, e.kind, e.facility_class, e.stay);
    master.table_.add(std::move(key), std::move(e));
  }
  master.table_.finish([&](const std::string& key, const FacilityCostEntry& a, const FacilityCostEntry& b) {
    result.diagnostics.push_back(overlap_diagnostic(file_name, key, a, b, csv.item_no(kFrom), "有効期間開始"));
  });
  if (csv.ok() && result.diagnostics.empty()) result.table = std::move(master);
  return result;
}

}  // namespace kaigo::master
