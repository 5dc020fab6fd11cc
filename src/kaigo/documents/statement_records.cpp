#include "kaigo/documents/statement_records.hpp"

#include <algorithm>
#include <array>

#include "kaigo/documents/fields.hpp"

namespace kaigo::documents {
namespace {

using billing::ClaimStatement;
using Statement = Field<ClaimStatement>;

std::string two_digits(std::size_t v) { return fmt::format("{:02d}", v); }

// ---- 明細書 (様式第二〜第十): one field table for every record kind --------------------------------

// A value of the statement, or of the element of a list the record is about (Cursor::index).
template <auto Get>
constexpr Statement key(std::string_view name) {
  return bind_once<ClaimStatement, [](auto& s, const Cursor&) -> auto& { return Get(s.key); }>(name);
}
template <auto Get>
constexpr Statement basic(std::string_view name) {
  return bind<ClaimStatement, [](auto& s, const Cursor&) -> auto& { return Get(s.basic); }>(name);
}
template <auto Get>
constexpr Statement detail(std::string_view name) {
  return bind<ClaimStatement, [](auto& s, const Cursor& c) -> auto& { return Get(s.details[c.index]); }>(name);
}
template <auto Get>
constexpr Statement aggregate(std::string_view name) {
  return bind<ClaimStatement, [](auto& s, const Cursor& c) -> auto& { return Get(s.aggregates[c.index]); }>(name);
}
template <auto Get>
constexpr Statement facility(std::string_view name) {
  return bind<ClaimStatement, [](auto& s, const Cursor& c) -> auto& { return Get(s.facility_costs[c.index]); }>(name);
}
template <auto Get>
constexpr Statement reduction(std::string_view name) {
  return bind<ClaimStatement, [](auto& s, const Cursor& c) -> auto& { return Get(s.reductions[c.index]); }>(name);
}

// The 公費k items of a line or rate are written only when the 明細書 has 公費k.
template <std::size_t K>
constexpr bool fund_present(const ClaimStatement& s, const Cursor&) {
  return s.basic.funds[K].present();
}
template <auto Get, auto When>
constexpr Statement basic_if(std::string_view name) {
  return bind_write_if<ClaimStatement, [](auto& s, const Cursor&) -> auto& { return Get(s.basic); }, When>(name);
}
template <auto Get, auto When>
constexpr Statement detail_if(std::string_view name) {
  return bind_write_if<ClaimStatement, [](auto& s, const Cursor& c) -> auto& { return Get(s.details[c.index]); }, When>(
      name);
}
template <auto Get, auto When>
constexpr Statement facility_if(std::string_view name) {
  return bind_write_if<ClaimStatement, [](auto& s, const Cursor& c) -> auto& { return Get(s.facility_costs[c.index]); },
                   When>(name);
}

// The 特定入所者 totals: read from the 99 line, written on the last line when there are totals.
template <auto Get>
constexpr Statement total(std::string_view name) {
  using T = std::remove_cvref_t<decltype(Get(std::declval<billing::FacilityCostTotals&>()))>;
  return {name,
          [](ClaimStatement& s, Cursor& c, std::string_view v) {
            if (s.facility_costs[c.index].seq != 99) return;
            if (!s.facility_totals) s.facility_totals.emplace();
            ItemText<T>::read(Get(*s.facility_totals), v);
          },
          [](const ClaimStatement& s, const Cursor& c) {
            return c.last && s.facility_totals ? ItemText<T>::write(Get(*s.facility_totals)) : std::string();
          },
          false, true};
}

// Item 2: a record of a list starts its element.
template <class T>
void start(std::vector<T>& list, Cursor& c) {
  list.emplace_back();
  c.index = list.size() - 1;
}
constexpr Statement kRecordKind{"record_kind",
                                [](ClaimStatement& s, Cursor& c, std::string_view kind) {
                                  // Two digits: compared as one number (this runs for every record read).
                                  const int k = kind.size() == 2 ? (kind[0] - '0') * 10 + (kind[1] - '0') : -1;
                                  if (k == 2 || k == 14) start(s.details, c);
                                  if (k == 10) start(s.aggregates, c);
                                  if (k == 11) start(s.facility_costs, c);
                                  if (k == 12) start(s.reductions, c);
                                },
                                [](const ClaimStatement&, const Cursor& c) { return std::string(c.kind); },
                                false, true};

// 単位数 of a code without one (福祉用具貸与) is written empty.
constexpr Statement kDetailUnits{"detail.unit_units",
                                 [](ClaimStatement& s, Cursor& c, std::string_view v) {
                                   ItemText<Units>::read(s.details[c.index].unit_units, v);
                                 },
                                 [](const ClaimStatement& s, const Cursor& c) {
                                   const Units u = s.details[c.index].unit_units;
                                   return u.value == 0 ? std::string() : ItemText<Units>::write(u);
                                 }};

// 順次番号 01…, the last written 99.
constexpr Statement kFacilitySeq{"facility.seq",
                                 [](ClaimStatement& s, Cursor& c, std::string_view v) {
                                   ItemText<int>::read(s.facility_costs[c.index].seq, v);
                                 },
                                 [](const ClaimStatement&, const Cursor& c) { return two_digits(c.last ? 99 : c.index + 1); }};

constexpr Statement kStatementFields[] = {
    key<[](auto& k) -> auto& { return k.form_id; }>("key.form_id"),
    key<[](auto& k) -> auto& { return k.service_month; }>("key.service_month"),
    key<[](auto& k) -> auto& { return k.office_no; }>("key.office_no"),
    key<[](auto& k) -> auto& { return k.insurer_no; }>("key.insurer_no"),
    key<[](auto& k) -> auto& { return k.insured_no; }>("key.insured_no"),
    kRecordKind,
    basic<[](auto& b) -> auto& { return b.funds[0].payer_no; }>("basic.fund1.payer_no"),
    basic<[](auto& b) -> auto& { return b.funds[0].recipient_no; }>("basic.fund1.recipient_no"),
    basic<[](auto& b) -> auto& { return b.funds[1].payer_no; }>("basic.fund2.payer_no"),
    basic<[](auto& b) -> auto& { return b.funds[1].recipient_no; }>("basic.fund2.recipient_no"),
    basic<[](auto& b) -> auto& { return b.funds[2].payer_no; }>("basic.fund3.payer_no"),
    basic<[](auto& b) -> auto& { return b.funds[2].recipient_no; }>("basic.fund3.recipient_no"),
    basic<[](auto& b) -> auto& { return b.birth_date; }>("basic.birth_date"),
    basic<[](auto& b) -> auto& { return b.sex; }>("basic.sex"),
    basic<[](auto& b) -> auto& { return b.care_level; }>("basic.care_level"),
    basic<[](auto& b) -> auto& { return b.cert_from; }>("basic.cert_from"),
    basic<[](auto& b) -> auto& { return b.cert_to; }>("basic.cert_to"),
    basic<[](auto& b) -> auto& { return b.plan_kind; }>("basic.plan_kind"),
    basic<[](auto& b) -> auto& { return b.support_office_no; }>("basic.support_office_no"),
    basic<[](auto& b) -> auto& { return b.start_date; }>("basic.start_date"),
    basic<[](auto& b) -> auto& { return b.end_date; }>("basic.end_date"),
    basic<[](auto& b) -> auto& { return b.end_reason; }>("basic.end_reason"),
    basic<[](auto& b) -> auto& { return b.admission_date; }>("basic.admission_date"),
    basic<[](auto& b) -> auto& { return b.discharge_date; }>("basic.discharge_date"),
    basic<[](auto& b) -> auto& { return b.admission_days; }>("basic.admission_days"),
    basic<[](auto& b) -> auto& { return b.overnight_days; }>("basic.overnight_days"),
    basic<[](auto& b) -> auto& { return b.insurance_rate; }>("basic.insurance_rate"),
    basic_if<[](auto& b) -> auto& { return b.funds[0].rate; }, fund_present<0>>("basic.fund1.rate"),
    basic_if<[](auto& b) -> auto& { return b.funds[1].rate; }, fund_present<1>>("basic.fund2.rate"),
    basic_if<[](auto& b) -> auto& { return b.funds[2].rate; }, fund_present<2>>("basic.fund3.rate"),
    basic<[](auto& b) -> auto& { return b.insurance.units; }>("basic.insurance.units"),
    basic<[](auto& b) -> auto& { return b.insurance.claim; }>("basic.insurance.claim"),
    basic<[](auto& b) -> auto& { return b.insurance.burden; }>("basic.insurance.burden"),
    basic<[](auto& b) -> auto& { return b.insurance.emergency_claim; }>("basic.insurance.emergency_claim"),
    basic<[](auto& b) -> auto& { return b.insurance.special_claim; }>("basic.insurance.special_claim"),
    basic<[](auto& b) -> auto& { return b.insurance.facility_claim; }>("basic.insurance.facility_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[0].units; }>("basic.fund1_totals.units"),
    basic<[](auto& b) -> auto& { return b.fund_totals[0].claim; }>("basic.fund1_totals.claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[0].burden; }>("basic.fund1_totals.burden"),
    basic<[](auto& b) -> auto& { return b.fund_totals[0].emergency_claim; }>("basic.fund1_totals.emergency_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[0].special_claim; }>("basic.fund1_totals.special_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[0].facility_claim; }>("basic.fund1_totals.facility_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[1].units; }>("basic.fund2_totals.units"),
    basic<[](auto& b) -> auto& { return b.fund_totals[1].claim; }>("basic.fund2_totals.claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[1].burden; }>("basic.fund2_totals.burden"),
    basic<[](auto& b) -> auto& { return b.fund_totals[1].emergency_claim; }>("basic.fund2_totals.emergency_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[1].special_claim; }>("basic.fund2_totals.special_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[1].facility_claim; }>("basic.fund2_totals.facility_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[2].units; }>("basic.fund3_totals.units"),
    basic<[](auto& b) -> auto& { return b.fund_totals[2].claim; }>("basic.fund3_totals.claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[2].burden; }>("basic.fund3_totals.burden"),
    basic<[](auto& b) -> auto& { return b.fund_totals[2].emergency_claim; }>("basic.fund3_totals.emergency_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[2].special_claim; }>("basic.fund3_totals.special_claim"),
    basic<[](auto& b) -> auto& { return b.fund_totals[2].facility_claim; }>("basic.fund3_totals.facility_claim"),
    detail<[](auto& d) -> auto& { return d.service_type; }>("detail.service_type"),
    detail<[](auto& d) -> auto& { return d.item_code; }>("detail.item_code"),
    kDetailUnits,
    detail<[](auto& d) -> auto& { return d.count; }>("detail.count"),
    detail_if<[](auto& d) -> auto& { return d.fund_counts[0]; }, fund_present<0>>("detail.fund1_count"),
    detail_if<[](auto& d) -> auto& { return d.fund_counts[1]; }, fund_present<1>>("detail.fund2_count"),
    detail_if<[](auto& d) -> auto& { return d.fund_counts[2]; }, fund_present<2>>("detail.fund3_count"),
    detail<[](auto& d) -> auto& { return d.service_units; }>("detail.service_units"),
    detail_if<[](auto& d) -> auto& { return d.fund_units[0]; }, fund_present<0>>("detail.fund1_units"),
    detail_if<[](auto& d) -> auto& { return d.fund_units[1]; }, fund_present<1>>("detail.fund2_units"),
    detail_if<[](auto& d) -> auto& { return d.fund_units[2]; }, fund_present<2>>("detail.fund3_units"),
    detail<[](auto& d) -> auto& { return d.note; }>("detail.note"),
    detail<[](auto& d) -> auto& { return d.facility_insurer_no; }>("detail.facility_insurer_no"),
    aggregate<[](auto& a) -> auto& { return a.service_type; }>("aggregate.service_type"),
    aggregate<[](auto& a) -> auto& { return a.actual_days; }>("aggregate.actual_days"),
    aggregate<[](auto& a) -> auto& { return a.plan_units; }>("aggregate.plan_units"),
    aggregate<[](auto& a) -> auto& { return a.limit_units; }>("aggregate.limit_units"),
    aggregate<[](auto& a) -> auto& { return a.outside_limit_units; }>("aggregate.outside_limit_units"),
    aggregate<[](auto& a) -> auto& { return a.insurance_units; }>("aggregate.insurance_units"),
    aggregate<[](auto& a) -> auto& { return a.unit_price; }>("aggregate.unit_price"),
    aggregate<[](auto& a) -> auto& { return a.insurance_claim; }>("aggregate.insurance_claim"),
    aggregate<[](auto& a) -> auto& { return a.user_burden; }>("aggregate.user_burden"),
    aggregate<[](auto& a) -> auto& { return a.funds[0].units; }>("aggregate.fund1.units"),
    aggregate<[](auto& a) -> auto& { return a.funds[0].claim; }>("aggregate.fund1.claim"),
    aggregate<[](auto& a) -> auto& { return a.funds[0].self_pay; }>("aggregate.fund1.self_pay"),
    aggregate<[](auto& a) -> auto& { return a.funds[1].units; }>("aggregate.fund2.units"),
    aggregate<[](auto& a) -> auto& { return a.funds[1].claim; }>("aggregate.fund2.claim"),
    aggregate<[](auto& a) -> auto& { return a.funds[1].self_pay; }>("aggregate.fund2.self_pay"),
    aggregate<[](auto& a) -> auto& { return a.funds[2].units; }>("aggregate.fund3.units"),
    aggregate<[](auto& a) -> auto& { return a.funds[2].claim; }>("aggregate.fund3.claim"),
    aggregate<[](auto& a) -> auto& { return a.funds[2].self_pay; }>("aggregate.fund3.self_pay"),
    aggregate<[](auto& a) -> auto& { return a.medical.units; }>("aggregate.medical.units"),
    aggregate<[](auto& a) -> auto& { return a.medical.claim; }>("aggregate.medical.claim"),
    aggregate<[](auto& a) -> auto& { return a.medical.burden; }>("aggregate.medical.burden"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[0].units; }>("aggregate.fund1_medical.units"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[0].claim; }>("aggregate.fund1_medical.claim"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[0].burden; }>("aggregate.fund1_medical.burden"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[1].units; }>("aggregate.fund2_medical.units"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[1].claim; }>("aggregate.fund2_medical.claim"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[1].burden; }>("aggregate.fund2_medical.burden"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[2].units; }>("aggregate.fund3_medical.units"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[2].claim; }>("aggregate.fund3_medical.claim"),
    aggregate<[](auto& a) -> auto& { return a.fund_medical[2].burden; }>("aggregate.fund3_medical.burden"),
    kFacilitySeq,
    facility<[](auto& f) -> auto& { return f.service_type; }>("facility.service_type"),
    facility<[](auto& f) -> auto& { return f.item_code; }>("facility.item_code"),
    facility<[](auto& f) -> auto& { return f.unit_cost; }>("facility.unit_cost"),
    facility<[](auto& f) -> auto& { return f.burden_limit; }>("facility.burden_limit"),
    facility<[](auto& f) -> auto& { return f.days; }>("facility.days"),
    facility_if<[](auto& f) -> auto& { return f.fund_days[0]; }, fund_present<0>>("facility.fund1_days"),
    facility_if<[](auto& f) -> auto& { return f.fund_days[1]; }, fund_present<1>>("facility.fund2_days"),
    facility_if<[](auto& f) -> auto& { return f.fund_days[2]; }, fund_present<2>>("facility.fund3_days"),
    facility<[](auto& f) -> auto& { return f.cost; }>("facility.cost"),
    facility<[](auto& f) -> auto& { return f.insurance_claim; }>("facility.insurance_claim"),
    facility_if<[](auto& f) -> auto& { return f.fund_burden[0]; }, fund_present<0>>("facility.fund1_burden"),
    facility_if<[](auto& f) -> auto& { return f.fund_burden[1]; }, fund_present<1>>("facility.fund2_burden"),
    facility_if<[](auto& f) -> auto& { return f.fund_burden[2]; }, fund_present<2>>("facility.fund3_burden"),
    facility<[](auto& f) -> auto& { return f.user_burden; }>("facility.user_burden"),
    total<[](auto& t) -> auto& { return t.cost; }>("facility_totals.cost"),
    total<[](auto& t) -> auto& { return t.insurance_claim; }>("facility_totals.insurance_claim"),
    total<[](auto& t) -> auto& { return t.user_burden; }>("facility_totals.user_burden"),
    total<[](auto& t) -> auto& { return t.funds[0].burden_total; }>("facility_totals.fund1.burden_total"),
    total<[](auto& t) -> auto& { return t.funds[0].claim; }>("facility_totals.fund1.claim"),
    total<[](auto& t) -> auto& { return t.funds[0].self_pay; }>("facility_totals.fund1.self_pay"),
    total<[](auto& t) -> auto& { return t.funds[1].burden_total; }>("facility_totals.fund2.burden_total"),
    total<[](auto& t) -> auto& { return t.funds[1].claim; }>("facility_totals.fund2.claim"),
    total<[](auto& t) -> auto& { return t.funds[1].self_pay; }>("facility_totals.fund2.self_pay"),
    total<[](auto& t) -> auto& { return t.funds[2].burden_total; }>("facility_totals.fund3.burden_total"),
    total<[](auto& t) -> auto& { return t.funds[2].claim; }>("facility_totals.fund3.claim"),
    total<[](auto& t) -> auto& { return t.funds[2].self_pay; }>("facility_totals.fund3.self_pay"),
    reduction<[](auto& r) -> auto& { return r.rate_x10; }>("reduction.rate_x10"),
    reduction<[](auto& r) -> auto& { return r.service_type; }>("reduction.service_type"),
    reduction<[](auto& r) -> auto& { return r.burden_total; }>("reduction.burden_total"),
    reduction<[](auto& r) -> auto& { return r.reduction; }>("reduction.reduction"),
    reduction<[](auto& r) -> auto& { return r.after_reduction; }>("reduction.after_reduction"),
    reduction<[](auto& r) -> auto& { return r.note; }>("reduction.note"),
};

const Bindings<ClaimStatement>& statement_bindings() {
  // Every value of a ClaimStatement defaults to what an empty item reads as.
  static const Bindings<ClaimStatement> b(kStatementFields,
                                          {"statement-01", "statement-02", "statement-03", "statement-04", "statement-10",
                                           "statement-11", "statement-12", "statement-13", "statement-14", "statement-16"},
                                          EmptyItems::Skip);
  return b;
}

// One record of the statement in the layout of `kind`.
std::vector<std::string> statement_record(const ClaimStatement& st, std::string_view kind, Cursor c) {
  static const auto& registry = exchange::Registry::instance();
  c.kind = kind;
  return statement_bindings().of(*registry.layout(fmt::format("statement-{}", kind))).write(st, c);
}

// ---- 請求書 (7111 / 7113) ------------------------------------------------------------------------

using Invoice = Field<billing::InvoiceRow>;
template <auto Get>
constexpr Invoice invoice(std::string_view name) {
  return bind<billing::InvoiceRow, [](auto& r, const Cursor&) -> auto& { return Get(r); }>(name);
}
inline constexpr char kZero[] = "0";

constexpr Invoice kInvoiceFields[] = {
    invoice<[](auto& r) -> auto& { return r.form_id; }>("form_id"),
    invoice<[](auto& r) -> auto& { return r.service_month; }>("service_month"),
    invoice<[](auto& r) -> auto& { return r.office_no; }>("office_no"),
    invoice<[](auto& r) -> auto& { return r.payer_kind; }>("payer_kind"),
    invoice<[](auto& r) -> auto& { return r.law_no; }>("law_no"),
    invoice<[](auto& r) -> auto& { return r.claim_class; }>("claim_class"),
    invoice<[](auto& r) -> auto& { return r.count; }>("count"),
    invoice<[](auto& r) -> auto& { return r.units; }>("units"),
    invoice<[](auto& r) -> auto& { return r.cost_total; }>("cost_total"),
    invoice<[](auto& r) -> auto& { return r.insurance_claim; }>("insurance_claim"),
    invoice<[](auto& r) -> auto& { return r.public_claim; }>("public_claim"),
    invoice<[](auto& r) -> auto& { return r.user_burden; }>("user_burden"),
    invoice<[](auto& r) -> auto& { return r.facility_count; }>("facility_count"),
    constant<billing::InvoiceRow, kZero>("facility_days"),  // 延べ日数: not kept, written 0
    invoice<[](auto& r) -> auto& { return r.facility_cost_total; }>("facility_cost_total"),
    invoice<[](auto& r) -> auto& { return r.facility_user_burden; }>("facility_user_burden"),
    invoice<[](auto& r) -> auto& { return r.facility_public_claim; }>("facility_public_claim"),
    invoice<[](auto& r) -> auto& { return r.facility_insurance_claim; }>("facility_insurance_claim"),
};

const Bindings<billing::InvoiceRow>& invoice_bindings() {
  static const Bindings<billing::InvoiceRow> b(kInvoiceFields, {"invoice-7111", "invoice-7113"});
  return b;
}

// ---- 給付管理票 (8222): a record per line, then the 99 line ------------------------------------------

using Plan = Field<billing::BenefitPlan>;
template <auto Get>
constexpr Plan head(std::string_view name) {
  return bind_once<billing::BenefitPlan, [](auto& p, const Cursor&) -> auto& { return Get(p); }>(name);
}
constexpr bool on_a_line(const billing::BenefitPlan&, const Cursor& c) { return !c.last; }
constexpr bool on_the_99_line(const billing::BenefitPlan&, const Cursor& c) { return c.last; }
template <auto Get>
constexpr Plan line(std::string_view name) {
  return bind_if<billing::BenefitPlan, [](auto& p, const Cursor& c) -> auto& { return Get(p.lines[c.index]); },
                   on_a_line>(name);
}
template <auto Get>
constexpr Plan closing(std::string_view name) {
  return bind_if<billing::BenefitPlan, [](auto& p, const Cursor&) -> auto& { return Get(p); }, on_the_99_line>(name);
}
inline constexpr char kPlanForm[] = "8222";
inline constexpr char kPlanSheet[] = "3";  // 給付管理票種別区分: 3 (claims-format §5)

// 明細行番号: 01… for the lines, 99 for the closing record; reading a line starts it.
constexpr Plan kPlanLineNo{"line_no",
                           [](billing::BenefitPlan& p, Cursor& c, std::string_view v) {
                             c.last = v == "99";
                             if (!c.last) start(p.lines, c);
                           },
                           [](const billing::BenefitPlan&, const Cursor& c) { return two_digits(c.last ? 99 : c.index + 1); }};

constexpr Plan kPlanFields[] = {
    constant<billing::BenefitPlan, kPlanForm>("form_id"),
    head<[](auto& p) -> auto& { return p.service_month; }>("service_month"),
    head<[](auto& p) -> auto& { return p.insurer_no; }>("insurer_no"),
    head<[](auto& p) -> auto& { return p.support_office_no; }>("support_office_no"),
    head<[](auto& p) -> auto& { return p.create_kind; }>("create_kind"),
    head<[](auto& p) -> auto& { return p.created_on; }>("created_on"),
    constant<billing::BenefitPlan, kPlanSheet>("sheet_kind"),
    kPlanLineNo,
    head<[](auto& p) -> auto& { return p.insured_no; }>("insured_no"),
    head<[](auto& p) -> auto& { return p.birth_date; }>("birth_date"),
    head<[](auto& p) -> auto& { return p.sex; }>("sex"),
    head<[](auto& p) -> auto& { return p.care_level; }>("care_level"),
    head<[](auto& p) -> auto& { return p.limit_from; }>("limit_from"),
    head<[](auto& p) -> auto& { return p.limit_to; }>("limit_to"),
    closing<[](auto& p) -> auto& { return p.limit_units; }>("limit_units"),
    head<[](auto& p) -> auto& { return p.plan_kind; }>("plan_kind"),
    line<[](auto& l) -> auto& { return l.office_no; }>("line.office_no"),
    line<[](auto& l) -> auto& { return l.designation; }>("line.designation"),
    line<[](auto& l) -> auto& { return l.service_type; }>("line.service_type"),
    line<[](auto& l) -> auto& { return l.plan_units; }>("line.plan_units"),
    closing<[](auto& p) -> auto& { return p.total_units; }>("total_units"),
    closing<[](auto& p) -> auto& { return p.care_manager_no; }>("care_manager_no"),
};

const Bindings<billing::BenefitPlan>& plan_bindings() {
  static const Bindings<billing::BenefitPlan> b(kPlanFields, {"plan-8222"});
  return b;
}
const RecordBinding<billing::BenefitPlan>& plan_binding() {
  return plan_bindings().of(*exchange::Registry::instance().layout("plan-8222"));
}

// ---- 様式第七 (8124 / 8125): a record per サービスコード, the last numbered 99 with the totals ----------

using Fee = Field<CarePlanFeeStatement>;
template <auto Get>
constexpr Fee fee(std::string_view name) {
  return bind_once<CarePlanFeeStatement, [](auto& f, const Cursor&) -> auto& { return Get(f); }>(name);
}
template <auto Get>
constexpr Fee fee_line(std::string_view name) {
  return bind<CarePlanFeeStatement, [](auto& f, const Cursor& c) -> auto& { return Get(f.lines[c.index]); }>(name);
}

// サービス計画費明細行番号: every record is a line; the 99 one carries the totals.
constexpr Fee kFeeLineNo{"line_no",
                         [](CarePlanFeeStatement& f, Cursor& c, std::string_view v) {
                           start(f.lines, c);
                           c.last = v == "99";
                         },
                         [](const CarePlanFeeStatement&, const Cursor& c) { return two_digits(c.last ? 99 : c.index + 1); }};
// サービス単位数 as written (the writer computes it: 単位数 × 回数).
constexpr Fee kFeeLineUnits{"line.service_units",
                            [](CarePlanFeeStatement& f, Cursor&, std::string_view v) {
                              ItemText<Units>::read(f.written_line_units.emplace_back(), v);
                            },
                            [](const CarePlanFeeStatement& f, const Cursor& c) {
                              const auto& l = f.lines[c.index];
                              return ItemText<Units>::write(Units{l.unit_units.value * l.count});
                            }};
constexpr Fee kFeeTotalUnits{"total_units",
                             [](CarePlanFeeStatement& f, Cursor& c, std::string_view v) {
                               if (c.last) ItemText<Units>::read(f.written_total_units.emplace(), v);
                             },
                             [](const CarePlanFeeStatement& f, const Cursor& c) {
                               return c.last ? ItemText<Units>::write(f.total_units()) : std::string();
                             }};
constexpr Fee kFeeClaim{"claim",
                        [](CarePlanFeeStatement& f, Cursor& c, std::string_view v) {
                          if (c.last) ItemText<Yen>::read(f.written_claim.emplace(), v);
                        },
                        [](const CarePlanFeeStatement& f, const Cursor& c) {
                          return c.last ? ItemText<Yen>::write(f.claim()) : std::string();
                        }};

constexpr Fee kFeeFields[] = {
    fee<[](auto& f) -> auto& { return f.form_id; }>("form_id"),
    fee<[](auto& f) -> auto& { return f.office_no; }>("office_no"),
    fee<[](auto& f) -> auto& { return f.designation; }>("designation"),
    fee<[](auto& f) -> auto& { return f.service_month; }>("service_month"),
    fee<[](auto& f) -> auto& { return f.insurer_no; }>("insurer_no"),
    fee<[](auto& f) -> auto& { return f.unit_price; }>("unit_price"),
    fee<[](auto& f) -> auto& { return f.insured_no; }>("insured_no"),
    fee<[](auto& f) -> auto& { return f.public_payer_no; }>("public_payer_no"),
    fee<[](auto& f) -> auto& { return f.public_recipient_no; }>("public_recipient_no"),
    fee<[](auto& f) -> auto& { return f.birth_date; }>("birth_date"),
    fee<[](auto& f) -> auto& { return f.sex; }>("sex"),
    fee<[](auto& f) -> auto& { return f.care_level; }>("care_level"),
    fee<[](auto& f) -> auto& { return f.cert_from; }>("cert_from"),
    fee<[](auto& f) -> auto& { return f.cert_to; }>("cert_to"),
    fee<[](auto& f) -> auto& { return f.notified_on; }>("notified_on"),
    kFeeLineNo,
    fee_line<[](auto& l) -> auto& { return l.service_code; }>("line.service_code"),
    fee_line<[](auto& l) -> auto& { return l.unit_units; }>("line.unit_units"),
    fee_line<[](auto& l) -> auto& { return l.count; }>("line.count"),
    kFeeLineUnits,
    kFeeTotalUnits,
    kFeeClaim,
    fee<[](auto& f) -> auto& { return f.care_manager_no; }>("care_manager_no"),
};

const Bindings<CarePlanFeeStatement>& fee_bindings() {
  static const Bindings<CarePlanFeeStatement> b(kFeeFields, {"careplan-8124"});
  return b;
}
const RecordBinding<CarePlanFeeStatement>& fee_binding() {
  return fee_bindings().of(*exchange::Registry::instance().layout("careplan-8124"));
}

}  // namespace

billing::ClaimStatement to_statement(const exchange::Document& doc) {
  ClaimStatement st;
  statement_bindings().read(doc, st);
  return st;
}

void write_statement(const ClaimStatement& st, exchange::Writer& w) {
  for (const auto& items : statement_records(st)) w.add_utf8(items);
}

std::vector<std::vector<std::string>> statement_records(const ClaimStatement& st) {
  std::vector<std::vector<std::string>> out;
  out.push_back(statement_record(st, "01", {}));
  for (std::size_t i = 0; i < st.details.size(); ++i) {
    // A 住所地特例 line goes out as record 14, carrying its 施設所在保険者番号.
    out.push_back(statement_record(st, st.details[i].facility_insurer_no.empty() ? "02" : "14", {{}, i}));
  }
  for (std::size_t i = 0; i < st.aggregates.size(); ++i) out.push_back(statement_record(st, "10", {{}, i}));
  for (std::size_t i = 0; i < st.facility_costs.size(); ++i) {
    out.push_back(statement_record(st, "11", {{}, i, false, i + 1 == st.facility_costs.size()}));
  }
  for (std::size_t i = 0; i < st.reductions.size(); ++i) out.push_back(statement_record(st, "12", {{}, i}));
  return out;
}

billing::InvoiceRow to_invoice_row(const exchange::Record& record) {
  billing::InvoiceRow row;
  Cursor c;
  if (const auto* b = invoice_bindings().find(record.layout)) b->read(record, row, c);
  return row;
}

void write_invoice_row(const billing::InvoiceRow& row, exchange::Writer& w) {
  const auto* form = exchange::Registry::instance().form(row.form_id);
  if (!form) throw std::logic_error("documents: no 請求書 form " + row.form_id);
  w.add_utf8(invoice_bindings().of(*form->layout_for("")).write(row, {}));
}

billing::BenefitPlan to_plan(const exchange::Document& doc) {
  billing::BenefitPlan p;
  plan_bindings().read(doc, p);
  return p;
}

void write_plan(const billing::BenefitPlan& p, exchange::Writer& w) {
  for (std::size_t i = 0; i < p.lines.size(); ++i) w.add_utf8(plan_binding().write(p, {{}, i, false, false}));
  w.add_utf8(plan_binding().write(p, {{}, p.lines.size(), false, true}));
}

Units CarePlanFeeStatement::total_units() const {
  Units t;
  for (const auto& l : lines) t += Units{l.unit_units.value * l.count};
  return t;
}

Yen CarePlanFeeStatement::claim() const { return cost_of(total_units(), unit_price); }

void write_care_plan_fee(const CarePlanFeeStatement& st, exchange::Writer& w) {
  for (std::size_t i = 0; i < st.lines.size(); ++i) {
    w.add_utf8(fee_binding().write(st, {{}, i, false, i + 1 == st.lines.size()}));
  }
}

CarePlanFeeStatement to_care_plan_fee(const exchange::Document& doc) {
  CarePlanFeeStatement f;
  fee_bindings().read(doc, f);
  return f;
}

billing::ClaimStatement as_statement(const CarePlanFeeStatement& fee) {
  ClaimStatement st;
  st.key = {fee.form_id, fee.service_month, fee.office_no, fee.insurer_no, fee.insured_no};
  const std::string type = fee.lines.empty() ? std::string() : fee.lines.front().service_code.substr(0, 2);
  auto& b = st.basic;
  b.funds[0].payer_no = fee.public_payer_no;
  b.funds[0].recipient_no = fee.public_recipient_no;
  b.birth_date = fee.birth_date;
  b.sex = fee.sex;
  b.care_level = fee.care_level;
  b.cert_from = fee.cert_from;
  b.cert_to = fee.cert_to;
  b.support_office_no = fee.office_no;
  for (std::size_t i = 0; i < fee.lines.size(); ++i) {
    const auto& l = fee.lines[i];
    billing::DetailLine d;
    d.service_type = l.service_code.substr(0, std::min<std::size_t>(2, l.service_code.size()));
    d.item_code = l.service_code.size() > 2 ? l.service_code.substr(2) : std::string();
    d.unit_units = l.unit_units;
    d.count = l.count;
    d.service_units = i < fee.written_line_units.size() ? fee.written_line_units[i] : Units{l.unit_units.value * l.count};
    st.details.push_back(std::move(d));
  }
  const Units total = fee.written_total_units.value_or(fee.total_units());
  const Yen claim = fee.written_claim.value_or(fee.claim());
  billing::AggregateRow a;
  a.service_type = type;
  a.limit_units = total;
  a.insurance_units = total;
  a.unit_price = fee.unit_price;
  billing::PayerTotals paid{total, claim, {}, {}, {}, {}};
  if (st.key.welfare_only() && b.funds[0].present()) {
    // 生保単独: the 公費 (生活保護) pays the whole fee.
    b.funds[0].rate = 100;
    a.funds[0] = {total, claim, {}};
    b.fund_totals[0] = paid;
    b.insurance.units = total;
  } else {
    a.insurance_claim = claim;
    b.insurance = paid;
  }
  st.aggregates.push_back(std::move(a));
  return st;
}

namespace {

// The records [from, to) of `d` as a document of their own.
exchange::Document slice(const exchange::Document& d, std::size_t from, std::size_t to) {
  exchange::Document out;
  out.form = d.form;
  out.code = d.code;
  out.key = d.key;
  out.has_errors = d.has_errors;
  std::string text;
  std::vector<std::size_t> at;
  std::vector<std::string_view> items;
  for (std::size_t i = from; i < to; ++i) {
    const auto& r = d.records()[i];
    text.clear();
    at.clear();
    for (auto item : r.items) {
      at.push_back(text.size());
      text.append(item).push_back(',');
    }
    items.clear();
    for (std::size_t j = 0; j < r.items.size(); ++j) items.push_back(std::string_view(text).substr(at[j], r.items[j].size()));
    out.add(r.line, r.record_no, r.layout, r.kind, text, items, r.has_errors);
  }
  return out;
}

}  // namespace

std::vector<billing::ClaimStatement> to_statements(const exchange::Document& doc) {
  std::vector<std::size_t> bases;
  for (std::size_t i = 0; i < doc.records().size(); ++i) {
    if (doc.records()[i].kind == "01") bases.push_back(i);
  }
  std::vector<billing::ClaimStatement> out;
  if (bases.size() <= 1) {
    out.push_back(to_statement(doc));
    return out;
  }
  bases.front() = 0;  // records before the first 基本 belong to the first copy
  bases.push_back(doc.records().size());
  for (std::size_t b = 0; b + 1 < bases.size(); ++b) out.push_back(to_statement(slice(doc, bases[b], bases[b + 1])));
  return out;
}

}  // namespace kaigo::documents
