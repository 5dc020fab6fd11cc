// report/notice_records — the 帳票レコード of the result notices written from the figures
// settlement computed, item by item as the layouts' `field` column binds them
// (exchange/layouts/notice-*.tsv, documents/fields): each value in the form its item asks for —
// numbers in decimal with a sign, 年月 / 年月日 as YYYYMM / YYYYMMDD, 漢字 texts in full width,
// every text cut to the item's width. Items bound to nothing stay empty (予備, or 0 not printed).
// Owns: the field tables of the notices and the written form of a value. Must not: compute values.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/core/date.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/report/notice.hpp"
#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::report {

// What every H1 record is written from: the office, the month and the issuer (7513: the payment).
struct NoticeHead {
  const settlement::OfficeResult& office;
  YearMonth month;
  const IssueInfo& issue;
};

// The record `kind` of `form` written from `row`: a NoticeHead, or one of the figures of
// settlement/results the form's layout binds (AdjustmentRow, AdjustmentTable, CutLine, ReturnLine,
// BreakdownRow, QuantityPair, KagoLine, KagoTotals, RereviewLine, RereviewTable). Throws
// std::invalid_argument when the form has no such record kind.
template <class Row>
NoticeRecord notice_record(std::string_view form, std::string_view kind, const Row& row);

// The form of a program: 介護給付 or 総合事業 (seed 002 §4(2): 「それぞれ別帳票」).
inline const char* form_of(settlement::Program p, const char* care, const char* sougou) {
  return p == settlement::Program::Care ? care : sougou;
}

// `utf8` in the form item `spec` asks for: full width for 漢字, half width for 半角カナ, both cut to
// the item's bytes; codes and numbers as they are.
std::string fit_item_text(const exchange::ItemSpec& spec, std::string_view utf8);

}  // namespace kaigo::report
