#include "kaigo/billing/calculator.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "kaigo/billing/fund_priority.hpp"
#include "kaigo/core/error_codes.hpp"

namespace kaigo::billing {
namespace {

Yen yen_max(Yen a, Yen b) { return a < b ? b : a; }
Yen yen_min(Yen a, Yen b) { return a < b ? a : b; }

// 公費k 請求額 before the 本人負担 is taken out (review-rules §2.4).
Yen fund_claim(const FundTerms& f, Units uk, const AggregateAmounts& a, Yen allocated, int prev_rate,
               UnitPrice price) {
  if (f.rate == 100 && uk == a.benefit_units) return a.cost - a.insurance_claim - allocated;
  return percent_floor(cost_of(uk, price), f.rate - prev_rate);
}

// QKAN's safety net: a negative 利用者負担 is absorbed by the lowest-priority 公費 that has a claim.
void absorb_negative_user_burden(AggregateAmounts& a, const std::array<std::size_t, kFundSlots>& order) {
  if (a.user_burden.value >= 0) return;
  for (std::size_t i = kFundSlots; i-- > 0;) {
    const std::size_t k = order[i];
    if (a.funds[k].claim.value > 0) {
      a.funds[k].claim += a.user_burden;
      break;
    }
  }
  a.user_burden = Yen{0};
}

}  // namespace

AggregateAmounts compute_aggregate(const AggregateInput& in) {
  AggregateAmounts a;
  Units capped = in.plan_units ? std::min(*in.plan_units, in.limit_units) : in.limit_units;
  a.benefit_units = capped + in.outside_limit_units;
  a.cost = cost_of(a.benefit_units, in.unit_price);
  a.insurance_claim = in.welfare_only ? Yen{0} : percent_floor(a.cost, in.insurance_rate);
  if (in.fixed_user_burden && !in.welfare_only) a.insurance_claim = yen_max(Yen{0}, a.cost - *in.fixed_user_burden);

  int prev_rate = in.welfare_only ? 0 : in.insurance_rate;
  Yen allocated;
  for (std::size_t k : in.order) {
    const FundTerms& f = in.funds[k];
    // A 公費 applies only above the share already covered (so nothing after a 100% one).
    if (!f.present || f.rate <= prev_rate) continue;
    Units uk = std::min(f.target_units, a.benefit_units);
    Yen p = fund_claim(f, uk, a, allocated, prev_rate, in.unit_price);
    a.funds[k].units = uk;
    a.funds[k].claim = p;
    allocated += p;
    prev_rate = f.rate;
  }
  Yen self_pay_total;
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    Yen s = yen_max(Yen{0}, yen_min(in.funds[k].self_pay_available, a.funds[k].claim));
    a.funds[k].self_pay = s;
    a.funds[k].claim -= s;
    self_pay_total += s;
  }
  a.user_burden = a.cost - a.insurance_claim - self_pay_total;
  for (const auto& f : a.funds) a.user_burden -= f.claim;
  absorb_negative_user_burden(a, in.order);
  return a;
}

FacilityLineAmounts compute_facility_line(const FacilityLineInput& in) {
  FacilityLineAmounts a;
  a.cost = Yen{in.unit_cost.value * in.days};
  if (in.welfare_only) {
    // 生保単独: the 公費 (生保) pays the whole cost.
    a.fund_burden[0] = a.cost;
    return a;
  }
  a.insurance_claim = yen_max(Yen{0}, a.cost - Yen{in.burden_limit.value * in.days});
  Yen left = a.cost - a.insurance_claim;
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    if (!in.fund_present[k] || in.fund_days[k] <= 0) continue;
    Yen b = yen_min(Yen{in.burden_limit.value * in.fund_days[k]}, left);
    a.fund_burden[k] = b;
    left -= b;
  }
  a.user_burden = left;
  return a;
}

bool form_reports_outside_limit(std::string_view form_id) {
  // QKAN fills item 10-11 for 様式第二〜第五の二 and 第六の三〜第六の七 only (claims-format §4.7).
  static constexpr std::array<std::string_view, 17> kForms{"7131", "7132", "71R1", "7143", "7144", "7155",
                                                           "7156", "7157", "7158", "7164", "7165", "7173",
                                                           "7174", "7175", "7176", "7177", "71P1"};
  return std::find(kForms.begin(), kForms.end(), form_id) != kForms.end();
}

