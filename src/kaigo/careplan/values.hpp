// careplan/values — what the rest of the hub needs from the care-plan files, as values that do not
// depend on the CSV of v4.1 (a v5.0 JSON mapping can fill the same types): the 第6表 service lines
// of a person-month as planned (予定) or provided (実績), the 第7表 rows with units and limit
// figures, and the 利用者補足情報. Text is UTF-8; units and yen are integers (core/money).
// records.hpp maps them to and from the v4.1 records.
// Must not: know file formats, or decide anything (reconcile will compare these values).
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/master/keys.hpp"

namespace kaigo::careplan {

// 利用者: 保険者番号 + 被保険者番号.
using master::PersonId;

// 予定 (UPPLAN, from the care manager) or 実績 (UPJSK, from the service office).
enum class UsageKind { Plan, Actual };

// 第6表 サービス利用票 — one service on one day.
struct ServiceUse {
  Date date;                   // サービス利用日
  std::string start_time;      // サービス開始時刻 HHMM; empty for a service shown without time (9999)
  std::string end_time;        // サービス終了時刻
  int count = 1;               // サービス回数
  std::string service_code;    // サービスコード: サービス種類コード (2) + サービス項目コード (4)
  std::optional<Units> units;  // 単位数, after discount; negative for a 減算; may be empty (率加減算 of a 実績)
  std::string office_no;       // サービス事業者コード
  std::string office_name;     // サービス事業所名
  std::string satellite;       // サテライト枝番
  std::string daily_rate_days; // 日割対象日: 31 × 0/1, empty when not 日割
  bool over_30_days = false;   // ３０日超区分
  std::optional<int> short_stay_days_before;  // 前月までの短期入所利用日数
  std::string tais_code;       // TAISコード (福祉用具貸与)
  std::string notified_code;   // 福祉用具届出コード
  std::string product_name;    // 用具名称（機種名）
  std::optional<int> discriminator;  // 明細判別コード
  std::string updater;         // 更新業者コード

  std::string service_type() const { return service_code.substr(0, 2); }
};

// One person's 第6表 for one service month, 予定 or 実績.
struct UsageSheet {
  UsageKind kind = UsageKind::Plan;
  PersonId person;
  Date created;                 // 作成年月日 (of the first line)
  YearMonth month;              // 対象年月
  std::string plan_office_no;   // プラン担当業者コード
  std::string planner_name;     // プラン担当者名
  std::vector<ServiceUse> lines;  // in file order

