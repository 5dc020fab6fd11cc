#include "kaigo/documents/statement_records.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"

namespace kaigo::documents {
namespace {

using billing::ClaimStatement;

std::int64_t num(std::string_view v) { return parse_int(v).value_or(0); }
int num32(std::string_view v) { return static_cast<int>(num(v)); }
Units units(std::string_view v) { return Units{num(v)}; }
Yen yen(std::string_view v) { return Yen{num(v)}; }
std::optional<Date> date(std::string_view v) { return Date::parse(v); }
std::optional<int> opt_int(std::string_view v) {
  if (v.empty()) return std::nullopt;
  auto x = parse_int(v);
  if (!x) return std::nullopt;
  return static_cast<int>(*x);
}
std::string str(std::string_view v) { return std::string(v); }

std::string s(std::int64_t v) { return fmt::to_string(v); }
std::string s(Units u) { return fmt::to_string(u.value); }
std::string s(Yen y) { return fmt::to_string(y.value); }
std::string s(const std::optional<Date>& d) { return d ? d->str() : std::string(); }
std::string s(const std::optional<int>& v) { return v ? fmt::to_string(*v) : std::string(); }
std::string two(int v) { return fmt::format("{:02d}", v); }

// Items 1–6 of every 明細書 record.
std::vector<std::string> common(const ClaimStatement& st, std::string_view kind) {
  return {st.key.form_id, std::string(kind), st.key.service_month.str(), st.key.office_no, st.key.insurer_no,
          st.key.insured_no};
}

void add(exchange::Writer& w, const std::vector<std::string>& items) { w.add_utf8(items); }

}  // namespace

billing::ClaimStatement to_statement(const exchange::Document& doc) {
  ClaimStatement st;
  bool keyed = false;
  for (const auto& r : doc.records()) {
    if (!keyed) {
      st.key.form_id = str(r.item(1));
      st.key.service_month = YearMonth::parse(r.item(3)).value_or(YearMonth{});
      st.key.office_no = str(r.item(4));
      st.key.insurer_no = str(r.item(5));
      st.key.insured_no = str(r.item(6));
      keyed = true;
    }
    if (r.kind == "01") {
      auto& b = st.basic;
      for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
        b.funds[k].payer_no = str(r.item(7 + 2 * static_cast<int>(k)));
        b.funds[k].recipient_no = str(r.item(8 + 2 * static_cast<int>(k)));
        b.funds[k].rate = opt_int(r.item(30 + static_cast<int>(k)));
      }
      b.birth_date = date(r.item(13));
      b.sex = num32(r.item(14));
      b.care_level = str(r.item(15));
      b.cert_from = date(r.item(17));
      b.cert_to = date(r.item(18));
      b.plan_kind = str(r.item(19));
      b.support_office_no = str(r.item(20));
      b.start_date = date(r.item(21));
      b.end_date = date(r.item(22));
      b.end_reason = str(r.item(23));
      b.admission_date = date(r.item(24));
      b.discharge_date = date(r.item(25));
      b.admission_days = num32(r.item(26));
      b.overnight_days = num32(r.item(27));
      b.insurance_rate = opt_int(r.item(29));
      auto totals = [&](int first) {
        return billing::PayerTotals{units(r.item(first)),     yen(r.item(first + 1)), yen(r.item(first + 2)),
                                    yen(r.item(first + 3)), yen(r.item(first + 4)), yen(r.item(first + 5))};
      };
      b.insurance = totals(33);
      for (std::size_t k = 0; k < billing::kFundSlots; ++k) b.fund_totals[k] = totals(39 + 6 * static_cast<int>(k));
    } else if (r.kind == "02" || r.kind == "14") {
      billing::DetailLine d;
      d.service_type = str(r.item(7));
      d.item_code = str(r.item(8));
      d.unit_units = units(r.item(9));
      d.count = num32(r.item(10));
      for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
        d.fund_counts[k] = num32(r.item(11 + static_cast<int>(k)));
        d.fund_units[k] = units(r.item(15 + static_cast<int>(k)));
      }
      d.service_units = units(r.item(14));
      d.note = str(r.item(r.kind == "14" ? 19 : 18));
      st.details.push_back(std::move(d));
    } else if (r.kind == "10") {
      billing::AggregateRow a;
      a.service_type = str(r.item(7));
      a.actual_days = num32(r.item(8));
      a.plan_units = units(r.item(9));
      a.limit_units = units(r.item(10));
      a.outside_limit_units = units(r.item(11));
      a.insurance_units = units(r.item(14));
      a.unit_price = UnitPrice{num(r.item(15))};
      a.insurance_claim = yen(r.item(16));
      a.user_burden = yen(r.item(17));
      for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
        int first = 18 + 3 * static_cast<int>(k);
        a.funds[k] = {units(r.item(first)), yen(r.item(first + 1)), yen(r.item(first + 2))};
      }
      a.medical = {units(r.item(27)), yen(r.item(28)), yen(r.item(29))};
      for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
        int first = 30 + 3 * static_cast<int>(k);
        a.fund_medical[k] = {units(r.item(first)), yen(r.item(first + 1)), yen(r.item(first + 2))};
      }
      st.aggregates.push_back(std::move(a));
    } else if (r.kind == "11") {
      billing::FacilityCostLine f;
      f.seq = num32(r.item(7));
      f.service_type = str(r.item(8));
      f.item_code = str(r.item(9));
      f.unit_cost = yen(r.item(10));
      f.burden_limit = yen(r.item(11));
      f.days = num32(r.item(12));
      for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
        f.fund_days[k] = num32(r.item(13 + static_cast<int>(k)));
        f.fund_burden[k] = yen(r.item(18 + static_cast<int>(k)));
      }
      f.cost = yen(r.item(16));
      f.insurance_claim = yen(r.item(17));
      f.user_burden = yen(r.item(21));
      if (f.seq == 99) {
        billing::FacilityCostTotals t;
        t.cost = yen(r.item(22));
        t.insurance_claim = yen(r.item(23));
        t.user_burden = yen(r.item(24));
        for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
          int first = 25 + 3 * static_cast<int>(k);
          t.funds[k] = {yen(r.item(first)), yen(r.item(first + 1)), yen(r.item(first + 2))};
        }
        st.facility_totals = t;
      }
      st.facility_costs.push_back(std::move(f));
    } else if (r.kind == "12") {
      billing::WelfareReduction w;
      w.rate_x10 = num32(r.item(7));
      w.service_type = str(r.item(8));
      w.burden_total = yen(r.item(9));
      w.reduction = yen(r.item(10));
      w.after_reduction = yen(r.item(11));
      w.note = str(r.item(12));
      st.reductions.push_back(std::move(w));
    }
  }
  return st;
}

