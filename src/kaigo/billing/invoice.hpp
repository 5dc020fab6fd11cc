// billing/invoice — the 介護給付費請求書 (7111) and 総合事業費請求書 (7113) as sums of the
// 明細書, per 保険/公費 (法別番号) and 請求情報区分 (claims-format §6.1, "Aggregation used by QKAN").
// Owns: the aggregation. Must not: compare with a written 請求書 beyond listing the differences.
#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"

namespace kaigo::billing {

struct InvoiceClass {
  std::string_view invoice_form;  // 7111 or 7113
  std::string_view claim_class;   // 請求情報区分コード: 01 サービス, 02 居宅介護支援等, 05 総合事業, 06 ケアマネジメント
};

// Where a 明細書 of `form_id` is summed: 8124/8125 → 7111/02, 71R1 → 7113/05, 8171 → 7113/06,
// every other 様式 → 7111/01.
InvoiceClass invoice_class_of(std::string_view form_id);

// The 請求書 rows of the statements (any offices and months; one row set per office × month).
// 保険 rows come first (per 請求情報区分), then one 公費 row per 法別番号 (× 請求情報区分 for
// 法別 12, "00" otherwise, as QKAN writes).
Invoice build_invoice(std::span<const ClaimStatement> statements);

// Adds one statement to the rows of `inv` (unsorted), for callers that see statements one at a
// time and must not keep them (the pre-check of a large file).
void add_to_invoice(Invoice& inv, const ClaimStatement& s);

// Whether two rows are of the same 請求書 class (事業所, 提供年月, 様式, 保険/公費, 法別, 請求情報区分),
// reading 0, 00 and empty alike in 法別番号 and 請求情報区分.
bool same_invoice_class(const InvoiceRow& a, const InvoiceRow& b);

// Rows of `written` whose totals differ from `computed` (the 請求差 of 7211), as row pairs.
struct InvoiceDifference {
  const InvoiceRow* written = nullptr;   // nullptr: the row is missing from the written 請求書
  const InvoiceRow* computed = nullptr;  // nullptr: the written row has no 明細書 behind it
};
std::vector<InvoiceDifference> compare_invoice(const Invoice& written, const Invoice& computed);

}  // namespace kaigo::billing
