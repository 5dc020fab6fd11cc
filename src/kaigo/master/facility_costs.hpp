// master/facility_costs — 特定入所者介護サービス費 (補足給付) values: 基準費用額 per 食費/居住費 kind
// and 負担限度額 per 段階, effective-dated (data/masters/facility_costs.csv, review-rules §2.5).
// Owns: the table and its loader. Must not: compute the 特定入所者 amounts (billing does).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/fixed_text.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 食費・居住費の種類 (QKAN numbering, review-rules §2.5).
enum class FacilityCostKind {
  Food = 1,                // 食費
  UnitPrivate = 2,         // ユニット型個室
  UnitSemiPrivate = 3,     // ユニット型個室的多床室 (旧 ユニット型準個室)
  ConventionalTokuyo = 4,  // 従来型個室 (特養等)
  ConventionalOther = 5,   // 従来型個室 (老健・医療院等)
  MultiBed = 6,            // 多床室
};

// Which facility the 基準費用額 is for where it differs (多床室): 1 特養等, 2 老健・医療院等.
enum class FacilityClass { Any = 0, Tokuyo = 1, Other = 2 };
// Where the 負担限度額 differs between a stay and a 短期入所 (食費): 1 施設, 2 短期入所.
enum class StayKind { Any = 0, Facility = 1, ShortStay = 2 };

struct FacilityCostEntry {
  bool is_base = true;  // true = 基準費用額, false = 負担限度額
  std::string stage;    // 負担限度額段階: 1, 2, 3a (第3段階①), 3b (第3段階②)
  int kind = 1;
  int facility_class = 0;
  int stay = 0;
  Yen daily;
  std::string source;
  Period period;
  std::uint64_t line = 0;
};

// Which value a row gives: base or limit, 段階, kind, facility class, stay (0 = any).
struct FacilityCostKey {
  bool is_base = true;
  FixedText<2> stage;
  int kind = 1;
  int facility_class = 0;
  int stay = 0;

  std::size_t hash() const {
    return KeyHasher().add(is_base ? "base" : "limit").add(stage.view()).add(kind).add(facility_class).add(stay).value();
  }
  std::string text() const;
  auto operator<=>(const FacilityCostKey&) const = default;
  bool operator==(const FacilityCostKey&) const = default;
};

class FacilityCostMaster : public VersionedMaster<FacilityCostEntry, FacilityCostKey> {
 public:
  using VersionedMaster::VersionedMaster;
  std::optional<Yen> base_cost(FacilityCostKind kind, FacilityClass cls, YearMonth month) const;
  std::optional<Yen> burden_limit(std::string_view stage, FacilityCostKind kind, StayKind stay,
                                  YearMonth month) const;
};

LoadResult<FacilityCostMaster> load_facility_costs(std::string_view text, std::string file_name);

}  // namespace kaigo::master
