// The notices of the review's outcome: 7211 / 7221 審査決定増減表, 7311 増減単位数通知書, 7411 /
// 7421 返戻（保留）一覧表.
#include "kaigo/report/kanji.hpp"
#include "kaigo/report/notice_headers.hpp"

namespace kaigo::report {
namespace {

using settlement::Program;

void tally(RecordBuilder& r, int first, const settlement::Tally& t) {
  r.number(first, t.count).number(first + 1, t.facility_count).units(first + 2, t.units).yen(first + 3, t.facility);
}

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
  std::vector<NoticeRecord> records{reviewed_header(form, o, month, issue).done()};
  for (const auto& row : t.rows) {
    RecordBuilder d(form, "D1");
    d.text(3, row.insurer_no).month(4, row.service_month);
    if (program == Program::Care) {
      tally(d, 5, row.returned);
      tally(d, 9, row.cut);
      tally(d, 13, row.held);
      tally(d, 17, row.released);
    } else {  // 7221: only 返戻 件数 and 単位数 (claims-format §7.1)
      d.number(5, row.returned.count).units(7, row.returned.units);
    }
    records.push_back(d.done());
  }
  RecordBuilder total(form, "T1");
  const auto& diff = t.difference;
  if (program == Program::Care) {
    total.number(3, diff.count).number(4, diff.facility_count).yen(5, diff.amount).yen(6, diff.facility_amount);
    tally(total, 7, t.total.returned);
    tally(total, 11, t.total.cut);
    tally(total, 15, t.total.held);
    tally(total, 19, t.total.released);
  } else {
    total.number(3, diff.count).yen(5, diff.amount).number(7, t.total.returned.count).units(9, t.total.returned.units);
  }
  records.push_back(total.done());
  return make_notice(form, std::move(records));
}

Notice notice_7311(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue) {
  auto h = reviewed_header("7311", o, month, issue);
  h.text(9, issue.committee).text(10, issue.message);
  std::vector<NoticeRecord> records{h.done()};
  for (const auto& l : o.cuts) {
    RecordBuilder d("7311", "D1");
    d.text(3, l.insurer_no).text(4, l.insured_no).text(5, l.name_kana).month(6, l.service_month);
    d.text(7, l.service_type).text(8, l.item_code);
    if (l.last) {
      d.units(9, l.change).text(10, std::string(1, static_cast<char>(l.reason))).text(11, l.content);
      d.text(12, cut_units_text(l.decided_units, l.claimed_units));
    }
    records.push_back(d.done());
  }
  return make_notice("7311", std::move(records));
}

Notice notice_7411(const settlement::OfficeResult& o, Program program, YearMonth month, const IssueInfo& issue) {
  const char* form = form_of(program, "7411", "7421");
  const auto& lines = program == Program::Care ? o.care_returns : o.sougou_returns;
  std::vector<NoticeRecord> records{reviewed_header(form, o, month, issue).done()};
  for (const auto& l : lines) {
    RecordBuilder d(form, "D1");
    d.text(3, l.payer_no).text(4, l.payer_name).text(5, l.insured_no).text(6, l.name_kana).text(7, l.sheet);
    d.month(8, l.service_month).text(9, l.service_type).units(10, l.units);
    d.text(11, l.reason ? std::string(1, l.reason) : std::string()).text(12, l.content).text(13, l.remark).text(14, l.item_code);
    records.push_back(d.done());
  }
  return make_notice(form, std::move(records));
}

}  // namespace kaigo::report
