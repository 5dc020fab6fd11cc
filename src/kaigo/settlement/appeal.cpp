#include "kaigo/settlement/appeal.hpp"

#include <array>
#include <fmt/format.h>

#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/settlement/detail/one_row_per_claim.hpp"
#include "kaigo/settlement/kago.hpp"

namespace kaigo::settlement {
namespace {

const std::vector<AppealReason>& appeal_reasons() {
  static const std::vector<AppealReason> table = [] {
    std::vector<AppealReason> out;
    for (const auto& row : embedded::checked_tsv_rows("src/kaigo/settlement/appeal_reasons.tsv",
                                                      {"reason", "name", "short_name", "cut", "source"})) {
      const auto& r = row.cells;
      const char cut = r[3] == "-" ? 0 : r[3].front();
      out.push_back({std::string(r[0]), std::string(r[1]), std::string(r[2]), cut});
    }
    return out;
  }();
  return table;
}

constexpr std::array<master::Column, kAppealColumnCount> kAppealColumns{{
    {"filed_on", "申立年月日"},
    {"applicant", "申立者区分コード"},
    {"office_no", "事業所番号"},
    {"insurer_no", "証記載保険者番号"},
    {"insured_no", "被保険者番号"},
    {"service_month", "サービス提供年月"},
    {"service_type", "サービス種類コード"},
    {"service_item", "サービス項目コード"},
    {"requested_units", "申立単位数"},
    {"reason_code", "再審査申立事由コード"},
    {"decision", "審査委員会の決定"},
    {"decided_units", "決定単位数", true},
}};

// The 事由 and the 様式番号 of a 再審査申立事由コード; fails the row on either.
bool read_code(master::RowReader& r, std::string_view code4, RereviewAppeal& a) {
  const auto* reason = find_appeal_reason(code4.substr(2));
  if (!reason) {
    r.fail(kAppealCode, code::kAppealUnknownReason,
           fmt::format("再審査申立事由「{}」は再審査申立事由の表にありません", code4.substr(2)),
           fmt::format("再審査申立事由 {} is not in the table (settlement/appeal_reasons.tsv)", code4.substr(2)));
  }
  const auto forms = kago_forms_of(code4.substr(0, 2));
  if (forms.empty()) {
    r.fail(kAppealCode, code::kAppealUnknownForm,
           fmt::format("様式番号「{}」は申立事由コードの様式番号にありません", code4.substr(0, 2)),
           fmt::format("様式番号 {} is not a form number of the 申立事由コード (seed 002 §7(3)(A))", code4.substr(0, 2)));
  }
  if (!reason || forms.empty()) return false;
  a.appeal_code = std::string(code4);
  a.reason_name = reason->short_name;
  a.key.form_id = forms.front()->form_id;
  return true;
}

// 決定単位数: only with restored, and more than nothing and no more than asked for.
bool read_decided(master::RowReader& r, RereviewAppeal& a) {
  auto decided = r.integer(kAppealDecided, 1, 99'999'999, false);
  if (!r.ok()) return false;
  if (!decided) return true;
  if (a.decision == AppealDecision::Upheld) {
    r.fail(kAppealDecided, code::kAppealDecidedUnits, "原審どおり（upheld）の申立に決定単位数は書けません",
           "decided_units is given for an appeal that is upheld (原審どおり)");
    return false;
  }
  if (Units{*decided} > a.requested) {
    r.fail(kAppealDecided, code::kAppealDecidedUnits,
           fmt::format("決定単位数 {} が申立単位数 {} を超えています", *decided, a.requested.value),
           fmt::format("decided_units {} exceeds requested_units {}", *decided, a.requested.value));
    return false;
  }
  a.decided = Units{*decided};
  return true;
}

std::optional<RereviewAppeal> read_appeal_row(master::RowReader& r) {
  auto filed = r.date(kAppealFiled, true);
  auto applicant = r.word(kAppealApplicant, kApplicants, true);
  auto office = r.alnum(kAppealOffice, 10, true);
  auto insurer = r.digits(kAppealInsurer, 6, 8, true);
  auto insured = r.alnum(kAppealInsured, 10, true);
  auto month = r.year_month(kAppealMonth, true);
  auto type = r.alnum(kAppealType, 2, true);
  auto item = r.alnum(kAppealItem, 4, true);
  auto units = r.integer(kAppealUnits, 0, 99'999'999, true);
  auto code4 = r.alnum(kAppealCode, 4, true);
  auto decision = r.word(kAppealDecision, kAppealDecisions, true);
  if (!r.ok() || !filed || !applicant || !office || !insurer || !insured || !month || !type || !item || !units ||
      !code4 || !decision)
    return std::nullopt;
  RereviewAppeal a;
  a.filed_on = *filed;
  a.applicant = *applicant;
  a.key.office_no = std::string(*office);
  a.key.insurer_no = std::string(*insurer);
  a.key.insured_no = std::string(*insured);
  a.key.service_month = *month;
  a.service_type = std::string(*type);
  a.service_item = std::string(*item);
  a.requested = Units{*units};
  a.decision = *decision;
  a.line = r.line();
  if (!read_code(r, *code4, a) || !read_decided(r, a)) return std::nullopt;
  return a;
}

}  // namespace

const AppealReason* find_appeal_reason(std::string_view reason) {
  for (const auto& r : appeal_reasons()) {
    if (r.code == reason) return &r;
  }
  return nullptr;
}

std::string_view appeal_column_ja(AppealColumn c) { return kAppealColumns.at(c).ja; }
std::string_view appeal_column_name(AppealColumn c) { return kAppealColumns.at(c).name; }

master::LoadResult<std::vector<RereviewAppeal>> load_appeals(std::string_view text, const std::string& file_name) {
  // One request per 明細書 and month: a second would be decided from the same standing decision.
  return detail::load_one_row_per_claim<RereviewAppeal>(
      text, file_name, {kAppealColumns}, read_appeal_row,
      {kAppealInsured, code::kAppealDuplicate, "同じ明細書への再審査申立が2行あります（1か月に1明細書1行）",
       "two 再審査 requests for the same 明細書 (one a month)"});
}

}  // namespace kaigo::settlement