void write_statement(const ClaimStatement& st, exchange::Writer& w) {
  for (const auto& items : statement_records(st)) add(w, items);
}

std::vector<std::vector<std::string>> statement_records(const ClaimStatement& st) {
  std::vector<std::vector<std::string>> out;
  const auto& b = st.basic;
  auto fund_present = [&](std::size_t k) { return b.funds[k].present(); };
  {
    auto items = common(st, "01");
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
      items.push_back(b.funds[k].payer_no);
      items.push_back(b.funds[k].recipient_no);
    }
    items.insert(items.end(), {s(b.birth_date), s(b.sex), b.care_level, "", s(b.cert_from), s(b.cert_to), b.plan_kind,
                               b.support_office_no, s(b.start_date), s(b.end_date), b.end_reason, s(b.admission_date),
                               s(b.discharge_date), s(b.admission_days), s(b.overnight_days), "",
                               s(b.insurance_rate)});
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) items.push_back(fund_present(k) ? s(b.funds[k].rate) : "");
    auto totals = [&](const billing::PayerTotals& t) {
      items.insert(items.end(), {s(t.units), s(t.claim), s(t.burden), s(t.emergency_claim), s(t.special_claim),
                                 s(t.facility_claim)});
    };
    totals(b.insurance);
    for (const auto& t : b.fund_totals) totals(t);
    out.push_back(std::move(items));
  }
  for (const auto& d : st.details) {
    auto items = common(st, "02");
    items.insert(items.end(), {d.service_type, d.item_code, d.unit_units.value == 0 ? "" : s(d.unit_units), s(d.count)});
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) items.push_back(fund_present(k) ? s(d.fund_counts[k]) : "");
    items.push_back(s(d.service_units));
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) items.push_back(fund_present(k) ? s(d.fund_units[k]) : "");
    items.push_back(d.note);
    out.push_back(std::move(items));
  }
  for (const auto& a : st.aggregates) {
    auto items = common(st, "10");
    items.insert(items.end(), {a.service_type, s(a.actual_days), s(a.plan_units), s(a.limit_units),
                               s(a.outside_limit_units), "", "", s(a.insurance_units), s(a.unit_price.x100),
                               s(a.insurance_claim), s(a.user_burden)});
    for (const auto& f : a.funds) items.insert(items.end(), {s(f.units), s(f.claim), s(f.self_pay)});
    // 出来高医療費 (施設・短期療養 styles only; 0 elsewhere).
    items.insert(items.end(), {s(a.medical.units), s(a.medical.claim), s(a.medical.burden)});
    for (const auto& m : a.fund_medical) items.insert(items.end(), {s(m.units), s(m.claim), s(m.burden)});
    out.push_back(std::move(items));
  }
  for (std::size_t i = 0; i < st.facility_costs.size(); ++i) {
    const auto& f = st.facility_costs[i];
    bool last = i + 1 == st.facility_costs.size();
    auto items = common(st, "11");
    items.insert(items.end(), {two(last ? 99 : static_cast<int>(i + 1)), f.service_type, f.item_code, s(f.unit_cost),
                               s(f.burden_limit), s(f.days)});
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) items.push_back(fund_present(k) ? s(f.fund_days[k]) : "");
    items.insert(items.end(), {s(f.cost), s(f.insurance_claim)});
    for (std::size_t k = 0; k < billing::kFundSlots; ++k) items.push_back(fund_present(k) ? s(f.fund_burden[k]) : "");
    items.push_back(s(f.user_burden));
    if (last && st.facility_totals) {
      const auto& t = *st.facility_totals;
      items.insert(items.end(), {s(t.cost), s(t.insurance_claim), s(t.user_burden)});
      for (const auto& ft : t.funds) items.insert(items.end(), {s(ft.burden_total), s(ft.claim), s(ft.self_pay)});
    } else {
      items.insert(items.end(), 12, "");
    }
    out.push_back(std::move(items));
  }
  for (const auto& r : st.reductions) {
    auto items = common(st, "12");
    items.insert(items.end(), {s(r.rate_x10), r.service_type, s(r.burden_total), s(r.reduction), s(r.after_reduction),
                               r.note});
    out.push_back(std::move(items));
  }
  return out;
}

