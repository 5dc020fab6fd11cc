// report/notice_headers — the H1 records the result notices share (claims-format §7): the
// 審査年月 form (7211, 7311, 7411, 7521 and their 総合事業 forms) and the 取扱年月 form (7611,
// 7621, 7631). Internal to the notice builders.
// Owns: which H1 item holds what. Must not: be used outside report.
#pragma once
#include "kaigo/report/record_builder.hpp"
#include "kaigo/report/settlement_notices.hpp"

namespace kaigo::report {

inline const char* form_of(settlement::Program p, const char* care, const char* sougou) {
  return p == settlement::Program::Care ? care : sougou;
}

// 3 事業所番号, 4 事業所名, 5 審査年月, 6 作成年月日, 7 頁, 8 国保連合会名.
inline RecordBuilder reviewed_header(const char* form, const settlement::OfficeResult& o, YearMonth month,
                                     const IssueInfo& issue) {
  RecordBuilder h(form, "H1");
  h.text(3, o.office.office_no).text(4, o.office.name).month(5, month).date(6, issue.created_on).number(7, 1);
  h.text(8, issue.kokuhoren);
  return h;
}

// 3 取扱年月, 4 事業所番号, 5 事業所名, 6 作成年月日, 7 頁, 8 国保連合会名.
inline RecordBuilder handled_header(const char* form, const settlement::OfficeResult& o, YearMonth month,
                                    const IssueInfo& issue) {
  RecordBuilder h(form, "H1");
  h.month(3, month).text(4, o.office.office_no).text(5, o.office.name).date(6, issue.created_on).number(7, 1);
  h.text(8, issue.kokuhoren);
  return h;
}

}  // namespace kaigo::report
