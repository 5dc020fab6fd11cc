// billing/types — the claim documents as values: 介護給付費請求明細書 (ClaimStatement) with its
// records, 介護給付費請求書 (Invoice) and 給付管理票 (BenefitPlan).
// Owns: the in-memory shape of the documents, independent of the CSV layout.
// Must not: parse or write files (exchange does), compute (calculator does) or decide outcomes.
#pragma once
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/fixed_text.hpp"
#include "kaigo/core/money.hpp"

namespace kaigo::billing {

inline constexpr std::size_t kFundSlots = 3;  // a 明細書 has at most 公費1–3

// 明細書のキー — items 1+3+4+5+6 of every 明細書 record (claims-format §4.3).
struct StatementKey {
  std::string form_id;      // 交換情報識別番号 (7131, 7143, 8124 …)
  YearMonth service_month;  // サービス提供年月
  std::string office_no;    // 事業所番号
  std::string insurer_no;   // 証記載保険者番号
  std::string insured_no;   // 被保険者番号 ("H…" = 生活保護単独)

  auto operator<=>(const StatementKey&) const = default;
  // 生保単独: the 被保険者番号 starts with H (review-rules §2.4, ATT5).
  bool welfare_only() const { return !insured_no.empty() && (insured_no[0] == 'H' || insured_no[0] == 'h'); }
};

// 公費 slot of the 基本情報 (items 7–12 and 30–32).
struct PublicFund {
  std::string payer_no;      // 公費負担者番号 (8 digits; the first 2 are the 法別番号)
  std::string recipient_no;  // 公費受給者番号 (7)
  std::optional<int> rate;   // 公費給付率

  bool present() const { return !payer_no.empty(); }
  std::string_view law_no() const { return std::string_view(payer_no).substr(0, 2); }
};

// The per-payer totals of the 基本情報 (items 33–38 for 保険, 39–44 / 45–50 / 51–56 for 公費1–3).
struct PayerTotals {
  Units units;            // サービス単位数
  Yen claim;              // 請求額
  Yen burden;             // 保険: 利用者負担額; 公費: 本人負担額
  Yen emergency_claim;    // 緊急時施設療養費請求額
  Yen special_claim;      // 特定診療費請求額
  Yen facility_claim;     // 特定入所者介護サービス費等請求額
  auto operator<=>(const PayerTotals&) const = default;
};

// 基本情報レコード (01).
struct BasicInfo {
  std::array<PublicFund, kFundSlots> funds;
  std::optional<Date> birth_date;     // 生年月日
  int sex = 0;                        // 性別コード
  std::string care_level;             // 要介護状態区分コード
  std::optional<Date> cert_from;      // 認定有効期間 開始
  std::optional<Date> cert_to;        // 認定有効期間 終了
  std::string plan_kind;              // 居宅サービス計画作成区分コード
  std::string support_office_no;      // 居宅介護支援事業所番号
  std::optional<Date> start_date;     // 開始年月日
  std::optional<Date> end_date;       // 中止年月日
  std::string end_reason;             // 中止理由・入所（院）前の状況コード
  std::optional<Date> admission_date; // 入所（院）年月日
  std::optional<Date> discharge_date; // 退所（院）年月日
  int admission_days = 0;             // 入所（院）実日数
  int overnight_days = 0;             // 外泊日数
  std::optional<int> insurance_rate;  // 保険給付率 (empty for 公費単独)
  PayerTotals insurance;              // items 33–38
  std::array<PayerTotals, kFundSlots> fund_totals;  // items 39–56
};

// 明細情報レコード (02) — one サービスコード line.
struct DetailLine {
  std::string service_type;  // サービス種類コード
  std::string item_code;     // サービス項目コード
  Units unit_units;          // 単位数 (0 when the code has none, e.g. 福祉用具貸与)
  int count = 0;             // 日数・回数
  std::array<int, kFundSlots> fund_counts{};  // 公費1–3 対象日数・回数
  Units service_units;                         // サービス単位数
  std::array<Units, kFundSlots> fund_units{};  // 公費1–3 対象サービス単位数
  std::string note;                            // 摘要
  // 施設所在保険者番号 (record 14, 住所地特例): the municipality whose 総合事業 master and 単価
  // price the line (seed 002 §11); empty on a 02 line.
  std::string facility_insurer_no;

