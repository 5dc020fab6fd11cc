// The notices of the payment: 7513 支払決定額通知書, 7521 / 7541 支払決定額内訳書, 7611 / 7631
// 過誤決定通知書, 7621 再審査決定通知書; and which notices an office gets. Which figure goes in which
// item is the layouts' `field` column (notice_records).
#include <algorithm>

#include <fmt/format.h>

#include "kaigo/report/notice_records.hpp"

namespace kaigo::report {

using settlement::Program;

IssueInfo issue_info(const Settings& s, Date created_on, Date transfer_on) {
  return {s.name, s.settlement.committee, s.settlement.message, created_on, transfer_on};
}

namespace {

// The H1 of the office and month, then a D1 for each of `lines` (the totals follow).
template <class Lines>
std::vector<NoticeRecord> head_and_lines(const char* form, const NoticeHead& head, const Lines& lines) {
  std::vector<NoticeRecord> records{notice_record(form, "H1", head)};
  for (const auto& line : lines) records.push_back(notice_record(form, "D1", line));
  return records;
}

}  // namespace

Notice notice_7513(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue) {
  const auto& p = o.payment;
  auto n = make_notice("7513", {notice_record("7513", "H1", NoticeHead{o, month, issue})});
  // What the paper shows beyond the 22 items: the license fee (seed 002's printed 7513 has a row for
  // it) and the carried shortfalls, so that 合計金額 − these = 振込金額 can be followed on paper.
  n.print_values = {{"careplan_license", std::to_string(p.license_fee.value)},
                    {"carried_in", std::to_string(p.carried_in.value)},
                    {"carried_out", std::to_string(p.carried_out.value)},
                    {"billed", std::to_string(p.billed.value)}};
  return n;
}

Notice notice_7521(const settlement::OfficeResult& o, Program program, YearMonth month, const IssueInfo& issue) {
  const char* form = form_of(program, "7521", "7541");
  const auto& t = program == Program::Care ? o.care_breakdown : o.sougou_breakdown;
  auto records = head_and_lines(form, NoticeHead{o, month, issue}, t.rows);
  records.push_back(notice_record(form, "T1", t.total));
  records.push_back(notice_record(form, "T2", t.adjustment));
  records.push_back(notice_record(form, "T3", t.decided));
  return make_notice(form, std::move(records));
}

Notice notice_7611(const settlement::OfficeResult& o, Program program, YearMonth month, const IssueInfo& issue) {
  const char* form = form_of(program, "7611", "7631");
  const auto& t = program == Program::Care ? o.care_kago : o.sougou_kago;
  auto records = head_and_lines(form, NoticeHead{o, month, issue}, t.lines);
  records.push_back(notice_record(form, "T1", t.total));
  return make_notice(form, std::move(records));
}

Notice notice_7621(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue) {
  auto records = head_and_lines("7621", NoticeHead{o, month, issue}, o.rereviews.lines);
  records.push_back(notice_record("7621", "T1", o.rereviews));
  return make_notice("7621", std::move(records));
}

std::vector<Notice> office_notices(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue) {
  std::vector<Notice> out;
  if (o.care_adjustments.present) out.push_back(notice_7211(o, Program::Care, month, issue));
  if (o.sougou_adjustments.present) out.push_back(notice_7211(o, Program::Sougou, month, issue));
  if (!o.cuts.empty()) out.push_back(notice_7311(o, month, issue));
  if (!o.care_returns.empty()) out.push_back(notice_7411(o, Program::Care, month, issue));
  if (!o.sougou_returns.empty()) out.push_back(notice_7411(o, Program::Sougou, month, issue));
  if (o.payment.present()) out.push_back(notice_7513(o, month, issue));
  if (o.care_breakdown.present()) out.push_back(notice_7521(o, Program::Care, month, issue));
  if (o.sougou_breakdown.present()) out.push_back(notice_7521(o, Program::Sougou, month, issue));
  if (!o.care_kago.lines.empty()) out.push_back(notice_7611(o, Program::Care, month, issue));
  if (!o.rereviews.lines.empty()) out.push_back(notice_7621(o, month, issue));
  if (!o.sougou_kago.lines.empty()) out.push_back(notice_7611(o, Program::Sougou, month, issue));
  return out;
}

}  // namespace kaigo::report
