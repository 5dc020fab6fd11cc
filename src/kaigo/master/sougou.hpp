// master/sougou — 市町村が定める総合事業 サービスコード (単位数表マスタ) in the 国保中央会 CSV
// layout (no header; 19 items, or 24 in the 2026 files: ../shared/data/sougou-jigyou-masters/README.md).
// Owns: the per-insurer effective-dated table and its strict loader. Must not: compute amounts.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/keys.hpp"
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
  std::optional<int> benefit_rate;  // 給付率 (定率 services)
  std::optional<Yen> user_burden;   // 利用者負担額 (定額 services)
  // 実施区分 (2 = applicable, 1 = not): 事業対象者, 要支援1, 要支援2, then 要介護1–5 [inferred].
  std::array<std::optional<int>, 8> eligible{};
  std::string entrusted;  // 国保連委託区分
  std::optional<Date> created_on;
  Period period;  // the months as days, for the shared table machinery
  std::uint64_t line = 0;

  std::string code() const { return service_type + item_code; }
  bool limit_target() const { return !limit_class.empty() && limit_class != "0"; }
};

class SougouMaster : public VersionedMaster<SougouServiceCode, SougouCodeKey> {
 public:
  using VersionedMaster::VersionedMaster;
  const SougouServiceCode* find(std::string_view insurer_no, std::string_view code6, YearMonth month) const;
};

// Strict, all-or-nothing. Accepts YYYYMM ends 999999 (open) and 299912; 算定単位 1–3 or 01–03.
LoadResult<SougouMaster> load_sougou_master(std::string_view text, std::string file_name);

}  // namespace kaigo::master