billing::InvoiceRow to_invoice_row(const exchange::Record& r) {
  billing::InvoiceRow row;
  row.form_id = str(r.item(1));
  row.service_month = YearMonth::parse(r.item(2)).value_or(YearMonth{});
  row.office_no = str(r.item(3));
  row.payer_kind = num32(r.item(4));
  row.law_no = str(r.item(5));
  row.claim_class = str(r.item(6));
  row.count = num(r.item(7));
  row.units = units(r.item(8));
  row.cost_total = yen(r.item(9));
  row.insurance_claim = yen(r.item(10));
  row.public_claim = yen(r.item(11));
  row.user_burden = yen(r.item(12));
  row.facility_count = num(r.item(13));
  row.facility_cost_total = yen(r.item(15));
  row.facility_user_burden = yen(r.item(16));
  row.facility_public_claim = yen(r.item(17));
  row.facility_insurance_claim = yen(r.item(18));
  return row;
}

void write_invoice_row(const billing::InvoiceRow& row, exchange::Writer& w) {
  std::vector<std::string> items{row.form_id,        row.service_month.str(), row.office_no,   s(row.payer_kind),
                                 row.law_no,         row.claim_class,         s(row.count),    s(row.units),
                                 s(row.cost_total),  s(row.insurance_claim),  s(row.public_claim),
                                 s(row.user_burden)};
  if (row.form_id == "7111") {
    items.insert(items.end(), {s(row.facility_count), "0", s(row.facility_cost_total), s(row.facility_user_burden),
                               s(row.facility_public_claim), s(row.facility_insurance_claim)});
  }
  add(w, items);
}

billing::BenefitPlan to_plan(const exchange::Document& doc) {
  billing::BenefitPlan p;
  bool first = true;
  for (const auto& r : doc.records()) {
    if (first) {
      p.service_month = YearMonth::parse(r.item(2)).value_or(YearMonth{});
      p.insurer_no = str(r.item(3));
      p.support_office_no = str(r.item(4));
      p.create_kind = num32(r.item(5));
      p.created_on = date(r.item(6));
      p.insured_no = str(r.item(9));
      p.birth_date = date(r.item(10));
      p.sex = num32(r.item(11));
      p.care_level = str(r.item(12));
      p.limit_from = YearMonth::parse(r.item(13));
      p.limit_to = YearMonth::parse(r.item(14));
      p.plan_kind = num32(r.item(16));
      first = false;
    }
    if (r.item(8) == "99") {
      p.limit_units = units(r.item(15));
      p.total_units = units(r.item(24));
      p.care_manager_no = str(r.item(25));
    } else {
      p.lines.push_back({str(r.item(17)), num32(r.item(18)), str(r.item(19)), units(r.item(20))});
    }
  }
  return p;
}

