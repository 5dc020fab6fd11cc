// 7621 再審査決定通知書: each サービス種類 of a 明細書 decided again this month that was cut before
// or is cut now, one line per payer: 当初請求 / 原審 / 申立 / 決定 / 調整 units and the amount paid
// now (claims-format §7.7; seed 002 §5(2): the 100 units restored by a 修正); and each 再審査申立
// decided this month (71B2), its サービス種類 only, with its 再審査申立事由コード and 事由.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/rereview.hpp"
#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

// 再審査申立事由 of a 再審査 that follows a 給付管理票 修正: no 申立 was made, so no code [INF].
constexpr std::string_view kPlanCorrection = "給付管理票の修正";

using PartKey = std::tuple<std::string, bool, std::string>;  // payer, fund, サービス種類

std::map<PartKey, PayerPart> by_key(std::vector<PayerPart> parts) {
  std::map<PartKey, PayerPart> out;
  for (auto& p : parts) {
    if (!p.facility) out[{p.payer_no, p.fund, p.service_type}] = std::move(p);
  }
  return out;
}

// The サービス種類 printed: the one appealed, or each cut before or after a 修正.
std::set<std::string> reviewed_types(const RereviewOutcome& r) {
  if (r.appeal) return {r.appeal->service_type};
  std::set<std::string> types;
  for (const auto* d : {&r.before, &r.after}) {
    for (const auto& row : d->rows) {
      if (row.cut != review::CutReason::None) types.insert(row.service_type);
    }
  }
  return types;
}

void add_lines(const RereviewOutcome& r, const Names& names, std::vector<RereviewLine>& out) {
  const auto& k = r.statement.key;
  const auto written = by_key(payer_parts(r.statement, r.before, Side::Written));
  const auto before = by_key(payer_parts(r.statement, r.before, Side::Decided));
  const auto after = by_key(payer_parts(r.statement, r.after, Side::Decided));
  const auto types = reviewed_types(r);
  const std::string kana = names.name_kana(k.insurer_no, k.insured_no, k.service_month);
  for (const auto& [key, w] : written) {
    if (!types.count(w.service_type)) continue;
    const PayerPart none;
    const auto& b = before.count(key) ? before.at(key) : none;
    const auto& a = after.count(key) ? after.at(key) : none;
    RereviewLine l;
    static_cast<ClaimPartColumns&>(l) = names.claim_part(r.before.claim_id, w, k, kana);
    l.claimed = w.units;
    l.original = b.units;
    if (r.appeal) {
      // 申立単位数 is the 保険's; a 公費 line asks for its share of it, at most its claimed units.
      l.appeal_code = r.appeal->code;
      l.appeal_reason = r.appeal->reason;
      l.requested = w.fund ? std::min(r.appeal->requested, w.units) : r.appeal->requested;
    } else {
      l.appeal_reason = std::string(kPlanCorrection);
      l.requested = w.units;
    }
    l.decided = a.units;
    l.adjusted = a.units - b.units;
    l.result = rereview_result(l.original, l.decided, l.requested);
    l.requested_benefit = w.benefit;
    l.decided_benefit = a.benefit;
    l.adjusted_benefit = a.benefit - b.benefit;
    out.push_back(std::move(l));
  }
}

}  // namespace

RereviewTable rereview_table(const OfficeMonth& om, const Names& names) {
  std::vector<const RereviewOutcome*> rs(om.rereviews.begin(), om.rereviews.end());
  auto key = [](const RereviewOutcome* r) {
    const auto& k = r->statement.key;
    return std::make_tuple(insurer8(k.insurer_no), k.insured_no, k.service_month, k.form_id, r->before.claim_id);
  };
  std::sort(rs.begin(), rs.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
  RereviewTable t;
  for (const auto* r : rs) add_lines(*r, names, t.lines);
  for (const auto& l : t.lines) {
    t.requested = {t.requested.count + 1, t.requested.units + l.requested, t.requested.benefit + l.requested_benefit};
    t.decided = {t.decided.count + 1, t.decided.units + l.decided, t.decided.benefit + l.decided_benefit};
    t.adjusted = {t.adjusted.count + 1, t.adjusted.units + l.adjusted, t.adjusted.benefit + l.adjusted_benefit};
  }
  return t;
}

}  // namespace kaigo::settlement