  // Whose サービスコード master prices the line: the 施設所在 one for 住所地特例, else the claim's.
  std::string_view priced_by(std::string_view claim_insurer_no) const {
    return facility_insurer_no.empty() ? claim_insurer_no : std::string_view(facility_insurer_no);
  }
};

// 公費k columns of a 集計 row (items 18–26).
struct FundAggregate {
  Units units;    // 公費k 単位数合計
  Yen claim;      // 公費k 請求額
  Yen self_pay;   // 公費k 本人負担額
  auto operator<=>(const FundAggregate&) const = default;
};

// 出来高医療費 of one payer on a 集計 row (緊急時施設療養費 + 特定診療費・特別療養費 together):
// items 27–29 for 保険, 30–32 / 33–35 / 36–38 for 公費1–3.
struct MedicalAggregate {
  Units units;  // 単位数合計
  Yen claim;    // 請求額
  Yen burden;   // 保険: 利用者負担額; 公費: 本人負担額
  auto operator<=>(const MedicalAggregate&) const = default;
};

// 集計情報レコード (10) — one per サービス種類; all rounding happens here.
struct AggregateRow {
  std::string service_type;   // サービス種類コード (7)
  int actual_days = 0;        // サービス実日数 (8)
  Units plan_units;           // 計画単位数 (9)
  Units limit_units;          // 限度額管理対象単位数 (10)
  Units outside_limit_units;  // 限度額管理対象外単位数 (11)
  Units insurance_units;      // 保険 単位数合計 = 給付単位数 (14)
  UnitPrice unit_price;       // 保険 単位数単価 ×100 (15)
  Yen insurance_claim;        // 保険 請求額 (16)
  Yen user_burden;            // 保険 利用者負担額 (17)
  std::array<FundAggregate, kFundSlots> funds;  // 18–26
  MedicalAggregate medical;                     // 保険分出来高医療費 (27–29)
  std::array<MedicalAggregate, kFundSlots> fund_medical;  // 公費k分出来高医療費 (30–38)
};

// 特定入所者介護サービス費用情報レコード (11) — one 食費/居住費 line.
struct FacilityCostLine {
  int seq = 0;               // 順次番号 (99 = the last, which carries the totals)
  std::string service_type;  // サービス種類コード (59)
  std::string item_code;     // サービス項目コード
  Yen unit_cost;             // 費用単価 (per day)
  Yen burden_limit;          // 負担限度額 (per day)
  int days = 0;              // 日数
  std::array<int, kFundSlots> fund_days{};  // 公費1–3 日数
  Yen cost;                  // 費用額
  Yen insurance_claim;       // 保険分請求額
  std::array<Yen, kFundSlots> fund_burden{};  // 公費1–3 負担額（明細）
  Yen user_burden;           // 利用者負担額
};

// The totals of the 特定入所者 records (items 22–33, on the 99 record).
struct FacilityCostTotals {
  Yen cost;             // 費用額合計
  Yen insurance_claim;  // 保険分請求額合計
  Yen user_burden;      // 利用者負担額合計
  struct Fund {
    Yen burden_total;  // 公費k 負担額合計
    Yen claim;         // 公費k 請求額
    Yen self_pay;      // 公費k 本人負担月額
    auto operator<=>(const Fund&) const = default;
  };
  std::array<Fund, kFundSlots> funds;
  auto operator<=>(const FacilityCostTotals&) const = default;
};

// 社会福祉法人軽減額情報レコード (12).
struct WelfareReduction {
  int rate_x10 = 0;          // 軽減率 ×10 (250 = 25.0%)
  std::string service_type;  // サービス種類コード
  Yen burden_total;          // 受領すべき利用者負担の総額
  Yen reduction;             // 軽減額
  Yen after_reduction;       // 軽減後利用者負担額
  std::string note;          // 備考
};

// 介護給付費請求明細書 — one person × office × month × 様式.
struct ClaimStatement {
  StatementKey key;
  BasicInfo basic;
  std::vector<DetailLine> details;
  std::vector<AggregateRow> aggregates;
  std::vector<FacilityCostLine> facility_costs;
  std::optional<FacilityCostTotals> facility_totals;
  std::vector<WelfareReduction> reductions;

