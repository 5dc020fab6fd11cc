// The notices of the payment: 7513 支払決定額通知書, 7521 / 7541 支払決定額内訳書, 7611 / 7631
// 過誤決定通知書, 7621 再審査決定通知書; and which notices an office gets.
#include <algorithm>

#include <fmt/format.h>

#include "kaigo/report/notice_headers.hpp"

namespace kaigo::report {
namespace {

using settlement::Program;

void quantity(RecordBuilder& r, int first, const settlement::Quantity& q) {
  r.number(first, q.count)
      .number(first + 1, q.days)
      .units(first + 2, q.units)
      .yen(first + 3, q.cost)
      .yen(first + 4, q.benefit);
}

// 特定入所者 columns: 件数, 日数, 費用額, 介護給付費 (no units).
void facility(RecordBuilder& r, int first, const settlement::Quantity& q) {
  r.number(first, q.count).number(first + 1, q.days).yen(first + 2, q.cost).yen(first + 3, q.benefit);
}

NoticeRecord totals(const char* form, const char* kind, Program program, const settlement::QuantityPair& q) {
  RecordBuilder t(form, kind);
  quantity(t, 3, q.service);
  if (program == Program::Care) facility(t, 8, q.facility);  // 7541: 予備
  return t.done();
}

void group(RecordBuilder& r, int first, const settlement::RereviewGroup& g) {
  r.number(first, g.count).units(first + 1, g.units).yen(first + 2, g.benefit);
}

}  // namespace

IssueInfo issue_info(const Settings& s, Date created_on, Date transfer_on) {
  return {s.name, s.settlement.committee, s.settlement.message, created_on, transfer_on};
}

Notice notice_7513(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue) {
  const auto& p = o.payment;
  std::string postal;  // 郵便番号 as digits (the ledger may write 640-0000)
  for (char c : o.office.postal_code) {
    if (c >= '0' && c <= '9') postal.push_back(c);
  }
  RecordBuilder h("7513", "H1");
  h.month(3, month).text(4, postal.substr(0, std::min<std::size_t>(3, postal.size())));
  h.text(5, postal.size() > 3 ? postal.substr(3) : std::string());
  h.text(6, o.office.address).text(7, o.office.name).text(8, o.office.owner_name).text(9, o.office.office_no);
  h.yen(10, p.transfer).yen(11, p.care.net());
  h.number(12, 0).number(13, 0).number(14, 0).number(15, 0);  // 主治医意見書・認定調査: not the offices' business here
  h.yen(16, p.sougou.net()).yen(17, p.certificate_fee).yen(18, p.total);
  h.text(19, o.office.bank_name).text(20, o.office.bank_branch).date(21, issue.transfer_on).text(22, issue.kokuhoren);
  auto n = make_notice("7513", {h.done()});
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
  std::vector<NoticeRecord> records{reviewed_header(form, o, month, issue).done()};
  for (const auto& row : t.rows) {
    RecordBuilder d(form, "D1");
    d.text(3, row.payer_no).month(4, row.service_month).text(5, row.service_type).text(6, row.service_type_name);
    quantity(d, 7, row.amounts.service);
    if (program == Program::Care) facility(d, 12, row.amounts.facility);
    records.push_back(d.done());
  }
  records.push_back(totals(form, "T1", program, t.total));
  records.push_back(totals(form, "T2", program, t.adjustment));
  records.push_back(totals(form, "T3", program, t.decided));
  return make_notice(form, std::move(records));
}

Notice notice_7611(const settlement::OfficeResult& o, Program program, YearMonth month, const IssueInfo& issue) {
  const char* form = form_of(program, "7611", "7631");
  const auto& t = program == Program::Care ? o.care_kago : o.sougou_kago;
  std::vector<NoticeRecord> records{handled_header(form, o, month, issue).done()};
  for (const auto& l : t.lines) {
    RecordBuilder d(form, "D1");
    d.text(3, l.payer_no).text(4, l.payer_name).text(5, l.insured_no).text(6, l.name_kana).month(7, l.service_month);
    d.text(8, l.service_type).text(9, l.service_type_name).text(10, l.kago_code).text(11, l.reason_name);
    d.number(12, l.units_or_cost).yen(13, l.benefit);
    records.push_back(d.done());
  }
  RecordBuilder total(form, "T1");
  total.number(3, t.total.count).units(4, t.total.units).yen(5, t.total.benefit);
  if (program == Program::Care)  // 7631: 予備
    total.number(6, t.total.facility_count).yen(7, t.total.facility_cost).yen(8, t.total.facility_benefit);
  records.push_back(total.done());
  return make_notice(form, std::move(records));
}

Notice notice_7621(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue) {
  auto h = handled_header("7621", o, month, issue);
  h.text(9, issue.committee);
  std::vector<NoticeRecord> records{h.done()};
  for (const auto& l : o.rereviews.lines) {
    RecordBuilder d("7621", "D1");
    d.text(3, l.payer_no).text(4, l.payer_name).text(5, l.insured_no).text(6, l.name_kana).month(7, l.service_month);
    d.text(8, l.service_type).text(9, l.service_type_name).text(10, l.appeal_code).text(11, l.appeal_reason);
    d.text(12, fmt::format("{:02}", static_cast<int>(l.result)));
    d.units(13, l.claimed).units(14, l.original).units(15, l.requested).units(16, l.decided).units(17, l.adjusted);
    d.yen(18, l.adjusted_benefit);
    records.push_back(d.done());
  }
  RecordBuilder total("7621", "T1");
  group(total, 3, o.rereviews.requested);
  group(total, 6, o.rereviews.decided);
  group(total, 9, o.rereviews.adjusted);
  records.push_back(total.done());
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
