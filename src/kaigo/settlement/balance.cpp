// check_balance: every yen of the month accounted for, recomputed from the input's decisions.
#include <fmt/format.h>
#include <map>

#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/settle.hpp"

namespace kaigo::settlement {
namespace {

// What a decision pays: 保険 + 公費 of every 集計 row and of the 特定入所者, 出来高 included.
Yen paid_amount(const billing::ClaimStatement& st, const review::ClaimDecision& d) {
  if (!is_paid(d)) return {};
  const auto t = d.decided_total();
  Yen sum = t.insurance_claim;
  for (const auto& f : t.fund_claims) sum += f;
  for (const auto& row : d.rows) {
    const auto* a = st.aggregate(row.service_type);
    if (!a) continue;
    sum += a->medical.claim;
    for (const auto& m : a->fund_medical) sum += m.claim;
  }
  return sum;
}

struct Expected {
  Yen decided, withdrawn, restored;
  Yen net() const { return decided - withdrawn + restored; }
};

std::map<std::string, Expected> expected_by_office(const SettlementInput& in, const MonthSettlement& s) {
  std::map<std::string, Expected> by;
  for (const auto& c : in.claims) by[c.statement.key.office_no].decided += paid_amount(c.statement, c.decision);
  for (const auto& w : in.withdrawals)
    by[w.claim.statement.key.office_no].withdrawn += paid_amount(w.claim.statement, w.claim.decision);
  for (const auto& r : s.rereviewed) {
    by[r.office_no].restored += paid_amount(r.statement, r.after) - paid_amount(r.statement, r.before);
  }
  return by;
}

class Problems {
 public:
  explicit Problems(std::vector<std::string>& out) : out_(out) {}
  void expect(const std::string& office, std::string_view what_ja, std::string_view what_en, Yen got, Yen want) {
    if (got == want) return;
    // An empty office: the month as a whole.
    out_.push_back(fmt::format("{}: {} {} ≠ {} / {}: {} {} != {}", office.empty() ? "全体" : office, what_ja, got.value,
                               want.value, office.empty() ? "total" : office, what_en, got.value, want.value));
  }

 private:
  std::vector<std::string>& out_;
};

Yen benefit(const QuantityPair& q) { return q.service.benefit + q.facility.benefit; }

void check_tables(const OfficeResult& r, Problems& p) {
  const auto& no = r.office.office_no;
  const auto& pay = r.payment;
  for (const auto* b : {&r.care_breakdown, &r.sougou_breakdown}) {
    QuantityPair t1;
    for (const auto& row : b->rows) t1 += row.amounts;
    p.expect(no, "内訳書 T1（D1 の計）", "breakdown T1 (sum of D1)", benefit(b->total), benefit(t1));
    p.expect(no, "内訳書 T3（T1 − T2）", "breakdown T3 (T1 - T2)", benefit(b->decided), benefit(b->total) - benefit(b->adjustment));
  }
  p.expect(no, "介護給付費 T3", "care T3", benefit(r.care_breakdown.decided), pay.care.net());
  p.expect(no, "総合事業費 T3", "sougou T3", benefit(r.sougou_breakdown.decided), pay.sougou.net());
  p.expect(no, "過誤決定通知書", "kago notices", r.care_kago.total.benefit + r.care_kago.total.facility_benefit +
           r.sougou_kago.total.benefit + r.sougou_kago.total.facility_benefit, pay.care.withdrawn + pay.sougou.withdrawn);
  p.expect(no, "再審査決定通知書", "rereview notice", r.rereviews.adjusted.benefit, pay.care.restored + pay.sougou.restored);
}

void check_payment(const OfficeResult& r, const Expected& e, Problems& p) {
  const auto& no = r.office.office_no;
  const auto& pay = r.payment;
  p.expect(no, "決定額", "decided", pay.care.decided + pay.sougou.decided, e.decided);
  p.expect(no, "過誤額", "withdrawn", pay.care.withdrawn + pay.sougou.withdrawn, e.withdrawn);
  p.expect(no, "再審査額", "restored", pay.care.restored + pay.sougou.restored, e.restored);
  Yen payers;
  for (const auto& x : pay.payers) payers += x.net();
  p.expect(no, "支払者別の計", "sum over payers", payers, e.net());
  p.expect(no, "合計金額", "total", pay.total, e.net() - pay.certificate_fee);
  p.expect(no, "振込 − 繰越 − 返納", "transfer - carried - billed", pay.transfer - pay.carried_out - pay.billed,
           e.net() - pay.certificate_fee - pay.license_fee - pay.carried_in);
  const int nonzero = (pay.transfer != Yen{}) + (pay.carried_out != Yen{}) + (pay.billed != Yen{});
  if (pay.transfer < Yen{} || pay.carried_out < Yen{} || pay.billed < Yen{} || nonzero > 1) {
    p.expect(no, "振込・繰越・返納の符号", "signs of transfer, carried, billed", Yen{nonzero}, Yen{1});
  }
}

}  // namespace

std::vector<std::string> check_balance(const SettlementInput& in, const MonthSettlement& s) {
  std::vector<std::string> out;
  Problems p(out);
  auto expected = expected_by_office(in, s);
  Expected all;
  Yen transfers, fees, carried_in;
  for (const auto& r : s.offices) {
    const Expected e = expected.count(r.office.office_no) ? expected.at(r.office.office_no) : Expected{};
    expected.erase(r.office.office_no);
    check_payment(r, e, p);
    check_tables(r, p);
    all.decided += e.decided;
    all.withdrawn += e.withdrawn;
    all.restored += e.restored;
    transfers += r.payment.transfer - r.payment.carried_out - r.payment.billed;
    fees += r.payment.certificate_fee + r.payment.license_fee;
    carried_in += r.payment.carried_in;
  }
  for (const auto& [office, e] : expected) p.expect(office, "精算されていない事業所", "office not settled", Yen{}, e.net());
  p.expect("", "振込 − 繰越 − 返納", "transfer - carried - billed", transfers, all.net() - fees - carried_in);
  return out;
}

}  // namespace kaigo::settlement
