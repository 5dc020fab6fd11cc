#include "kaigo/master/unit_price.hpp"

#include <array>

namespace kaigo::master {
namespace {

enum UpliftCol : std::size_t { kUClass, kUName, kUPercent, kUFrom, kUTo, kUSource };
constexpr auto kUpliftColumns = dated_sourced_columns({
    {"region_class", "地域区分"},
    {"name", "級地名称"},
    {"uplift_percent", "上乗せ割合"},
});

enum RegionCol : std::size_t { kRCode, kRName, kRClass, kRFrom, kRTo, kRSource };
constexpr auto kRegionColumns = dated_sourced_columns({
    {"municipality_code", "地方公共団体コード"},
    {"name", "市区町村名"},
    {"region_class", "地域区分"},
});

std::optional<Keyed<RegionUplift>> read_uplift(RowReader& r) {
  auto cls = r.integer(kUClass, 0, 7, true);
  auto name = r.required(kUName);
  auto pct = r.integer(kUPercent, 0, 100, true);
  auto period = read_period(r, kUFrom, kUTo);
  if (!r.ok() || !cls || !name || !pct || !period) return std::nullopt;
  return Keyed<RegionUplift>{std::to_string(*cls), {static_cast<int>(*cls), std::string(*name), static_cast<int>(*pct),
                                                    std::string(r.text(kUSource)), *period, r.line()}};
}

std::optional<Keyed<MunicipalityRegion>> read_region(RowReader& r) {
  auto code = r.digits(kRCode, 6, 6, true);
  auto name = r.required(kRName);
  auto cls = r.integer(kRClass, 0, 7, true);
  auto period = read_period(r, kRFrom, kRTo);
  if (!r.ok() || !code || !name || !cls || !period) return std::nullopt;
  return Keyed<MunicipalityRegion>{std::string(*code), {std::string(*code), std::string(*name), static_cast<int>(*cls),
                                                        std::string(r.text(kRSource)), *period, r.line()}};
}

}  // namespace

std::optional<int> UnitPriceMaster::uplift_percent(int region_class, YearMonth month) const {
  const auto* u = uplifts_.in_month(std::to_string(region_class), month);
  if (!u) return std::nullopt;
  return u->uplift_percent;
}

std::optional<UnitPrice> UnitPriceMaster::unit_price(int region_class, LaborShare share, YearMonth month) const {
  if (share == LaborShare::Flat10) return UnitPrice{1000};
  auto pct = uplift_percent(region_class, month);
  if (!pct) return std::nullopt;
  return unit_price_from(*pct, share);
}

std::optional<int> UnitPriceMaster::region_of(std::string_view municipality_code, YearMonth month) const {
  const auto* m = municipalities_.in_month(municipality_code, month);
  if (!m) return std::nullopt;
  return m->region_class;
}

LoadResult<UnitPriceMaster> load_unit_prices(std::string_view uplift_text, std::string uplift_file,
                                             std::string_view regions_text, std::string regions_file) {
  LoadResult<UnitPriceMaster> result;
  CsvFile uplift_csv(uplift_text, std::move(uplift_file), {kUpliftColumns}, result.diagnostics);
  auto uplifts = read_versions(uplift_csv, result.diagnostics, kUFrom, read_uplift);
  CsvFile regions_csv(regions_text, std::move(regions_file), {kRegionColumns}, result.diagnostics);
  auto regions = read_versions(regions_csv, result.diagnostics, kRFrom, read_region);
  if (uplift_csv.ok() && regions_csv.ok() && result.diagnostics.empty()) {
    result.table.emplace(std::move(uplifts), std::move(regions));
  }
  return result;
}

}  // namespace kaigo::master
