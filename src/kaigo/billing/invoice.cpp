#include "kaigo/billing/invoice.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

namespace kaigo::billing {
namespace {

InvoiceRow& row_for(Invoice& inv, const StatementKey& key, std::string_view form, int payer_kind,
                    std::string_view law, std::string_view claim_class) {
  for (auto& r : inv.rows) {
    if (r.office_no == key.office_no && r.service_month == key.service_month && r.form_id == form &&
        r.payer_kind == payer_kind && r.law_no == law && r.claim_class == claim_class) {
      return r;
    }
  }
  InvoiceRow r;
  r.form_id = std::string(form);
  r.service_month = key.service_month;
  r.office_no = key.office_no;
  r.payer_kind = payer_kind;
  r.law_no = std::string(law);
  r.claim_class = std::string(claim_class);
  inv.rows.push_back(r);
  return inv.rows.back();
}

void add_insurance(Invoice& inv, const ClaimStatement& s, InvoiceClass cls) {
  // 生保単独 (H番号) 明細書 carry no 保険 claim: they are counted on the 公費 row only [INF].
  if (s.key.welfare_only()) return;
  InvoiceRow& r = row_for(inv, s.key, cls.invoice_form, 1, "00", cls.claim_class);
  const BasicInfo& b = s.basic;
  r.count += 1;
  r.units += b.insurance.units;
  r.insurance_claim += b.insurance.claim + b.insurance.emergency_claim + b.insurance.special_claim;
  r.user_burden += b.insurance.burden;
  for (const auto& f : b.fund_totals) {
    r.public_claim += f.claim + f.emergency_claim + f.special_claim;
    r.user_burden += f.burden;
  }
  // 出来高医療費 (施設・短期療養): its units and every payer's 利用者負担 / 本人負担 are on the 集計
  // rows only (QKAN's aggregation, claims-format §6.1).
  for (const auto& a : s.aggregates) {
    r.units += a.medical.units;
    r.user_burden += a.medical.burden;
    for (const auto& m : a.fund_medical) r.user_burden += m.burden;
  }
  r.cost_total = r.insurance_claim + r.public_claim + r.user_burden;
  if (!s.facility_totals || cls.invoice_form == "7113") return;
  const FacilityCostTotals& t = *s.facility_totals;
  r.facility_count += 1;
  r.facility_cost_total += t.cost;
  r.facility_insurance_claim += t.insurance_claim;
  r.facility_user_burden += t.user_burden;
  for (const auto& f : t.funds) {
    r.facility_user_burden += f.self_pay;
    r.facility_public_claim += f.claim;
  }
}

void add_public(Invoice& inv, const ClaimStatement& s, InvoiceClass cls) {
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    const PublicFund& fund = s.basic.funds[k];
    if (!fund.present()) continue;
    std::string law(fund.law_no());
    std::string_view claim_class = law == "12" ? cls.claim_class : std::string_view("00");
    InvoiceRow& r = row_for(inv, s.key, cls.invoice_form, 2, law, claim_class);
    const PayerTotals& t = s.basic.fund_totals[k];
    // The 件数 includes 明細書 whose 公費請求額 is 0, or 請求書 and 明細書 counts disagree.
    r.count += 1;
    r.units += t.units;
    r.public_claim += t.claim + t.emergency_claim + t.special_claim;
    r.cost_total = r.public_claim;
    if (!s.facility_totals || cls.invoice_form == "7113") continue;
    r.facility_count += 1;
    r.facility_public_claim += s.facility_totals->funds[k].claim;
    r.facility_cost_total = r.facility_public_claim;  // [INF] only the 公費 share is billed here
  }
}

auto order_key(const InvoiceRow& r) {
  return std::tie(r.office_no, r.service_month, r.form_id, r.payer_kind, r.law_no, r.claim_class);
}

// 法別番号 and 請求情報区分 as codes of two digits: senders write 0, 00 or nothing for "none"
// (claims-format §0 item 3, §6.1), and a written 請求書 must match a computed one either way.
std::string two_digit_code(std::string_view s) {
  if (s.empty() || s == "0") return "00";
  return std::string(s);
}

auto match_key(const InvoiceRow& r) {
  return std::make_tuple(std::cref(r.office_no), r.service_month, std::cref(r.form_id), r.payer_kind,
                         two_digit_code(r.law_no), two_digit_code(r.claim_class));
}

bool same_totals(const InvoiceRow& a, const InvoiceRow& b) {
  return a.count == b.count && a.units == b.units && a.cost_total == b.cost_total &&
         a.insurance_claim == b.insurance_claim && a.public_claim == b.public_claim &&
         a.user_burden == b.user_burden && a.facility_count == b.facility_count &&
         a.facility_cost_total == b.facility_cost_total && a.facility_user_burden == b.facility_user_burden &&
         a.facility_public_claim == b.facility_public_claim &&
         a.facility_insurance_claim == b.facility_insurance_claim;
}

}  // namespace

InvoiceClass invoice_class_of(std::string_view form_id) {
  if (form_id == "8124" || form_id == "8125") return {"7111", "02"};
  if (form_id == "71R1") return {"7113", "05"};
  if (form_id == "8171") return {"7113", "06"};
  return {"7111", "01"};
}

void add_to_invoice(Invoice& inv, const ClaimStatement& s) {
  InvoiceClass cls = invoice_class_of(s.key.form_id);
  add_insurance(inv, s, cls);
  add_public(inv, s, cls);
}

Invoice build_invoice(std::span<const ClaimStatement> statements) {
  Invoice inv;
  for (const auto& s : statements) add_to_invoice(inv, s);
  std::stable_sort(inv.rows.begin(), inv.rows.end(),
                   [](const InvoiceRow& a, const InvoiceRow& b) { return order_key(a) < order_key(b); });
  return inv;
}

bool same_invoice_class(const InvoiceRow& a, const InvoiceRow& b) { return match_key(a) == match_key(b); }

std::vector<InvoiceDifference> compare_invoice(const Invoice& written, const Invoice& computed) {
  std::vector<InvoiceDifference> out;
  auto find_in = [](const Invoice& inv, const InvoiceRow& like) -> const InvoiceRow* {
    for (const auto& r : inv.rows) {
      if (match_key(r) == match_key(like)) return &r;
    }
    return nullptr;
  };
  for (const auto& c : computed.rows) {
    const InvoiceRow* w = find_in(written, c);
    if (!w || !same_totals(*w, c)) out.push_back({w, &c});
  }
  for (const auto& w : written.rows) {
    if (!find_in(computed, w)) out.push_back({&w, nullptr});
  }
  return out;
}

}  // namespace kaigo::billing
