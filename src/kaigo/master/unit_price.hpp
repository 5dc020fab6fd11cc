// master/unit_price — 単位数単価 (×100) from 地域区分 × 人件費割合 (review-rules §2.3), the dated
// 上乗せ割合 per 級地, and the 地域区分 of each municipality.
// Owns: the formula in integers and its two tables. Must not: use floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/service_types.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 単価 = 10円 × (1 + 上乗せ × 割合), 小数第三位を四捨五入. In ×100 integers:
// 1000 + round_half_up(上乗せ% × 割合% / 10).
constexpr UnitPrice unit_price_from(int uplift_percent, LaborShare share) {
  return UnitPrice{1000 + round_half_up_div(std::int64_t{uplift_percent} * enum_number(share), 10)};
}

// 地域区分 (級地): 1–7, 0 = その他 (the offices.csv region_class).
struct RegionUplift {
  int region_class = 0;
  std::string name;
  int uplift_percent = 0;
  std::string source;
  Period period;
  std::uint64_t line = 0;
};

// 地域区分 of a municipality (地方公共団体コード, 6 digits with check digit).
struct MunicipalityRegion {
  std::string municipality_code;
  std::string name;
  int region_class = 0;
  std::string source;
  Period period;
  std::uint64_t line = 0;
};

class UnitPriceMaster {
 public:
  UnitPriceMaster() = default;
  UnitPriceMaster(VersionedTable<RegionUplift> uplifts, VersionedTable<MunicipalityRegion> municipalities)
      : uplifts_(std::move(uplifts)), municipalities_(std::move(municipalities)) {}
  std::optional<int> uplift_percent(int region_class, YearMonth month) const;
  // 単位数単価 of a service of `share` at an office of `region_class` for `month`.
  std::optional<UnitPrice> unit_price(int region_class, LaborShare share, YearMonth month) const;
  // 地域区分 of the municipality; nullopt when the loaded table does not list it.
  std::optional<int> region_of(std::string_view municipality_code, YearMonth month) const;

  const VersionedTable<RegionUplift>& uplifts() const { return uplifts_; }
  const VersionedTable<MunicipalityRegion>& municipalities() const { return municipalities_; }

 private:
  VersionedTable<RegionUplift> uplifts_;
  VersionedTable<MunicipalityRegion> municipalities_;
};

// Loads region_uplift.csv and region_classes.csv together (both must be clean).
LoadResult<UnitPriceMaster> load_unit_prices(std::string_view uplift_text, std::string uplift_file,
                                             std::string_view regions_text, std::string regions_file);

}  // namespace kaigo::master
