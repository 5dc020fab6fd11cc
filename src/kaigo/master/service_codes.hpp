// master/service_codes — サービスコード master (DESIGN §3.2 services.csv): units, 算定単位,
// 区分支給限度額 対象/対象外 and the 月額 → 日割り per-day code relation, effective-dated.
// Owns: the ServiceCode value, its table, its strict loader. Must not: compute amounts.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/service_types.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 算定単位 — what one count of the code means.
enum class UnitKind { PerTime = 1, PerDay = 2, PerMonth = 3 };

// サービスコード — サービス種類 (2) + サービス項目コード (4).
struct ServiceCode {
  std::string service_type;
  std::string item_code;
  std::string name;
  Units units;  // per count; 0 for codes whose units come from elsewhere (福祉用具貸与: the price)
  UnitKind unit_kind = UnitKind::PerTime;
  bool limit_target = true;     // 区分支給限度額の対象 (false = 限度額管理対象外)
  std::string daily_item_code;  // on a 月額 code: the per-day code used for 日割り (empty = none)
  std::string source;
  Period period;
  std::uint64_t line = 0;

  std::string code() const { return service_type + item_code; }
};

class ServiceCodeMaster : public VersionedMaster<ServiceCode> {
 public:
  using MonthlyOfDaily = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;
  ServiceCodeMaster() = default;
  ServiceCodeMaster(VersionedTable<ServiceCode> table, MonthlyOfDaily monthly_of_daily)
      : VersionedMaster(std::move(table)), monthly_of_daily_(std::move(monthly_of_daily)) {}

  // The version in force in `month` of the 6-character サービスコード, or nullptr.
  const ServiceCode* find(std::string_view code6, YearMonth month) const { return table_.in_month(code6, month); }
  const ServiceCode* find(std::string_view service_type, std::string_view item_code, YearMonth month) const;
  // For a per-day code, the 月額 code it prorates (nullptr when it is not a 日割り code).
  const ServiceCode* monthly_of(std::string_view code6, YearMonth month) const;

 private:
  MonthlyOfDaily monthly_of_daily_;
};

// Strict loader of services.csv. With `types`, a service type not in that master is refused (KM07).
LoadResult<ServiceCodeMaster> load_service_codes(std::string_view text, std::string file_name,
                                                 const ServiceTypeMaster* types);

}  // namespace kaigo::master
