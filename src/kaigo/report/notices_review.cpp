// The notices of the review's outcome: 7211 / 7221 審査決定増減表, 7311 増減単位数通知書, 7411 /
// 7421 返戻（保留）一覧表. Which figure goes in which item is the layouts' `field` column
// (notice_records).
#include "kaigo/report/kanji.hpp"
#include "kaigo/report/notice_records.hpp"

namespace kaigo::report {
namespace {

using settlement::Program;

std::string full_width_number(std::int64_t v) { return to_full_width(std::to_string(v)); }

}  // namespace

std::string cut_units_text(Units decided, Units claimed) {
  const auto d = full_width_number(decided.value);
  const auto c = full_width_number(claimed.value);
  std::string seed_form = "確定単位数（" + d + "単）請求単位数（" + c + "単）";
  if (fit_bytes(seed_form, 48) == seed_form) return seed_form;
  return "確定" + d + "単位、請求" + c + "単位";
}

Notice notice_7211(const settlement::OfficeResult& o, Program program, YearMonth month, const IssueInfo& issue) {
  const char* form = form_of(program, "7211", "7221");
  const auto& t = program == Program::Care ? o.care_adjustments : o.sougou_adjustments;
  std::vector<NoticeRecord> records{notice_record(form, "H1", NoticeHead{o, month, issue})};
  for (const auto& row : t.rows) records.push_back(notice_record(form, "D1", row));
  records.push_back(notice_record(form, "T1", t));
  return make_notice(form, std::move(records));
}

Notice notice_7311(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue) {
  std::vector<NoticeRecord> records{notice_record("7311", "H1", NoticeHead{o, month, issue})};
  for (const auto& l : o.cuts) records.push_back(notice_record("7311", "D1", l));
  return make_notice("7311", std::move(records));
}

Notice notice_7411(const settlement::OfficeResult& o, Program program, YearMonth month, const IssueInfo& issue) {
  const char* form = form_of(program, "7411", "7421");
  const auto& lines = program == Program::Care ? o.care_returns : o.sougou_returns;
  std::vector<NoticeRecord> records{notice_record(form, "H1", NoticeHead{o, month, issue})};
  for (const auto& l : lines) records.push_back(notice_record(form, "D1", l));
  return make_notice(form, std::move(records));
}

}  // namespace kaigo::report
