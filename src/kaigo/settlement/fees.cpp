#include "kaigo/settlement/fees.hpp"

#include <array>

#include "kaigo/master/csv.hpp"
#include "kaigo/reception/window.hpp"

namespace kaigo::settlement {
namespace {

enum FeeCol : std::size_t { kFeeMonth, kFeeOffice, kFeeKind, kFeeApplied };
constexpr std::array<master::Column, 4> kFeeColumns{{
    {"month", "処理年月（控除する審査月）"},
    {"office_no", "事業所番号"},
    {"kind", "手数料の種類"},
    {"applied_on", "申請年月日"},
}};
constexpr std::array<std::string_view, 2> kFeeKinds{"certificate", "careplan_license"};

}  // namespace

YearMonth due_month(const LocalDateTime& at, const ReceptionSettings& reception) {
  return reception::processing_month_at(at, reception).value_or(at.date.year_month().plus_months(1));
}

master::LoadResult<std::vector<DueFee>> load_fees(std::string_view text, const std::string& file_name) {
  master::LoadResult<std::vector<DueFee>> result;
  master::CsvFile csv(text, file_name, {kFeeColumns}, result.diagnostics);
  std::vector<DueFee> rows;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    master::RowReader r(csv, i, result.diagnostics);
    auto month = r.year_month(kFeeMonth, true);
    auto office = r.alnum(kFeeOffice, 10, true);
    auto kind = r.one_of(kFeeKind, kFeeKinds, true);
    auto applied = r.date(kFeeApplied, true);
    if (!r.ok() || !month || !office || !kind || !applied) continue;
    FeeCharge c;
    c.kind = *kind == "certificate" ? FeeKind::Certificate : FeeKind::CarePlanLicense;
    c.office_no = std::string(*office);
    c.applied_on = *applied;
    rows.push_back({*month, std::move(c), r.line()});
  }
  if (csv.ok() && result.diagnostics.empty()) result.table = std::move(rows);
  return result;
}

}  // namespace kaigo::settlement