namespace {

struct Computation {
  const ClaimStatement& written;
  const StatementTerms& terms;
  ClaimStatement& out;
  Diagnostics& notes;
  bool welfare_only;
  int insurance_rate;
  std::array<Yen, kFundSlots> self_pay_left;
};

// A note worded from the table of codes (KB01, KB02).
Diagnostic note(const Computation& c, std::string_view code, std::string value) {
  const ErrorCode& text = error_code(code);
  Diagnostic d;
  d.severity = Severity::Info;
  d.code = std::string(code);
  d.file = fmt::format("{}/{}/{}/{}", c.written.key.form_id, c.written.key.office_no, c.written.key.insurer_no,
                       c.written.key.insured_no);
  d.value = std::move(value);
  d.message_ja = std::string(text.title_ja);
  d.message_en = std::string(text.title_en);
  return d;
}

// The サービスコード of a line: per insurer when a municipality has its own 総合事業 master.
const master::ServiceCode* code_of(const Computation& c, const DetailLine& d) {
  const auto& k = c.written.key;
  if (c.terms.own_codes) {
    return c.terms.own_codes->service_code(d.priced_by(k.insurer_no), d.service_type, d.item_code, k.service_month);
  }
  return c.terms.codes ? c.terms.codes->find(d.service_type, d.item_code, k.service_month) : nullptr;
}

const master::SougouServiceCode* own_code_of(const Computation& c, const DetailLine& d) {
  if (!c.terms.own_codes) return nullptr;
  const auto& k = c.written.key;
  return c.terms.own_codes->own_code(d.priced_by(k.insurer_no), d.service_type, d.item_code, k.service_month);
}

void recompute_details(Computation& c) {
  for (auto& d : c.out.details) {
    // A municipality's own code sets the units of its line (the national ones keep the written
    // 単位数, which the pre-check compares with the master: KP28).
    if (const auto* own = own_code_of(c, d)) d.unit_units = own->units;
    // Codes without their own 単位数 (福祉用具貸与, rate-based 加算) keep the written units.
    if (d.unit_units.value == 0) continue;
    d.service_units = line_units(d.unit_units, d.count);
    for (std::size_t k = 0; k < kFundSlots; ++k) d.fund_units[k] = line_units(d.unit_units, d.fund_counts[k]);
  }
}

std::vector<std::string> service_types_in_order(const ClaimStatement& s) {
  std::vector<std::string> types;
  auto add = [&](const std::string& t) {
    if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(t);
  };
  for (const auto& a : s.aggregates) add(a.service_type);
  for (const auto& d : s.details) add(d.service_type);
  return types;
}

const TypeTerms* terms_for(const StatementTerms& t, std::string_view type) {
  for (const auto& tt : t.types) {
    if (tt.service_type == type) return &tt;
  }
  return nullptr;
}

struct TypeUnits {
  Units limit;
  Units outside;
  std::array<Units, kFundSlots> funds{};
};

TypeUnits sum_type_units(Computation& c, const std::string& type, const AggregateRow* written) {
  TypeUnits u;
  Units total;
  for (const auto& d : c.out.details) {
    if (d.service_type != type) continue;
    for (std::size_t k = 0; k < kFundSlots; ++k) u.funds[k] += d.fund_units[k];
    total += d.service_units;
    if (!c.terms.codes && !c.terms.own_codes) continue;
    const auto* code = code_of(c, d);
    if (!code) {
      c.notes.push_back(note(c, "KB01", type + d.item_code));
    }
    if (code && !code->limit_target) u.outside += d.service_units;
  }
  if (!c.terms.codes && !c.terms.own_codes) {
    // Without the master, trust the written 対象外 units (bounded by what the lines add up to).
    u.outside = written ? std::min(written->outside_limit_units, total) : Units{};
  }
  u.limit = total - u.outside;
  bool separate = form_reports_outside_limit(c.written.key.form_id) && type != "31" && type != "34";
  if (!separate) {
    u.limit = total;
    u.outside = Units{};
  }
  return u;
}

std::optional<Units> plan_limit(const Computation& c, const TypeTerms* tt, const AggregateRow* written) {
  if (tt && tt->plan_units) return tt->plan_units;
  if (c.terms.plan_from_claim && written && written->plan_units.value > 0) return written->plan_units;
  return std::nullopt;
}

// Σ 利用者負担額 × 回数 of the 定額 lines of `type`; nullopt when none is 定額.
std::optional<Yen> fixed_burden_of(const Computation& c, const std::string& type) {
  std::optional<Yen> total;
  for (const auto& d : c.out.details) {
    if (d.service_type != type) continue;
    const auto* own = own_code_of(c, d);
    if (!own || !own->user_burden) continue;
    total = total.value_or(Yen{}) + Yen{own->user_burden->value * d.count};
  }
  return total;
}

UnitPrice price_for(Computation& c, const std::string& type, const TypeTerms* tt, const AggregateRow* written) {
  if (tt && tt->unit_price) return *tt->unit_price;
  c.notes.push_back(note(c, "KB02", type));
  return written ? written->unit_price : UnitPrice{1000};
}

void compute_aggregates(Computation& c) {
  c.out.aggregates.clear();
  for (const auto& type : service_types_in_order(c.written)) {
    const AggregateRow* w = c.written.aggregate(type);
    const TypeTerms* tt = terms_for(c.terms, type);
    TypeUnits u = sum_type_units(c, type, w);
    AggregateInput in;
    in.limit_units = u.limit;
    in.outside_limit_units = u.outside;
    in.plan_units = plan_limit(c, tt, w);
    in.unit_price = price_for(c, type, tt, w);
    in.insurance_rate = c.insurance_rate;
    in.fixed_user_burden = fixed_burden_of(c, type);
    in.welfare_only = c.welfare_only;
    in.order = fund_order(c.written.basic);
    for (std::size_t k = 0; k < kFundSlots; ++k) {
      const auto& slot = c.written.basic.funds[k];
      in.funds[k] = FundTerms{slot.present() && slot.rate.has_value(), slot.rate.value_or(0), u.funds[k],
                              c.self_pay_left[k]};
    }
    AggregateAmounts a = compute_aggregate(in);
    AggregateRow row;
    row.service_type = type;
    row.actual_days = w ? w->actual_days : 0;
    row.plan_units = in.plan_units ? *in.plan_units : (w ? w->plan_units : Units{});
    row.limit_units = u.limit;
    row.outside_limit_units = u.outside;
    row.insurance_units = a.benefit_units;
    row.unit_price = in.unit_price;
    row.insurance_claim = a.insurance_claim;
    row.user_burden = a.user_burden;
    row.funds = a.funds;
    // 出来高医療費 is not recomputed (as in the 基本情報 totals): the written values are kept.
    if (w) {
      row.medical = w->medical;
      row.fund_medical = w->fund_medical;
    }
    for (std::size_t k = 0; k < kFundSlots; ++k) c.self_pay_left[k] -= a.funds[k].self_pay;
    c.out.aggregates.push_back(row);
  }
}

const FacilityTerms* facility_terms_for(const StatementTerms& t, std::string_view item) {
  for (const auto& f : t.facility) {
    if (f.item_code == item) return &f;
  }
  return nullptr;
}

void compute_facility(Computation& c) {
  if (c.out.facility_costs.empty()) {
    c.out.facility_totals.reset();
    return;
  }
  FacilityCostTotals totals;
  for (auto& line : c.out.facility_costs) {
    const FacilityTerms* ft = facility_terms_for(c.terms, line.item_code);
    if (ft && ft->base_cost) line.unit_cost = yen_min(line.unit_cost, *ft->base_cost);
    if (ft && ft->burden_limit) line.burden_limit = *ft->burden_limit;
    FacilityLineInput in{line.unit_cost, line.burden_limit, line.days, line.fund_days, {}, c.welfare_only};
    for (std::size_t k = 0; k < kFundSlots; ++k) in.fund_present[k] = c.written.basic.funds[k].present();
    FacilityLineAmounts a = compute_facility_line(in);
    line.cost = a.cost;
    line.insurance_claim = a.insurance_claim;
    line.fund_burden = a.fund_burden;
    line.user_burden = a.user_burden;
    totals.cost += a.cost;
    totals.insurance_claim += a.insurance_claim;
    totals.user_burden += a.user_burden;
    for (std::size_t k = 0; k < kFundSlots; ++k) totals.funds[k].burden_total += a.fund_burden[k];
  }
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    auto& f = totals.funds[k];
    // The 公費本人負担月額 not used by the service rows is taken from the 公費 share here [INF].
    f.self_pay = yen_max(Yen{0}, yen_min(c.self_pay_left[k], f.burden_total));
    f.claim = f.burden_total - f.self_pay;
    c.self_pay_left[k] -= f.self_pay;
  }
  c.out.facility_totals = totals;
}

