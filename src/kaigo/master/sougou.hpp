// master/sougou — 市町村が定める総合事業 サービスコード (単位数表マスタ) in the 国保中央会 CSV
// layout (no header; 19 items, or 24 in the 2026 files: ../shared/data/sougou-jigyou-masters/README.md).
// Owns: the per-insurer effective-dated table, its strict loader, and which insurers have their own
// table (those whose 総合事業 codes it prices instead of the national services.csv). Must not:
// compute amounts.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/keys.hpp"
#include "kaigo/master/service_codes.hpp"
#include "kaigo/master/service_types.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 総合事業 サービスコード of one municipality (証記載保険者番号).
struct SougouServiceCode {
  std::string insurer_no;
  std::string service_type;  // A2, A3, A6, A7, AF …
  std::string item_code;
  YearMonth valid_from;
  std::optional<YearMonth> valid_to;  // nullopt = open (999999)
  std::string name;
  Units units;                // negative on 減算 rows
  int unit_kind = 1;          // 算定単位: 1 回, 2 日, 3 月
  std::optional<int> limit_count;   // 制限日数回数
  std::optional<int> limit_period;  // 算定回数制限期間
  std::string limit_class;          // 限度額管理対象区分 as written ("3" observed on in-limit rows)
  // 単位数単価 (item 12, 予備 in the 2026 files): the municipality's own 単価 ×100 (1000 = 10.00円)
  // when it sets one [INF: the width and scale are those of the other 単価 items].
  std::optional<UnitPrice> unit_price;
  std::optional<int> benefit_rate;  // 給付率 (定率 services)
  std::optional<Yen> user_burden;   // 利用者負担額 (定額 services)
  // 実施区分 (2 = applicable, 1 = not): 事業対象者, 要支援1, 要支援2, then 要介護1–5 [inferred].
  std::array<std::optional<int>, 8> eligible{};
  std::string entrusted;  // 国保連委託区分
  std::optional<Date> created_on;
  Period period;  // the months as days, for the shared table machinery
  std::uint64_t line = 0;
  // The same code as the calculator and the checks read every サービスコード (units, 算定単位,
  // 区分支給限度額 対象), made once at load.
  ServiceCode as_service_code;

  std::string code() const { return service_type + item_code; }
  bool limit_target() const { return !limit_class.empty() && limit_class != "0"; }
  bool fixed_burden() const { return user_burden.has_value(); }  // 定額 (A4/A8): 利用者負担額
};

class SougouMaster : public VersionedMaster<SougouServiceCode, SougouCodeKey> {
 public:
  SougouMaster() = default;
  explicit SougouMaster(VersionedTable<SougouServiceCode, SougouCodeKey> table);

  const SougouServiceCode* find(std::string_view insurer_no, std::string_view code6, YearMonth month) const;
  const SougouServiceCode* find(std::string_view insurer_no, std::string_view service_type,
                                std::string_view item_code, YearMonth month) const;
  // Whether `insurer_no` (6 or 8 digits) has its own table: then its 総合事業 codes are priced from
  // it, and a code it lacks is unknown even when the national table has one.
  bool governs(std::string_view insurer_no) const;
  const std::vector<std::string>& insurers() const { return insurers_; }  // 6 digits, sorted

  // Per insurer, the rows of the newest table that lists it (`newest_first`): loading one
  // municipality's file replaces that municipality's codes only.
  static SougouMaster per_insurer(const std::vector<const SougouMaster*>& newest_first);

 private:
  std::vector<std::string> insurers_;
};

// Whether the サービス種類 is one a municipality's 総合事業 master prices (the 71R1 and 8171 forms).
bool is_sougou_type(const ServiceType& type);

// Strict, all-or-nothing. Accepts YYYYMM ends 999999 (open) and 299912; 算定単位 1–3 or 01–03. With
// `types`, a サービス種類 that is not a 総合事業 one there is refused (KM07).
LoadResult<SougouMaster> load_sougou_master(std::string_view text, std::string file_name,
                                            const ServiceTypeMaster* types = nullptr);

}  // namespace kaigo::master
