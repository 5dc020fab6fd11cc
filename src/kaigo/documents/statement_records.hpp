// documents/statement_records — the bridge between the 交換情報 records (exchange) and the claim
// documents as values (billing): 明細書 01/02/10/11/12 ⇄ ClaimStatement, 7111/7113 ⇄ InvoiceRow,
// 8222 ⇄ BenefitPlan, item by item as claims-format.md §4–6 number them.
// Owns: which item holds which value. Must not: check or compute anything (precheck, billing do).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/exchange/writer.hpp"

namespace kaigo::documents {

// The 明細書 held by a document of family Statement. Values that do not parse are left at their
// defaults: the reader has already reported them.
billing::ClaimStatement to_statement(const exchange::Document& doc);

// The copies of a 明細書 a document holds, in file order: one normally; two or more when the file
// wrote the same 明細書 (same key) again — each 基本 (01) record starts a copy.
std::vector<billing::ClaimStatement> to_statements(const exchange::Document& doc);

// The 給付管理票 of a document of family Plan.
billing::BenefitPlan to_plan(const exchange::Document& doc);

// The 請求書 rows of a document of family Invoice.
billing::InvoiceRow to_invoice_row(const exchange::Record& record);

// The records of a 明細書 as UTF-8 items: 01, 02 (one per detail line), 10 (one per サービス種類),
// 11 (順次番号 01… with the last as 99) and 12.
std::vector<std::vector<std::string>> statement_records(const billing::ClaimStatement& s);

// Writes those records.
void write_statement(const billing::ClaimStatement& s, exchange::Writer& w);

// Writes one 7111 / 7113 row.
void write_invoice_row(const billing::InvoiceRow& row, exchange::Writer& w);

// Writes a 給付管理票: one record per line (明細行番号 01…) and the closing 99 record.
void write_plan(const billing::BenefitPlan& plan, exchange::Writer& w);

// 様式第七 (8124/8125) 居宅介護支援費 明細: one line per サービスコード, the last numbered 99 with the
// totals.
struct CarePlanFeeLine {
  std::string service_code;  // 6 characters
  Units unit_units;
  int count = 1;
};
struct CarePlanFeeStatement {
  std::string form_id = "8124";
  std::string office_no;
  int designation = 1;
  YearMonth service_month;
  std::string insurer_no;
  UnitPrice unit_price;
  std::string insured_no;
  std::string public_payer_no;
  std::string public_recipient_no;
  Date birth_date;
  int sex = 1;
  std::string care_level;
  Date cert_from;
  Date cert_to;
  Date notified_on;  // 居宅サービス計画作成依頼届出年月日
  std::vector<CarePlanFeeLine> lines;
  std::string care_manager_no;
  // As read (the writer computes these): サービス単位数 per line, and on the 99 line
  // サービス単位数合計 and 請求金額.
  std::vector<Units> written_line_units;
  std::optional<Units> written_total_units;
  std::optional<Yen> written_claim;

  Units total_units() const;
  Yen claim() const;  // floor(合計単位数 × 単価) (10割給付)
};
void write_care_plan_fee(const CarePlanFeeStatement& s, exchange::Writer& w);

// The 様式第七 of a document of family CarePlan (its lines in file order; the 99 line is the last).
CarePlanFeeStatement to_care_plan_fee(const exchange::Document& doc);

// The same 様式第七 as a 明細書 value, so that it is matched and recomputed like the others: one
// 明細 per サービスコード, one 集計 row of its サービス種類 (43 / 46) holding the 単価 and the
// 請求金額 as 保険請求額, no 利用者負担 (居宅介護支援費 is paid in full), and no 保険給付率 (the
// form has none). 生保単独 (被保険者番号 H…): the 請求金額 is the 公費1 (100%) claim.
billing::ClaimStatement as_statement(const CarePlanFeeStatement& fee);

}  // namespace kaigo::documents