void compute_reductions(Computation& c) {
  for (auto& r : c.out.reductions) {
    const AggregateRow* a = c.out.aggregate(r.service_type);
    // 受領すべき利用者負担の総額: the service's 利用者負担 plus the 食費・居住費 利用者負担 on the
    // same 明細書 [INF: what exactly is included is not confirmed].
    Yen total = a ? a->user_burden : Yen{};
    if (c.out.facility_totals) total += c.out.facility_totals->user_burden;
    r.burden_total = total;
    r.reduction = welfare_reduction(total, r.rate_x10);
    r.after_reduction = total - r.reduction;
  }
}

void compute_basic_totals(Computation& c) {
  auto& b = c.out.basic;
  PayerTotals ins;
  std::array<PayerTotals, kFundSlots> funds;
  for (const auto& a : c.out.aggregates) {
    ins.units += a.insurance_units;
    ins.claim += a.insurance_claim;
    ins.burden += a.user_burden;
    for (std::size_t k = 0; k < kFundSlots; ++k) {
      funds[k].units += a.funds[k].units;
      funds[k].claim += a.funds[k].claim;
      funds[k].burden += a.funds[k].self_pay;
    }
  }
  // 緊急時施設療養費 and 特定診療費 are not recomputed: the written values are kept.
  ins.emergency_claim = c.written.basic.insurance.emergency_claim;
  ins.special_claim = c.written.basic.insurance.special_claim;
  if (c.out.facility_totals) ins.facility_claim = c.out.facility_totals->insurance_claim;
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    funds[k].emergency_claim = c.written.basic.fund_totals[k].emergency_claim;
    funds[k].special_claim = c.written.basic.fund_totals[k].special_claim;
    if (c.out.facility_totals) funds[k].facility_claim = c.out.facility_totals->funds[k].claim;
  }
  b.insurance = ins;
  b.fund_totals = funds;
}

}  // namespace

