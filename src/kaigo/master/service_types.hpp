// master/service_types — サービス種類 master: 人件費割合, 明細書 様式, 給付管理 and 限度額 flags,
// 過誤 様式番号, 請求情報区分, the 要介護状態区分 it serves, each effective-dated
// (data/masters/service_types.csv).
// Owns: the ServiceType value, its table and loader. Must not: hold any of these values in code.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 人件費割合 — the share of staff cost that the 地域区分 上乗せ applies to (告示第93号).
enum class LaborShare { P70, P55, P45, Flat10 };
// As written in service_types.csv, as printed, and the 割合 in percent (10円 flat: no 上乗せ).
inline constexpr EnumTable<LaborShare, 4> kLaborShares{{{
#include "kaigo/master/labor_share.enum.inc"
}}};
constexpr const auto& enum_table(LaborShare) { return kLaborShares; }

// サービス種類 — one kind of service (code "11", "2A", "A2" …).
struct ServiceType {
  std::string code;
  std::string name;
  LaborShare labor_share = LaborShare::Flat10;
  std::string form_id;        // 交換情報識別番号 of its 明細書 (7131, 7143, 8124 …)
  bool needs_plan = false;    // a 給付管理票 is required for its claims
  bool limit_target = false;  // inside the 区分支給限度基準額
  std::string kago_form;      // 過誤様式番号 (first 2 chars of the 申立事由コード)
  std::string invoice_class;  // 請求情報区分コード of its 請求書 row (01, 02, 05, 06)
  std::vector<std::string> care_levels;  // 要介護状態区分 that may use it (介護 21–25, 予防 12–13, 総合事業 06 12 13)
  std::string source;         // where the values came from; [INF]/[U] marks uncertainty
  Period period;
  std::uint64_t line = 0;

  // Whether a person of `care_level` may use it (10QF when not).
  bool allows(std::string_view care_level) const;
};

class ServiceTypeMaster : public VersionedMaster<ServiceType> {
 public:
  using VersionedMaster::VersionedMaster;
  // The version in force in `month`, or nullptr.
  const ServiceType* find(std::string_view code, YearMonth month) const { return table_.in_month(code, month); }
  // Whether any version of `code` exists (used to validate codes in other files).
  bool known(std::string_view code) const { return !table_.versions(code).empty(); }
};

LoadResult<ServiceTypeMaster> load_service_types(std::string_view text, std::string file_name);

}  // namespace kaigo::master