void write_plan(const billing::BenefitPlan& p, exchange::Writer& w) {
  auto head = [&](int line_no) {
    return std::vector<std::string>{"8222",
                                    p.service_month.str(),
                                    p.insurer_no,
                                    p.support_office_no,
                                    s(p.create_kind),
                                    s(p.created_on),
                                    "3",
                                    two(line_no),
                                    p.insured_no,
                                    s(p.birth_date),
                                    s(p.sex),
                                    p.care_level,
                                    p.limit_from ? p.limit_from->str() : "",
                                    p.limit_to ? p.limit_to->str() : ""};
  };
  int n = 0;
  for (const auto& l : p.lines) {
    auto items = head(++n);
    items.insert(items.end(), {"", s(p.plan_kind), l.office_no, s(l.designation), l.service_type, s(l.plan_units), "",
                               "", "", "", "", "", ""});
    add(w, items);
  }
  auto items = head(99);
  items.insert(items.end(), {s(p.limit_units), s(p.plan_kind), "", "", "", "", "", "", "", s(p.total_units),
                             p.care_manager_no, "", ""});
  add(w, items);
}

Units CarePlanFeeStatement::total_units() const {
  Units t;
  for (const auto& l : lines) t += Units{l.unit_units.value * l.count};
  return t;
}

Yen CarePlanFeeStatement::claim() const { return cost_of(total_units(), unit_price); }

void write_care_plan_fee(const CarePlanFeeStatement& st, exchange::Writer& w) {
  for (std::size_t i = 0; i < st.lines.size(); ++i) {
    const auto& l = st.lines[i];
    bool last = i + 1 == st.lines.size();
    std::vector<std::string> items{st.form_id,
                                   st.office_no,
                                   s(st.designation),
                                   st.service_month.str(),
                                   st.insurer_no,
                                   s(st.unit_price.x100),
                                   st.insured_no,
                                   st.public_payer_no,
                                   st.public_recipient_no,
                                   st.birth_date.str(),
                                   s(st.sex),
                                   st.care_level,
                                   st.cert_from.str(),
                                   st.cert_to.str(),
                                   st.notified_on.str(),
                                   two(last ? 99 : static_cast<int>(i + 1)),
                                   l.service_code,
                                   s(l.unit_units),
                                   s(l.count),
                                   s(Units{l.unit_units.value * l.count}),
                                   last ? s(st.total_units()) : "",
                                   last ? s(st.claim()) : "",
                                   st.care_manager_no,
                                   ""};
    add(w, items);
  }
}

CarePlanFeeStatement to_care_plan_fee(const exchange::Document& doc) {
  CarePlanFeeStatement f;
  bool first = true;
  for (const auto& r : doc.records()) {
    if (first) {
      f.form_id = str(r.item(1));
      f.office_no = str(r.item(2));
      f.designation = num32(r.item(3));
      f.service_month = YearMonth::parse(r.item(4)).value_or(YearMonth{});
      f.insurer_no = str(r.item(5));
      f.unit_price = UnitPrice{num(r.item(6))};
      f.insured_no = str(r.item(7));
      f.public_payer_no = str(r.item(8));
      f.public_recipient_no = str(r.item(9));
      f.birth_date = date(r.item(10)).value_or(Date{});
      f.sex = num32(r.item(11));
      f.care_level = str(r.item(12));
      f.cert_from = date(r.item(13)).value_or(Date{});
      f.cert_to = date(r.item(14)).value_or(Date{});
      f.notified_on = date(r.item(15)).value_or(Date{});
      f.care_manager_no = str(r.item(23));
      first = false;
    }
    f.lines.push_back({str(r.item(17)), units(r.item(18)), num32(r.item(19))});
    f.written_line_units.push_back(units(r.item(20)));
    if (r.item(16) == "99") {
      f.written_total_units = units(r.item(21));
      f.written_claim = yen(r.item(22));
    }
  }
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