ComputeResult compute(const ClaimStatement& written, const StatementTerms& terms) {
  ComputeResult result;
  compute_into(written, terms, result);
  return result;
}

void compute_into(const ClaimStatement& written, const StatementTerms& terms, ComputeResult& result) {
  // Copy-assignment reuses the strings and vectors `result` already holds: no allocation when the
  // caller reuses one result for a stream of 明細書.
  result.statement = written;
  result.notes.clear();
  bool welfare = written.key.welfare_only();
  int rate = terms.insurance_rate.value_or(written.basic.insurance_rate.value_or(0));
  if (terms.insurance_rate && !welfare) result.statement.basic.insurance_rate = terms.insurance_rate;
  Computation c{written, terms, result.statement, result.notes, welfare, welfare ? 0 : rate, terms.fund_self_pay};
  recompute_details(c);
  compute_aggregates(c);
  compute_facility(c);
  compute_reductions(c);
  compute_basic_totals(c);
}

// ---- compare ------------------------------------------------------------------------------------

std::string Difference::to_string() const {
  std::string where = key.empty() ? fmt::format("レコード{}", record_kind)
                                  : fmt::format("レコード{}[{}]", record_kind, key);
  return fmt::format("{} {}(項番{}): 記載値 {} / 計算値 {} — written {}, computed {}", where, item_name, item_no,
                     written, computed, written, computed);
}