  Units total_units() const;  // empty 単位数 count as 0
  // The same sheet with one line per office × サービスコード (the first line of each, its units the
  // sum of those written, empty when none was): what the units of a sheet are read from, a tenth
  // of its size in memory. The days stay in the file.
  UsageSheet folded() &&;
  // The units of one office and service type (what a 給付管理票 line carries).
  Units units_of(const std::string& office_no, const std::string& service_type) const;
};

// What a 第7表 row is, by its サービスコード.
enum class BenefitRowKind {
  Service,          // a service code
  LimitSubtotal,    // 種類 + AAAA: 区分支給限度の対象の種類別小計
  OutsideSubtotal,  // 種類 + EEEE: 対象外の種類別小計
  Over30Subtotal,   // 種類 + ZZZZ: 30日超過分の種類別小計
  GrandTotal,       // 999999: 全合計
};

// 第7表 サービス利用票別表 — one row.
struct BenefitRow {
  BenefitRowKind kind = BenefitRowKind::Service;
  std::string office_name;       // サービス事業所名
  std::string office_no;         // サービス事業所コード (9999999999 on the grand total)
  std::string satellite;         // サテライト枝番
  std::string service_code;      // サービスコード
  std::string tais_code;
  std::string notified_code;
  std::string product_name;
  Units units;                   // 単位数 (0 on subtotal and total rows)
  std::optional<int> discount_rate;          // 割引後率
  std::optional<Units> discounted_units;     // 割引後単位数
  int count = 0;                             // 回数／日数
  std::optional<Yen> unit_amount;            // サービス単位金額
  std::optional<Units> managed_units;        // 給付管理単位数 (none outside the limit)
  std::optional<Units> type_limit_over;      // 種類支給限度基準を超える単位数
  std::optional<Units> type_limit_within;    // 種類支給限度基準内単位数
  std::optional<Units> limit_over;           // 区分支給限度基準を超える単位数
  std::optional<Units> limit_within;         // 区分支給限度基準内単位数
  std::optional<UnitPrice> unit_price;       // 単位数単価 (×100)
  std::optional<Yen> total_cost;             // 費用総額（保険／事業対象分）
  std::optional<int> benefit_rate;           // 給付率
  std::optional<Yen> claim;                  // 保険／事業費請求額
  std::optional<Yen> fixed_burden_unit;      // 定額利用者負担単価金額
  std::optional<Yen> user_burden;            // 利用者負担（保険／事業対象分）
  std::optional<Yen> user_burden_full;       // 利用者負担（全額負担分）
  std::optional<int> days_before;            // 前月までの利用日数
  std::optional<int> days_planned;           // 当月の計画利用日数
  std::optional<int> days_cumulative;        // 累積利用日数
  bool over_30_days = false;                 // ３０日超区分
  std::string office_code;                   // 事業所コード (No.34)
  std::string input_code;                    // 入力者コード
  std::string updater;                       // 更新業者コード

  std::string service_type() const { return service_code.substr(0, 2); }
};

// One person's 第7表 for one month.
struct BenefitSheet {
  PersonId person;
  Date created;      // 作成年月日
  YearMonth month;   // 対象年月
  std::vector<BenefitRow> rows;

  const BenefitRow* grand_total() const;
  // 区分支給限度基準内単位数 + 超える単位数 of the service rows: the units the plan manages.
  Units managed_units() const;
};

// 利用者補足情報 — サービス種類別の限度額 slot.
struct TypeLimit {
  std::string service_type;          // Nサービス種類コード
  std::optional<Units> limit;        // N支給限度基準額
  std::optional<Units> total;        // N合計単位数
  std::optional<Units> over;         // N限度超単位数
};

// 利用者補足情報 — tied to a 第1表 (plan_date) or to a 第6表/第7表 month.
struct UserSupplement {
  PersonId person;
  std::optional<Date> plan_date;     // 居宅サービス計画作成（変更）日 (tied to 第1表)
  std::optional<YearMonth> month;    // 対象年月 (tied to 第6表/第7表)
  std::string name_kana;             // 利用者氏名フリガナ
  std::string name;                  // 利用者氏名
  std::string sex;                   // 1 男性 / 2 女性
  std::optional<Date> birth_date;
  std::string postal_code;
  std::string address1;
  std::string address2;
  std::string phone;
  std::optional<Date> certified_on;  // 認定日
  std::optional<Date> limit_from;    // 限度額適用開始年月日
  std::optional<Date> limit_to;      // 限度額適用終了年月日
  std::string cert_status;           // 認定状況区分 1 申請中 / 2 認定済
  std::optional<Date> level_changed_on;  // 要介護状態変更日
  std::string care_level;            // 要介護状態区分 (06, 12, 13, 21–25)
  std::optional<Units> limit_units;  // 区分支給限度基準額
  std::vector<TypeLimit> type_limits;  // at most 9, from slot 1
  std::optional<Units> total_over;   // 合計限度超単位数
  std::optional<int> days_before_admission;  // 入所前月迄利用日数
  std::optional<int> days_cumulative;        // 入所累積利用日数
  std::string previous_care_level;   // 前回要介護状態区分
  std::string consent_office;        // 同意書受付業者
  std::string updater;               // 更新業者コード
};

}  // namespace kaigo::careplan
