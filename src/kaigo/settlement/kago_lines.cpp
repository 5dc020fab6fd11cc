// 7611 / 7631 過誤決定通知書: each 明細書 withdrawn this month, one line per payer and サービス種類,
// with the decided units and amounts that are taken back (seed 002 §7; claims-format §7.6).
#include <algorithm>
#include <set>
#include <tuple>

#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/kago.hpp"
#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

std::string reason_name(const std::string& kago_code) {
  const auto* r = kago_code.size() == 4 ? find_kago_reason(std::string_view(kago_code).substr(2)) : nullptr;
  return r ? r->short_name : std::string();
}

void add_lines(const KagoWithdrawal& w, const Names& names, std::vector<KagoLine>& out) {
  const auto& st = w.claim.statement;
  const auto& k = st.key;
  const std::string kana = names.name_kana(k.insurer_no, k.insured_no, k.service_month);
  for (const auto& p : payer_parts(w.claim, Side::Decided)) {
    KagoLine l;
    static_cast<ClaimPartColumns&>(l) = names.claim_part(w.claim.decision.claim_id, p, k, kana);
    l.kago_code = w.kago_code;
    l.reason_name = reason_name(w.kago_code);
    l.same_month = w.same_month;
    l.facility = p.facility;
    l.units_or_cost = p.facility ? p.cost.value : p.units.value;
    l.benefit = p.benefit;
    out.push_back(std::move(l));
  }
}

KagoTotals totals(const std::vector<KagoLine>& lines) {
  KagoTotals t;
  std::set<std::pair<std::string, std::string>> claims, facility_claims;
  for (const auto& l : lines) {
    if (l.facility) {
      facility_claims.insert({l.claim_id, l.payer_no});
      t.facility_cost += Yen{l.units_or_cost};
      t.facility_benefit += l.benefit;
    } else {
      claims.insert({l.claim_id, l.payer_no});
      t.units += Units{l.units_or_cost};
      t.benefit += l.benefit;
    }
  }
  t.count = static_cast<std::int64_t>(claims.size());
  t.facility_count = static_cast<std::int64_t>(facility_claims.size());
  return t;
}

}  // namespace

KagoTable kago_table(const OfficeMonth& om, Program program, const Names& names) {
  std::vector<const KagoWithdrawal*> ws;
  for (const auto* w : om.withdrawals) {
    if (program_of(w->claim.statement.key.form_id) == program) ws.push_back(w);
  }
  auto key = [](const KagoWithdrawal* w) {
    const auto& k = w->claim.statement.key;
    return std::make_tuple(insurer8(k.insurer_no), k.insured_no, k.service_month, k.form_id, w->claim.decision.claim_id);
  };
  std::sort(ws.begin(), ws.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
  KagoTable t;
  for (const auto* w : ws) add_lines(*w, names, t.lines);
  t.total = totals(t.lines);
  return t;
}

}  // namespace kaigo::settlement