namespace {

// A name in two parts, joined only when a difference is reported: comparing must not allocate.
struct Name {
  Name(std::string_view a_, std::string_view b_ = {}) : a(a_), b(b_) {}  // NOLINT(google-explicit-constructor)
  Name(const std::string& a_) : a(a_) {}                                // NOLINT(google-explicit-constructor)
  Name(const char* a_) : a(a_) {}                                       // NOLINT(google-explicit-constructor)
  std::string str() const {
    std::string s;
    s.reserve(a.size() + b.size());
    s.append(a).append(b);
    return s;
  }
  std::string_view a;
  std::string_view b;
};

class Differ {
 public:
  explicit Differ(std::vector<Difference>& out) : out_(out) {}
  void item(std::string_view kind, std::size_t index, Name key, int no, Name name, std::int64_t written,
            std::int64_t computed) {
    if (written == computed) return;
    out_.push_back({std::string(kind), index, key.str(), no, name.str(), written, computed});
  }

 private:
  std::vector<Difference>& out_;
};

constexpr std::array<std::string_view, kFundSlots> kFundNames{"公費1", "公費2", "公費3"};

void compare_basic(Differ& d, const BasicInfo& w, const BasicInfo& c) {
  if (w.insurance_rate && c.insurance_rate) d.item("01", 0, "", 29, "保険給付率", *w.insurance_rate, *c.insurance_rate);
  d.item("01", 0, "", 33, "保険サービス単位数", w.insurance.units.value, c.insurance.units.value);
  d.item("01", 0, "", 34, "保険請求額", w.insurance.claim.value, c.insurance.claim.value);
  d.item("01", 0, "", 35, "保険利用者負担額", w.insurance.burden.value, c.insurance.burden.value);
  d.item("01", 0, "", 38, "保険特定入所者介護サービス費等請求額", w.insurance.facility_claim.value,
         c.insurance.facility_claim.value);
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    int base = 39 + static_cast<int>(k) * 6;
    const auto& wf = w.fund_totals[k];
    const auto& cf = c.fund_totals[k];
    std::string_view n = kFundNames[k];
    d.item("01", 0, "", base, Name{n, "サービス単位数"}, wf.units.value, cf.units.value);
    d.item("01", 0, "", base + 1, Name{n, "請求額"}, wf.claim.value, cf.claim.value);
    d.item("01", 0, "", base + 2, Name{n, "本人負担額"}, wf.burden.value, cf.burden.value);
    d.item("01", 0, "", base + 5, Name{n, "特定入所者介護サービス費等請求額"}, wf.facility_claim.value,
           cf.facility_claim.value);
  }
}

void compare_details(Differ& d, const std::vector<DetailLine>& w, const std::vector<DetailLine>& c) {
  for (std::size_t i = 0; i < std::min(w.size(), c.size()); ++i) {
    Name key{w[i].service_type, w[i].item_code};
    d.item("02", i, key, 14, "サービス単位数", w[i].service_units.value, c[i].service_units.value);
    for (std::size_t k = 0; k < kFundSlots; ++k) {
      d.item("02", i, key, 15 + static_cast<int>(k), Name{kFundNames[k], "対象サービス単位数"},
             w[i].fund_units[k].value, c[i].fund_units[k].value);
    }
  }
}

void compare_aggregate(Differ& d, std::size_t i, const AggregateRow& w, const AggregateRow& c) {
  const std::string& t = c.service_type;
  d.item("10", i, t, 9, "計画単位数", w.plan_units.value, c.plan_units.value);
  d.item("10", i, t, 10, "限度額管理対象単位数", w.limit_units.value, c.limit_units.value);
  d.item("10", i, t, 11, "限度額管理対象外単位数", w.outside_limit_units.value, c.outside_limit_units.value);
  d.item("10", i, t, 14, "保険単位数合計", w.insurance_units.value, c.insurance_units.value);
  d.item("10", i, t, 15, "保険単位数単価", w.unit_price.x100, c.unit_price.x100);
  d.item("10", i, t, 16, "保険請求額", w.insurance_claim.value, c.insurance_claim.value);
  d.item("10", i, t, 17, "保険利用者負担額", w.user_burden.value, c.user_burden.value);
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    int base = 18 + static_cast<int>(k) * 3;
    std::string_view n = kFundNames[k];
    d.item("10", i, t, base, Name{n, "単位数合計"}, w.funds[k].units.value, c.funds[k].units.value);
    d.item("10", i, t, base + 1, Name{n, "請求額"}, w.funds[k].claim.value, c.funds[k].claim.value);
    d.item("10", i, t, base + 2, Name{n, "本人負担額"}, w.funds[k].self_pay.value, c.funds[k].self_pay.value);
  }
}

