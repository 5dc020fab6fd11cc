// 事業所別審査状況一覧表 (seed 001 §3: 「利用者毎の審査状況等を確認することができる帳票で、インター
// ネット請求の事業所のみが送信対象」): every 明細書 of a 伝送事業所 decided this month, one row each,
// with its outcome, written and decided units and amounts and its reasons.
#include <algorithm>
#include <tuple>

#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

// 請求額 of a 明細書's amounts: 保険請求額, every 公費 請求額.
Yen claimed_money(const review::Amounts& a) {
  Yen y = a.insurance_claim;
  for (const auto& f : a.fund_claims) y = y + f;
  return y;
}

// The reasons of a decision as the list prints them: the code, 保留, 返戻 or 増減A / 増減B, each once.
std::vector<std::string> status_codes(const review::ClaimDecision& d) {
  std::vector<std::string> out;
  for (const auto& f : d.findings) {
    std::string code = f.kind == review::FindingKind::Cut
                           ? "増減" + std::string(review::kCutReasons.code(f.cut))
                           : f.remark();
    if (!code.empty() && std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
  }
  return out;
}

ReviewStatusLine status_line(const SettledClaim& c, const Names& names) {
  const auto& k = c.statement.key;
  const auto& d = c.decision;
  ReviewStatusLine l;
  l.claim_id = d.claim_id;
  l.insurer_no = k.insurer_no;
  l.insured_no = k.insured_no;
  l.name_kana = names.name_kana(k.insurer_no, k.insured_no, k.service_month);
  l.service_month = k.service_month;
  l.form = k.form_id;
  l.outcome = d.outcome;
  l.released = d.released;
  const auto written = d.written_total();
  const auto decided = d.decided_total();
  l.written_units = written.units;
  l.decided_units = decided.units;
  l.written_claim = claimed_money(written) + claimed_money(d.facility_written);
  l.decided_claim = claimed_money(decided) + claimed_money(d.facility_decided);
  l.codes = status_codes(d);
  return l;
}

}  // namespace

std::vector<ReviewStatusLine> review_status(const OfficeMonth& om, const Names& names) {
  std::vector<ReviewStatusLine> out;
  if (!om.internet) return out;
  for (const auto* c : om.claims) out.push_back(status_line(*c, names));
  auto order = [](const ReviewStatusLine& l) {
    return std::tie(l.insured_no, l.service_month, l.form, l.insurer_no, l.claim_id);
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
  return out;
}

}  // namespace kaigo::settlement