  const AggregateRow* aggregate(std::string_view service_type) const;
  // The サービス種類コード its 集計 and 明細 rows name, each once, in code order.
  std::vector<std::string_view> service_types() const;
};

// One row of the 介護給付費請求書 (7111) / 総合事業費請求書 (7113).
struct InvoiceRow {
  std::string form_id;       // 交換情報識別番号 7111 / 7113
  YearMonth service_month;   // サービス提供年月
  std::string office_no;     // 事業所番号
  int payer_kind = 1;        // 保険・公費等区分コード: 1 保険請求, 2 公費請求
  std::string law_no;        // 法別番号 ("00" for 保険)
  std::string claim_class;   // 請求情報区分コード (01, 02, 05, 06; "00" on some 公費 rows)
  std::int64_t count = 0;    // サービス費用 件数
  Units units;               // 単位数
  Yen cost_total;            // 費用合計 (= 保険請求額 + 公費請求額 + 利用者負担)
  Yen insurance_claim;       // 保険請求額
  Yen public_claim;          // 公費請求額
  Yen user_burden;           // 利用者負担
  std::int64_t facility_count = 0;  // 特定入所者介護サービス費等 件数
  Yen facility_cost_total;          // 特定入所者 費用合計
  Yen facility_user_burden;         // 特定入所者 利用者負担
  Yen facility_public_claim;        // 特定入所者 公費請求額
  Yen facility_insurance_claim;     // 特定入所者 保険請求額
};

// 介護給付費請求書 — the office's summary of one month's 明細書.
struct Invoice {
  std::vector<InvoiceRow> rows;
  const InvoiceRow* find(int payer_kind, std::string_view law_no, std::string_view claim_class) const;
};

// One service line of a 給付管理票 (rows 01–98). The codes are held in place at their items' widths
// (plan-8222): a review month holds every 給付管理票 of the month in memory.
struct BenefitPlanLine {
  FixedText<10> office_no;    // 事業所番号（サービス事業所）
  int designation = 1;        // 指定／基準該当／地域密着型サービス／総合事業識別コード
  FixedText<2> service_type;  // サービス種類コード
  Units plan_units;           // 給付計画単位数
};

// 給付管理票 — the care manager's monthly plan of units per provider and service type.
struct BenefitPlan {
  YearMonth service_month;            // 対象年月
  FixedText<8> insurer_no;            // 証記載保険者番号
  FixedText<10> support_office_no;    // 居宅介護支援事業所番号
  FixedText<10> insured_no;           // 被保険者番号
  FixedText<2> care_level;            // 要介護状態区分コード (heaviest of the month)
  FixedText<8> care_manager_no;       // 担当介護支援専門員番号
  int create_kind = 1;                // 給付管理票情報作成区分: 1 新規, 2 修正, 3 取消
  std::optional<Date> created_on;     // 給付管理票作成年月日
  std::optional<Date> birth_date;
  int sex = 0;
  int plan_kind = 1;                  // 居宅サービス計画作成区分コード
  std::optional<YearMonth> limit_from;  // 限度額適用期間
  std::optional<YearMonth> limit_to;
  Units limit_units;                  // 支給限度額
  Units total_units;                  // 給付計画合計単位数 (row 99)
  std::vector<BenefitPlanLine> lines;

  // The planned units for one provider × service type (nullopt = no line: 増減 事由 A).
  std::optional<Units> plan_units_for(std::string_view office_no, std::string_view service_type) const;
  Units sum_of_lines() const;
};

}  // namespace kaigo::billing