void compare_aggregates(Differ& d, const ClaimStatement& w, const ClaimStatement& c) {
  for (std::size_t i = 0; i < c.aggregates.size(); ++i) {
    const AggregateRow* wa = w.aggregate(c.aggregates[i].service_type);
    if (!wa) {
      // A サービス種類 on the 明細 lines without its 集計 row: report the row as missing.
      d.item("10", i, c.aggregates[i].service_type, 7, "サービス種類コード（集計情報なし）", 0, 1);
      continue;
    }
    compare_aggregate(d, i, *wa, c.aggregates[i]);
  }
}

void compare_facility(Differ& d, const ClaimStatement& w, const ClaimStatement& c) {
  for (std::size_t i = 0; i < std::min(w.facility_costs.size(), c.facility_costs.size()); ++i) {
    const auto& wl = w.facility_costs[i];
    const auto& cl = c.facility_costs[i];
    Name key{wl.service_type, wl.item_code};
    d.item("11", i, key, 10, "費用単価", wl.unit_cost.value, cl.unit_cost.value);
    d.item("11", i, key, 11, "負担限度額", wl.burden_limit.value, cl.burden_limit.value);
    d.item("11", i, key, 16, "費用額", wl.cost.value, cl.cost.value);
    d.item("11", i, key, 17, "保険分請求額", wl.insurance_claim.value, cl.insurance_claim.value);
    for (std::size_t k = 0; k < kFundSlots; ++k) {
      d.item("11", i, key, 18 + static_cast<int>(k), Name{kFundNames[k], "負担額（明細）"},
             wl.fund_burden[k].value, cl.fund_burden[k].value);
    }
    d.item("11", i, key, 21, "利用者負担額", wl.user_burden.value, cl.user_burden.value);
  }
  if (!c.facility_totals) return;
  FacilityCostTotals wt = w.facility_totals.value_or(FacilityCostTotals{});
  const FacilityCostTotals& ct = *c.facility_totals;
  std::size_t last = c.facility_costs.empty() ? 0 : c.facility_costs.size() - 1;
  d.item("11", last, "99", 22, "費用額合計", wt.cost.value, ct.cost.value);
  d.item("11", last, "99", 23, "保険分請求額合計", wt.insurance_claim.value, ct.insurance_claim.value);
  d.item("11", last, "99", 24, "利用者負担額合計", wt.user_burden.value, ct.user_burden.value);
  for (std::size_t k = 0; k < kFundSlots; ++k) {
    int base = 25 + static_cast<int>(k) * 3;
    std::string_view n = kFundNames[k];
    d.item("11", last, "99", base, Name{n, "負担額合計"}, wt.funds[k].burden_total.value, ct.funds[k].burden_total.value);
    d.item("11", last, "99", base + 1, Name{n, "請求額"}, wt.funds[k].claim.value, ct.funds[k].claim.value);
    d.item("11", last, "99", base + 2, Name{n, "本人負担月額"}, wt.funds[k].self_pay.value, ct.funds[k].self_pay.value);
  }
}

void compare_reductions(Differ& d, const std::vector<WelfareReduction>& w, const std::vector<WelfareReduction>& c) {
  for (std::size_t i = 0; i < std::min(w.size(), c.size()); ++i) {
    const std::string& t = c[i].service_type;
    d.item("12", i, t, 9, "受領すべき利用者負担の総額", w[i].burden_total.value, c[i].burden_total.value);
    d.item("12", i, t, 10, "軽減額", w[i].reduction.value, c[i].reduction.value);
    d.item("12", i, t, 11, "軽減後利用者負担額", w[i].after_reduction.value, c[i].after_reduction.value);
  }
}

}  // namespace

std::vector<Difference> compare(const ClaimStatement& written, const ClaimStatement& computed) {
  std::vector<Difference> out;
  compare_into(written, computed, out);
  return out;
}

void compare_into(const ClaimStatement& written, const ClaimStatement& computed, std::vector<Difference>& out) {
  out.clear();
  Differ d(out);
  compare_basic(d, written.basic, computed.basic);
  compare_details(d, written.details, computed.details);
  compare_aggregates(d, written, computed);
  compare_facility(d, written, computed);
  compare_reductions(d, written.reductions, computed.reductions);
}

}  // namespace kaigo::billing
