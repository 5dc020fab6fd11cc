// master/care_limits — 要介護状態区分 codes and the 区分支給限度基準額 per level, effective-dated
// (data/masters/care_limits.csv, review-rules §3.1).
// Owns: the code list and the limit table. Must not: decide whether a plan exceeds the limit.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 要介護状態区分コード of the interface: 01 非該当, 06 事業対象者, 11 経過的要介護,
// 12/13 要支援1–2, 21–25 要介護1–5.
bool is_care_level_code(std::string_view code);
std::string_view care_level_name(std::string_view code);
// A heavier level sorts higher (for "the heaviest level of the month").
int care_level_rank(std::string_view code);

// 区分支給限度基準額 of one level for one period.
struct CareLimit {
  std::string care_level;
  std::string name;
  Units limit;
  std::string source;
  Period period;
  std::uint64_t line = 0;
};

class CareLimitMaster : public VersionedMaster<CareLimit> {
 public:
  using VersionedMaster::VersionedMaster;
  std::optional<Units> limit(std::string_view care_level, YearMonth month) const;
};

LoadResult<CareLimitMaster> load_care_limits(std::string_view text, std::string file_name);

}  // namespace kaigo::master
