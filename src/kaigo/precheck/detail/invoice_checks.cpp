#include "kaigo/precheck/detail/invoice_checks.hpp"

#include <fmt/format.h>

#include "kaigo/billing/invoice.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/precheck/detail/doc_copy.hpp"

namespace kaigo::precheck {
namespace {

// The totals of a 請求書 row with their 項番 (claims-format §6.1).
struct Total {
  int item;
  std::int64_t (*get)(const billing::InvoiceRow&);
};
constexpr Total kTotals[] = {
    {7, [](const billing::InvoiceRow& r) { return r.count; }},
    {8, [](const billing::InvoiceRow& r) { return r.units.value; }},
    {9, [](const billing::InvoiceRow& r) { return r.cost_total.value; }},
    {10, [](const billing::InvoiceRow& r) { return r.insurance_claim.value; }},
    {11, [](const billing::InvoiceRow& r) { return r.public_claim.value; }},
    {12, [](const billing::InvoiceRow& r) { return r.user_burden.value; }},
    {13, [](const billing::InvoiceRow& r) { return r.facility_count; }},
    {15, [](const billing::InvoiceRow& r) { return r.facility_cost_total.value; }},
    {16, [](const billing::InvoiceRow& r) { return r.facility_user_burden.value; }},
    {17, [](const billing::InvoiceRow& r) { return r.facility_public_claim.value; }},
    {18, [](const billing::InvoiceRow& r) { return r.facility_insurance_claim.value; }},
};

std::string class_text(const billing::InvoiceRow& r) {
  return fmt::format("{} {} 法別{} 請求情報区分{}", r.service_month.str(), r.payer_kind == 2 ? "公費請求" : "保険請求",
                     r.law_no, r.claim_class);
}

}  // namespace

void InvoiceCheck::add_written(const CheckEnv& env, const exchange::Record& record, const DocInfo& info) {
  billing::InvoiceRow row = documents::to_invoice_row(record);
  copy_record(written_, record);
  for (const auto& earlier : rows_) {
    if (!billing::same_invoice_class(earlier, row)) continue;
    env.findings.add(Level::Format, "KP30", &info, &written_.records().back(), 4, "同じ区分の請求書が前の行にあります",
                     "the same 請求書 class appears on an earlier line");
  }
  rows_.push_back(row);
  infos_.push_back(info);
}

void InvoiceCheck::add_statement(const billing::ClaimStatement& s) { billing::add_to_invoice(computed_, s); }

void InvoiceCheck::add_care_plan(const exchange::Document& doc) {
  const exchange::Record* closing = nullptr;
  for (const auto& r : doc.records()) {
    if (r.item(16) == "99") closing = &r;
  }
  if (closing == nullptr) return;
  // 様式第七 is summed like a 明細書 of 請求情報区分 02 with only its 保険 (or, 生保単独, 公費) total.
  billing::ClaimStatement s;
  s.key = {std::string(closing->item(1)), YearMonth::parse(closing->item(4)).value_or(YearMonth{}),
           std::string(closing->item(2)), std::string(closing->item(5)), std::string(closing->item(7))};
  billing::PayerTotals totals{Units{parse_int(closing->item(21)).value_or(0)}, Yen{parse_int(closing->item(22)).value_or(0)},
                              {}, {}, {}, {}};
  if (s.key.welfare_only()) {
    s.basic.funds[0] = {std::string(closing->item(8)), std::string(closing->item(9)), 100};
    s.basic.fund_totals[0] = totals;
  } else {
    s.basic.insurance = totals;
  }
  billing::add_to_invoice(computed_, s);
}

void InvoiceCheck::finish(const CheckEnv& env) {
  if (unreadable_) return;
  billing::Invoice written{rows_};
  for (const auto& d : billing::compare_invoice(written, computed_)) {
    if (d.written == nullptr) {
      DocInfo info;
      info.form_kind = "請求";
      info.service_month = d.computed->service_month.str();
      info.office_no = d.computed->office_no;
      env.findings.add(Level::Format, "KP30", &info, nullptr, 0,
                       fmt::format("請求書に {} の行がありません", class_text(*d.computed)),
                       fmt::format("no 請求書 row for {}", class_text(*d.computed)));
      continue;
    }
    auto i = static_cast<std::size_t>(d.written - written.rows.data());
    const exchange::Record& record = written_.records()[i];
    if (d.computed == nullptr) {
      env.findings.add(Level::Format, "KP30", &infos_[i], &record, 0, "この区分の明細書がありません",
                       "no statement of this class in the file");
      continue;
    }
    for (const auto& t : kTotals) {
      std::int64_t w = t.get(*d.written);
      std::int64_t c = t.get(*d.computed);
      if (w == c) continue;
      env.findings.add(Level::Format, "KP30", &infos_[i], &record, t.item, fmt::format("明細書の合計 {}", c),
                       fmt::format("the statements add up to {}", c));
    }
  }
}

}  // namespace kaigo::precheck
