#include "kaigo/master/unit_price.hpp"

#include <array>

namespace kaigo::master {
namespace {

enum UpliftCol : std::size_t { kUClass, kUName, kUPercent, kUFrom, kUTo, kUSource };
constexpr std::array<Column, 6> kUpliftColumns{{
    {"region_class", "地域区分"},
    {"name", "級地名称"},
    {"uplift_percent", "上乗せ割合"},
    {"valid_from", "有効期間開始"},
    {"valid_to", "有効期間終了"},
    {"source", "出典", true},
}};

enum RegionCol : std::size_t { kRCode, kRName, kRClass, kRFrom, kRTo, kRSource };
constexpr std::array<Column, 6> kRegionColumns{{
    {"municipality_code", "地方公共団体コード"},
    {"name", "市区町村名"},
    {"region_class", "地域区分"},
    {"valid_from", "有効期間開始"},
    {"valid_to", "有効期間終了"},
    {"source", "出典", true},
}};

void load_uplifts(std::string_view text, const std::string& file, VersionedTable<RegionUplift>& table,
                  Diagnostics& diags, bool& ok) {
  CsvFile csv(text, file, {kUpliftColumns}, diags);
  ok = ok && csv.ok();
  for (std::size_t i = 0; i < csv.size(); ++i) {
    RowReader r(csv, i, diags);
    auto cls = r.integer(kUClass, 0, 7, true);
    auto name = r.required(kUName);
    auto pct = r.integer(kUPercent, 0, 100, true);
    auto period = read_period(r, kUFrom, kUTo);
    if (!r.ok() || !cls || !name || !pct || !period) continue;
    RegionUplift u{static_cast<int>(*cls), std::string(*name), static_cast<int>(*pct),
                   std::string(r.text(kUSource)), *period, r.line()};
    std::string key = std::to_string(u.region_class);
    table.add(std::move(key), std::move(u));
  }
  table.finish([&](const std::string& key, const RegionUplift& a, const RegionUplift& b) {
    diags.push_back(overlap_diagnostic(file, key, a, b, csv.item_no(kUFrom), "有効期間開始"));
  });
}

void load_regions(std::string_view text, const std::string& file, VersionedTable<MunicipalityRegion>& table,
                  Diagnostics& diags, bool& ok) {
  CsvFile csv(text, file, {kRegionColumns}, diags);
  ok = ok && csv.ok();
  for (std::size_t i = 0; i < csv.size(); ++i) {
    RowReader r(csv, i, diags);
    auto code = r.digits(kRCode, 6, 6, true);
    auto name = r.required(kRName);
    auto cls = r.integer(kRClass, 0, 7, true);
    auto period = read_period(r, kRFrom, kRTo);
    if (!r.ok() || !code || !name || !cls || !period) continue;
    MunicipalityRegion m{std::string(*code), std::string(*name), static_cast<int>(*cls),
                         std::string(r.text(kRSource)), *period, r.line()};
    std::string key = m.municipality_code;
    table.add(std::move(key), std::move(m));
  }
  table.finish([&](const std::string& key, const MunicipalityRegion& a, const MunicipalityRegion& b) {
    diags.push_back(overlap_diagnostic(file, key, a, b, csv.item_no(kRFrom), "有効期間開始"));
  });
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
  UnitPriceMaster master;
  bool ok = true;
  load_uplifts(uplift_text, uplift_file, master.uplifts_, result.diagnostics, ok);
  load_regions(regions_text, regions_file, master.municipalities_, result.diagnostics, ok);
  if (ok && result.diagnostics.empty()) result.table = std::move(master);
  return result;
}

}  // namespace kaigo::master
