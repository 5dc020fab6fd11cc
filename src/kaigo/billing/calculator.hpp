// billing/calculator — the exact amounts of a 明細書 as the 国保連 recomputes them
// (review-rules §2): units, 費用額, 保険請求額, 公費1–3 with 本人負担, 利用者負担, 特定入所者介護
// サービス費, 社会福祉法人軽減, and the 基本情報 totals; compare() lists every written value
// that differs from the computed one (the basis of ASSA / ASS0).
// Owns: the arithmetic, in integers only. Must not: use floating point or decide outcomes.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/core/diagnostic.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/master/service_codes.hpp"

namespace kaigo::billing {

// ---- units (review-rules §2.2) ------------------------------------------------------------------

// 明細 units = 単位数 × 回数.
constexpr Units line_units(Units unit_units, int count) { return Units{unit_units.value * count}; }

// 事業所割引: units after a 割引率 of `discount_percent`, 小数点以下四捨五入.
constexpr Units discounted_units(Units units, int discount_percent) {
  return Units{round_half_up_div(units.value * (100 - discount_percent), 100)};
}

// Percentage 加算 (特別地域加算 15% …): round half up of Σ(base units × 回数) × 率 / 100.
constexpr Units percentage_addition(Units base_total, int rate_percent) {
  return Units{round_half_up_div(base_total.value * rate_percent, 100)};
}

// The same for rates written with one decimal (処遇改善加算 24.5% → 245 per mille).
constexpr Units per_mille_addition(Units base_total, int rate_per_mille) {
  return Units{round_half_up_div(base_total.value * rate_per_mille, 1000)};
}

// ---- one 集計 row (review-rules §2.4) -----------------------------------------------------------

struct FundTerms {
  bool present = false;
  int rate = 0;            // 公費給付率
  Units target_units;      // 公費対象単位数 of this サービス種類
  Yen self_pay_available;  // 公費本人負担額 still unused this month
};

struct AggregateInput {
  Units limit_units;                // 限度額管理対象単位数
  Units outside_limit_units;        // 限度額管理対象外単位数
  std::optional<Units> plan_units;  // 計画単位数; nullopt = no plan limit
  UnitPrice unit_price;
  int insurance_rate = 0;     // 保険給付率
  // 定額 総合事業 (A4/A8): the municipality's 利用者負担額 × 回数; the 保険請求額 is the rest of the
  // 費用額 [INF: seed 002 §11 says only 「市町村規定の定額」].
  std::optional<Yen> fixed_user_burden;
  bool welfare_only = false;  // 生保単独: 保険請求額 = 0
  std::array<FundTerms, kFundSlots> funds;
  // The slots in the order their 公費 apply (billing/fund_priority: 生活保護 last).
  std::array<std::size_t, kFundSlots> order{0, 1, 2};
};

struct AggregateAmounts {
  Units benefit_units;  // 給付単位数
  Yen cost;             // 費用額
  Yen insurance_claim;  // 保険請求額
  Yen user_burden;      // 利用者負担額
  std::array<FundAggregate, kFundSlots> funds;
};

AggregateAmounts compute_aggregate(const AggregateInput& in);

// ---- 特定入所者介護サービス費 (review-rules §2.5) -----------------------------------------------

struct FacilityLineInput {
  Yen unit_cost;     // 費用単価 = min(基準費用額, 事業所の設定額)
  Yen burden_limit;  // 負担限度額
  int days = 0;
  std::array<int, kFundSlots> fund_days{};
  std::array<bool, kFundSlots> fund_present{};
  bool welfare_only = false;
};

struct FacilityLineAmounts {
  Yen cost;
  Yen insurance_claim;
  std::array<Yen, kFundSlots> fund_burden{};
  Yen user_burden;
};

FacilityLineAmounts compute_facility_line(const FacilityLineInput& in);

// 社会福祉法人軽減額 = floor(利用者負担 × 軽減率(×10) / 1000).
constexpr Yen welfare_reduction(Yen burden, int rate_x10) { return Yen{floor_div(burden.value * rate_x10, 1000)}; }

// ---- a whole 明細書 -----------------------------------------------------------------------------

// What the 国保連 knows about one サービス種類 of the claim from outside it.
struct TypeTerms {
  std::string service_type;
  std::optional<UnitPrice> unit_price;  // from the 事業所's 地域区分 × 人件費割合
  std::optional<Units> plan_units;      // from the 給付管理票 line; nullopt = no plan limit
};

// What the 国保連 knows about one 特定入所者 line (keyed by サービス項目コード).
struct FacilityTerms {
  std::string item_code;
  std::optional<Yen> base_cost;     // 基準費用額
  std::optional<Yen> burden_limit;  // the recipient's 負担限度額
};

struct StatementTerms {
  std::vector<TypeTerms> types;
  // Without a 給付管理票, take the written 計画単位数 (item 10-9) as the plan limit when it is > 0
  // (what a provider-side recompute does); otherwise no plan limit and item 10-9 is copied.
  bool plan_from_claim = false;
  std::optional<int> insurance_rate;             // from the 受給者台帳; nullopt = the written one
  std::array<Yen, kFundSlots> fund_self_pay{};   // 公費本人負担額 available this month per slot
  const master::ServiceCodeMaster* codes = nullptr;  // to split 限度額 対象/対象外 per code
  // Set when a municipality has its own 総合事業 master: codes are then found per insurer
  // (Masters::service_code), units come from the master, 定額 利用者負担額 applies.
  const master::Masters* own_codes = nullptr;
  std::vector<FacilityTerms> facility;
};

struct ComputeResult {
  ClaimStatement statement;  // every amount recomputed; identity fields copied from the input
  Diagnostics notes;         // inputs that had to be taken from the claim itself, unknown codes
};

// Recomputes the statement from its detail lines, 公費 slots and the terms.
ComputeResult compute(const ClaimStatement& written, const StatementTerms& terms);
// The same into `out`, reusing its storage (for loops over many 明細書).
void compute_into(const ClaimStatement& written, const StatementTerms& terms, ComputeResult& out);

// ---- compare ------------------------------------------------------------------------------------

// One written value that differs from the computed one.
struct Difference {
  std::string record_kind;   // レコード種別コード: 01 基本, 02 明細, 10 集計, 11 特定入所者, 12 社福軽減
  std::size_t record_index = 0;  // 0-based among the records of that kind
  std::string key;           // サービス種類 (10, 12) or サービスコード (02, 11); empty for 01
  int item_no = 0;           // 項番
  std::string item_name;     // 項目名 (Japanese)
  std::int64_t written = 0;
  std::int64_t computed = 0;

  bool written_exceeds() const { return written > computed; }  // the ASSA condition
  std::string to_string() const;
};

std::vector<Difference> compare(const ClaimStatement& written, const ClaimStatement& computed);
// The same into `out` (cleared first), reusing its storage.
void compare_into(const ClaimStatement& written, const ClaimStatement& computed, std::vector<Difference>& out);

// Whether the 明細書 of `form_id` reports 限度額管理対象外単位数 (item 10-11) separately.
bool form_reports_outside_limit(std::string_view form_id);

}  // namespace kaigo::billing
