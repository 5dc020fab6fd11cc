#include "kaigo/report/notice_records.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/documents/fields.hpp"
#include "kaigo/report/kanji.hpp"

namespace kaigo::report {
namespace {

using documents::Cursor;
using documents::Field;

// A value of the row, written as it is (numbers, codes, months, texts).
template <class Row, auto Get>
constexpr Field<Row> out(std::string_view name) {
  return documents::bind_out<Row, [](const Row& r, const Cursor&) { return Get(r); }>(name);
}

std::string reason_text(char reason) { return reason ? std::string(1, reason) : std::string(); }

// 郵便番号 as digits (the ledger may write 640-0000), cut 3 + 4.
std::string postal_digits(const settlement::OfficeInfo& o) {
  std::string digits;
  for (char c : o.postal_code) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}
std::string postal_upper(const settlement::OfficeInfo& o) { return postal_digits(o).substr(0, 3); }
std::string postal_lower(const settlement::OfficeInfo& o) {
  const auto d = postal_digits(o);
  return d.size() > 3 ? d.substr(3) : std::string();
}

// ---- H1: the office, the month, the issuer; 7513 the payment --------------------------------------

inline constexpr char kZero[] = "0";
inline constexpr char kPage[] = "1";  // 頁: "1" 固定 (claims-format §7)

constexpr Field<NoticeHead> kHeadFields[] = {
    out<NoticeHead, [](const auto& h) { return h.office.office.office_no; }>("office_no"),
    out<NoticeHead, [](const auto& h) { return h.office.office.name; }>("office_name"),
    out<NoticeHead, [](const auto& h) { return h.month; }>("month"),
    out<NoticeHead, [](const auto& h) { return h.issue.created_on; }>("created_on"),
    documents::constant<NoticeHead, kPage>("page"),
    out<NoticeHead, [](const auto& h) { return h.issue.kokuhoren; }>("kokuhoren"),
    out<NoticeHead, [](const auto& h) { return h.issue.committee; }>("committee"),
    out<NoticeHead, [](const auto& h) { return h.issue.message; }>("message"),
    out<NoticeHead, [](const auto& h) { return postal_upper(h.office.office); }>("postal_upper"),
    out<NoticeHead, [](const auto& h) { return postal_lower(h.office.office); }>("postal_lower"),
    out<NoticeHead, [](const auto& h) { return h.office.office.address; }>("address"),
    out<NoticeHead, [](const auto& h) { return h.office.office.owner_name; }>("owner_name"),
    out<NoticeHead, [](const auto& h) { return h.office.payment.transfer; }>("transfer"),
    out<NoticeHead, [](const auto& h) { return h.office.payment.care.net(); }>("care_payment"),
    // 主治医意見書作成料・認定調査費委託料 (and their tax): not the offices' business here.
    documents::constant<NoticeHead, kZero>("not_the_offices"),
    out<NoticeHead, [](const auto& h) { return h.office.payment.sougou.net(); }>("sougou_payment"),
    out<NoticeHead, [](const auto& h) { return h.office.payment.certificate_fee; }>("certificate_fee"),
    out<NoticeHead, [](const auto& h) { return h.office.payment.total; }>("total"),
    out<NoticeHead, [](const auto& h) { return h.office.office.bank_name; }>("bank_name"),
    out<NoticeHead, [](const auto& h) { return h.office.office.bank_branch; }>("bank_branch"),
    out<NoticeHead, [](const auto& h) { return h.issue.transfer_on; }>("transfer_on"),
};

// ---- 7311 D1: the change, 事由 and 内容 on the last line of a cut サービス種類 only ----------------------

template <auto Get>
constexpr Field<settlement::CutLine> on_the_last(std::string_view name) {
  using T = std::remove_cvref_t<decltype(Get(std::declval<const settlement::CutLine&>()))>;
  return {name, nullptr, [](const settlement::CutLine& l, const Cursor&) {
            return l.last ? documents::ItemText<T>::write(Get(l)) : std::string();
          }};
}

constexpr Field<settlement::CutLine> kCutLineFields[] = {
    out<settlement::CutLine, [](const auto& r) { return r.insurer_no; }>("insurer_no"),
    out<settlement::CutLine, [](const auto& r) { return r.insured_no; }>("insured_no"),
    out<settlement::CutLine, [](const auto& r) { return r.name_kana; }>("name_kana"),
    out<settlement::CutLine, [](const auto& r) { return r.service_month; }>("service_month"),
    out<settlement::CutLine, [](const auto& r) { return r.service_type; }>("service_type"),
    out<settlement::CutLine, [](const auto& r) { return r.item_code; }>("item_code"),
    on_the_last<[](const auto& r) { return r.change; }>("change"),
    on_the_last<[](const auto& r) { return reason_text(static_cast<char>(r.reason)); }>("reason"),
    on_the_last<[](const auto& r) { return r.content; }>("content"),
    on_the_last<[](const auto& r) { return cut_units_text(r.decided_units, r.claimed_units); }>("units_text"),
};

// ---- the other records ------------------------------------------------------------------------------

// 返戻, 査定増減, 保留, 保留復活 of the AdjustmentRow `Adjustments(row)`: a D1 row's own, or T1's total.
template <class Row, auto Adjustments>
constexpr std::array<Field<Row>, 16> tally_fields() {
  return {{
      out<Row, [](const Row& r) { return Adjustments(r).returned.count; }>("returned.count"),
      out<Row, [](const Row& r) { return Adjustments(r).returned.facility_count; }>("returned.facility_count"),
      out<Row, [](const Row& r) { return Adjustments(r).returned.units; }>("returned.units"),
      out<Row, [](const Row& r) { return Adjustments(r).returned.facility; }>("returned.facility"),
      out<Row, [](const Row& r) { return Adjustments(r).cut.count; }>("cut.count"),
      out<Row, [](const Row& r) { return Adjustments(r).cut.facility_count; }>("cut.facility_count"),
      out<Row, [](const Row& r) { return Adjustments(r).cut.units; }>("cut.units"),
      out<Row, [](const Row& r) { return Adjustments(r).cut.facility; }>("cut.facility"),
      out<Row, [](const Row& r) { return Adjustments(r).held.count; }>("held.count"),
      out<Row, [](const Row& r) { return Adjustments(r).held.facility_count; }>("held.facility_count"),
      out<Row, [](const Row& r) { return Adjustments(r).held.units; }>("held.units"),
      out<Row, [](const Row& r) { return Adjustments(r).held.facility; }>("held.facility"),
      out<Row, [](const Row& r) { return Adjustments(r).released.count; }>("released.count"),
      out<Row, [](const Row& r) { return Adjustments(r).released.facility_count; }>("released.facility_count"),
      out<Row, [](const Row& r) { return Adjustments(r).released.units; }>("released.units"),
      out<Row, [](const Row& r) { return Adjustments(r).released.facility; }>("released.facility"),
  }};
}

constexpr auto kAdjustmentRowFields = documents::join_fields(
    std::to_array({
        out<settlement::AdjustmentRow, [](const auto& r) { return r.insurer_no; }>("insurer_no"),
        out<settlement::AdjustmentRow, [](const auto& r) { return r.service_month; }>("service_month"),
    }),
    tally_fields<settlement::AdjustmentRow, [](const settlement::AdjustmentRow& r) -> const auto& { return r; }>());

constexpr auto kAdjustmentTableFields = documents::join_fields(
    std::to_array({
        out<settlement::AdjustmentTable, [](const auto& r) { return r.difference.count; }>("difference.count"),
        out<settlement::AdjustmentTable, [](const auto& r) { return r.difference.facility_count; }>("difference.facility_count"),
        out<settlement::AdjustmentTable, [](const auto& r) { return r.difference.amount; }>("difference.amount"),
        out<settlement::AdjustmentTable, [](const auto& r) { return r.difference.facility_amount; }>("difference.facility_amount"),
    }),
    tally_fields<settlement::AdjustmentTable,
                 [](const settlement::AdjustmentTable& t) -> const auto& { return t.total; }>());

constexpr Field<settlement::ReturnLine> kReturnLineFields[] = {
    out<settlement::ReturnLine, [](const auto& r) { return r.payer_no; }>("payer_no"),
    out<settlement::ReturnLine, [](const auto& r) { return r.payer_name; }>("payer_name"),
    out<settlement::ReturnLine, [](const auto& r) { return r.insured_no; }>("insured_no"),
    out<settlement::ReturnLine, [](const auto& r) { return r.name_kana; }>("name_kana"),
    out<settlement::ReturnLine, [](const auto& r) { return r.sheet; }>("sheet"),
    out<settlement::ReturnLine, [](const auto& r) { return r.service_month; }>("service_month"),
    out<settlement::ReturnLine, [](const auto& r) { return r.service_type; }>("service_type"),
    out<settlement::ReturnLine, [](const auto& r) { return r.units; }>("units"),
    out<settlement::ReturnLine, [](const auto& r) { return reason_text(r.reason); }>("reason"),
    out<settlement::ReturnLine, [](const auto& r) { return r.content; }>("content"),
    out<settlement::ReturnLine, [](const auto& r) { return r.remark; }>("remark"),
    out<settlement::ReturnLine, [](const auto& r) { return r.item_code; }>("item_code"),
};

// 介護サービス and 特定入所者介護サービス費等 of the QuantityPair `Amounts(row)` (the 特定入所者 part has
// no 単位数 item).
template <class Row, auto Amounts>
constexpr std::array<Field<Row>, 9> quantity_pair_fields() {
  return {{
      out<Row, [](const Row& r) { return Amounts(r).service.count; }>("service.count"),
      out<Row, [](const Row& r) { return Amounts(r).service.days; }>("service.days"),
      out<Row, [](const Row& r) { return Amounts(r).service.units; }>("service.units"),
      out<Row, [](const Row& r) { return Amounts(r).service.cost; }>("service.cost"),
      out<Row, [](const Row& r) { return Amounts(r).service.benefit; }>("service.benefit"),
      out<Row, [](const Row& r) { return Amounts(r).facility.count; }>("facility.count"),
      out<Row, [](const Row& r) { return Amounts(r).facility.days; }>("facility.days"),
      out<Row, [](const Row& r) { return Amounts(r).facility.cost; }>("facility.cost"),
      out<Row, [](const Row& r) { return Amounts(r).facility.benefit; }>("facility.benefit"),
  }};
}

constexpr auto kBreakdownRowFields = documents::join_fields(
    std::to_array({
        out<settlement::BreakdownRow, [](const auto& r) { return r.payer_no; }>("payer_no"),
        out<settlement::BreakdownRow, [](const auto& r) { return r.service_month; }>("service_month"),
        out<settlement::BreakdownRow, [](const auto& r) { return r.service_type; }>("service_type"),
        out<settlement::BreakdownRow, [](const auto& r) { return r.service_type_name; }>("service_type_name"),
    }),
    quantity_pair_fields<settlement::BreakdownRow,
                         [](const settlement::BreakdownRow& r) -> const auto& { return r.amounts; }>());

constexpr auto kQuantityPairFields =
    quantity_pair_fields<settlement::QuantityPair,
                         [](const settlement::QuantityPair& q) -> const auto& { return q; }>();

// The columns a 過誤 line and a 再審査 line share (settlement::ClaimPartColumns).
template <class Row>
constexpr std::array<Field<Row>, 7> claim_part_fields() {
  return {{
      out<Row, [](const Row& r) { return r.payer_no; }>("payer_no"),
      out<Row, [](const Row& r) { return r.payer_name; }>("payer_name"),
      out<Row, [](const Row& r) { return r.insured_no; }>("insured_no"),
      out<Row, [](const Row& r) { return r.name_kana; }>("name_kana"),
      out<Row, [](const Row& r) { return r.service_month; }>("service_month"),
      out<Row, [](const Row& r) { return r.service_type; }>("service_type"),
      out<Row, [](const Row& r) { return r.service_type_name; }>("service_type_name"),
  }};
}

constexpr auto kKagoLineFields = documents::join_fields(
    claim_part_fields<settlement::KagoLine>(),
    std::to_array({
        out<settlement::KagoLine, [](const auto& r) { return r.kago_code; }>("kago_code"),
        out<settlement::KagoLine, [](const auto& r) { return r.reason_name; }>("reason_name"),
        out<settlement::KagoLine, [](const auto& r) { return r.units_or_cost; }>("units_or_cost"),
        out<settlement::KagoLine, [](const auto& r) { return r.benefit; }>("benefit"),
    }));

constexpr Field<settlement::KagoTotals> kKagoTotalsFields[] = {
    out<settlement::KagoTotals, [](const auto& r) { return r.count; }>("count"),
    out<settlement::KagoTotals, [](const auto& r) { return r.units; }>("units"),
    out<settlement::KagoTotals, [](const auto& r) { return r.benefit; }>("benefit"),
    out<settlement::KagoTotals, [](const auto& r) { return r.facility_count; }>("facility_count"),
    out<settlement::KagoTotals, [](const auto& r) { return r.facility_cost; }>("facility_cost"),
    out<settlement::KagoTotals, [](const auto& r) { return r.facility_benefit; }>("facility_benefit"),
};

constexpr auto kRereviewLineFields = documents::join_fields(
    claim_part_fields<settlement::RereviewLine>(),
    std::to_array({
        out<settlement::RereviewLine, [](const auto& r) { return r.appeal_code; }>("appeal_code"),
        out<settlement::RereviewLine, [](const auto& r) { return r.appeal_reason; }>("appeal_reason"),
        out<settlement::RereviewLine, [](const auto& r) { return fmt::format("{:02}", static_cast<int>(r.result)); }>("result"),
        out<settlement::RereviewLine, [](const auto& r) { return r.claimed; }>("claimed"),
        out<settlement::RereviewLine, [](const auto& r) { return r.original; }>("original"),
        out<settlement::RereviewLine, [](const auto& r) { return r.requested; }>("requested"),
        out<settlement::RereviewLine, [](const auto& r) { return r.decided; }>("decided"),
        out<settlement::RereviewLine, [](const auto& r) { return r.adjusted; }>("adjusted"),
        out<settlement::RereviewLine, [](const auto& r) { return r.adjusted_benefit; }>("adjusted_benefit"),
    }));

constexpr Field<settlement::RereviewTable> kRereviewTableFields[] = {
    out<settlement::RereviewTable, [](const auto& r) { return r.requested.count; }>("requested.count"),
    out<settlement::RereviewTable, [](const auto& r) { return r.requested.units; }>("requested.units"),
    out<settlement::RereviewTable, [](const auto& r) { return r.requested.benefit; }>("requested.benefit"),
    out<settlement::RereviewTable, [](const auto& r) { return r.decided.count; }>("decided.count"),
    out<settlement::RereviewTable, [](const auto& r) { return r.decided.units; }>("decided.units"),
    out<settlement::RereviewTable, [](const auto& r) { return r.decided.benefit; }>("decided.benefit"),
    out<settlement::RereviewTable, [](const auto& r) { return r.adjusted.count; }>("adjusted.count"),
    out<settlement::RereviewTable, [](const auto& r) { return r.adjusted.units; }>("adjusted.units"),
    out<settlement::RereviewTable, [](const auto& r) { return r.adjusted.benefit; }>("adjusted.benefit"),
};

// The bindings of one row type to the notice layouts that name its fields.
template <class Row>
const documents::Bindings<Row>& bindings(std::span<const Field<Row>> fields, std::initializer_list<std::string_view> layouts) {
  static const documents::Bindings<Row> b(fields, layouts);
  return b;
}

const documents::Bindings<NoticeHead>& bindings_of(const NoticeHead*) {
  return bindings<NoticeHead>(kHeadFields, {"notice-7211-H1", "notice-7311-H1", "notice-7411-H1", "notice-7513-H1",
                                            "notice-7521-H1", "notice-7611-H1", "notice-7621-H1"});
}
const documents::Bindings<settlement::AdjustmentRow>& bindings_of(const settlement::AdjustmentRow*) {
  return bindings<settlement::AdjustmentRow>(kAdjustmentRowFields, {"notice-7211-D1", "notice-7221-D1"});
}
const documents::Bindings<settlement::AdjustmentTable>& bindings_of(const settlement::AdjustmentTable*) {
  return bindings<settlement::AdjustmentTable>(kAdjustmentTableFields, {"notice-7211-T1", "notice-7221-T1"});
}
const documents::Bindings<settlement::CutLine>& bindings_of(const settlement::CutLine*) {
  return bindings<settlement::CutLine>(kCutLineFields, {"notice-7311-D1"});
}
const documents::Bindings<settlement::ReturnLine>& bindings_of(const settlement::ReturnLine*) {
  return bindings<settlement::ReturnLine>(kReturnLineFields, {"notice-7411-D1"});
}
const documents::Bindings<settlement::BreakdownRow>& bindings_of(const settlement::BreakdownRow*) {
  return bindings<settlement::BreakdownRow>(kBreakdownRowFields, {"notice-7521-D1", "notice-7541-D1"});
}
const documents::Bindings<settlement::QuantityPair>& bindings_of(const settlement::QuantityPair*) {
  return bindings<settlement::QuantityPair>(kQuantityPairFields, {"notice-7521-T", "notice-7541-T"});
}
const documents::Bindings<settlement::KagoLine>& bindings_of(const settlement::KagoLine*) {
  return bindings<settlement::KagoLine>(kKagoLineFields, {"notice-7611-D1"});
}
const documents::Bindings<settlement::KagoTotals>& bindings_of(const settlement::KagoTotals*) {
  return bindings<settlement::KagoTotals>(kKagoTotalsFields, {"notice-7611-T1", "notice-7631-T1"});
}
const documents::Bindings<settlement::RereviewLine>& bindings_of(const settlement::RereviewLine*) {
  return bindings<settlement::RereviewLine>(kRereviewLineFields, {"notice-7621-D1"});
}
const documents::Bindings<settlement::RereviewTable>& bindings_of(const settlement::RereviewTable*) {
  return bindings<settlement::RereviewTable>(kRereviewTableFields, {"notice-7621-T1"});
}

template <class Row>
NoticeRecord write(std::string_view form, std::string_view kind, const Row& row) {
  const auto* f = exchange::Registry::instance().form(form);
  const auto* layout = f ? f->layout_for(kind) : nullptr;
  if (!layout) {
    throw std::invalid_argument(
        fmt::format("{} に帳票レコード {} はありません / {} has no record kind {}", form, kind, form, kind));
  }
  auto items = bindings_of(static_cast<const Row*>(nullptr)).of(*layout).write(row, {});
  NoticeRecord r;
  r.kind = std::string(kind);
  for (int no = 3; no <= layout->count(); ++no) {
    r.items.push_back(fit_item_text(layout->item(no), items[static_cast<std::size_t>(no - 1)]));
  }
  return r;
}

}  // namespace

std::string fit_item_text(const exchange::ItemSpec& spec, std::string_view utf8) {
  const auto bytes = static_cast<std::size_t>(spec.max_bytes);
  switch (spec.attr) {
    case text::CharClass::Kanji: return fit_bytes(to_full_width(utf8), bytes);
    case text::CharClass::HalfKana: return fit_bytes(to_half_width(utf8), bytes);
    default: return std::string(utf8);  // codes and numbers are written as they are
  }
}

template <class Row>
NoticeRecord notice_record(std::string_view form, std::string_view kind, const Row& row) {
  return write(form, kind, row);
}

template NoticeRecord notice_record(std::string_view, std::string_view, const NoticeHead&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::AdjustmentRow&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::AdjustmentTable&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::CutLine&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::ReturnLine&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::BreakdownRow&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::QuantityPair&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::KagoLine&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::KagoTotals&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::RereviewLine&);
template NoticeRecord notice_record(std::string_view, std::string_view, const settlement::RereviewTable&);

}  // namespace kaigo::report
