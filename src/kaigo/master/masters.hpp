// master/masters — the set of code and price masters a review needs, loaded together either from
// the copies bundled into the library or from a folder of official/updated files.
// Owns: which file feeds which table, and the cross-table lookups (単価 of an office's service).
// Must not: hold the ledgers (offices, insurers, recipients are loaded per database, see ledgers.hpp).
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>

#include "kaigo/master/care_limits.hpp"
#include "kaigo/master/facility_costs.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/master/service_codes.hpp"
#include "kaigo/master/service_types.hpp"
#include "kaigo/master/sougou.hpp"
#include "kaigo/master/sources.hpp"
#include "kaigo/master/unit_price.hpp"

namespace kaigo::master {

// File names inside data/masters/ (and inside a folder given to load_masters_from).
namespace files {
inline constexpr std::string_view kServiceTypes = "service_types.csv";
inline constexpr std::string_view kServiceCodes = "services.csv";
inline constexpr std::string_view kRegionUplift = "region_uplift.csv";
inline constexpr std::string_view kRegionClasses = "region_classes.csv";
inline constexpr std::string_view kCareLimits = "care_limits.csv";
inline constexpr std::string_view kFacilityCosts = "facility_costs.csv";
inline constexpr std::string_view kDailyRateRules = "daily_rate_rules.csv";
}  // namespace files

struct Masters {
  ServiceTypeMaster service_types;
  ServiceCodeMaster service_codes;
  UnitPriceMaster unit_prices;
  CareLimitMaster care_limits;
  FacilityCostMaster facility_costs;
  // 総合事業 サービスコード of the municipalities that loaded their own (`kaigo load … sougou`);
  // empty unless a database holds one (never bundled).
  SougouMaster sougou;

  // The サービスコード that prices a line of a claim to `insurer_no`: a 総合事業 code (サービス種類
  // A2–AF) of an insurer with its own master comes from that master (nullptr when it lacks the
  // code), every other from the national services.csv.
  const ServiceCode* service_code(std::string_view insurer_no, std::string_view service_type,
                                  std::string_view item_code, YearMonth month) const;
  // The municipal row behind it (its 給付率, 利用者負担額, 単価), or nullptr for a national code.
  const SougouServiceCode* own_code(std::string_view insurer_no, std::string_view service_type,
                                    std::string_view item_code, YearMonth month) const;

  // 単位数単価 of `service_type` at an office of `region_class` for `month`.
  std::optional<UnitPrice> unit_price(int region_class, std::string_view service_type, YearMonth month) const;
  // 区分支給限度基準額 of a recipient version: its own limit when the ledger sets one, else the standard.
  std::optional<Units> limit_of(const Recipient& r, YearMonth month) const;
};

// The masters compiled into the library (data/masters/*.csv).
LoadResult<Masters> load_bundled_masters();

// `overrides` (file name → text, e.g. a service-code master loaded into a database) replace the
// bundled files of the same name. Any error in any file → nothing is loaded.
LoadResult<Masters> load_masters_with(const std::map<std::string, TextSource, std::less<>>& overrides);

// Each file present in `dir` (same names as above) replaces the bundled one; the others stay bundled.
// Any error in any file → nothing is loaded.
LoadResult<Masters> load_masters_from(const std::filesystem::path& dir);

}  // namespace kaigo::master
