// 7311 審査増減単位数通知書: every サービス項目 of each cut サービス種類, the change on its last line
// (seed 002 §5(2): 「65 1111」 then 「65 6107 −1,719 Ａ …」).
#include <algorithm>
#include <tuple>

#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/detail/tables.hpp"

namespace kaigo::settlement {
namespace {

// The サービス項目コード of the type's 明細, each once, ordered by its last occurrence (so the
// type's last 明細 — where the change is printed — comes last).
std::vector<std::string> item_codes(const billing::ClaimStatement& st, const review::RowDecision& row) {
  std::vector<std::string> codes;
  for (const auto& l : st.details) {
    if (l.service_type != row.service_type) continue;
    std::erase(codes, l.item_code);
    codes.push_back(l.item_code);
  }
  if (codes.empty() || codes.back() != row.last_item_code) {
    std::erase(codes, row.last_item_code);
    codes.push_back(row.last_item_code);
  }
  return codes;
}

std::string_view cut_text(const review::ClaimDecision& d, const review::RowDecision& row) {
  for (const auto& f : d.findings) {
    if (f.kind == review::FindingKind::Cut && f.service_type == row.service_type) return f.message_ja;
  }
  return {};
}

void add_lines(const SettledClaim& c, const Names& names, std::vector<CutLine>& out) {
  const auto& st = c.statement;
  const auto& d = c.decision;
  const std::string kana = names.name_kana(st.key.insurer_no, st.key.insured_no, st.key.service_month);
  for (const auto& row : d.rows) {
    if (row.cut == review::CutReason::None) continue;
    const auto* a = st.aggregate(row.service_type);
    const Units claimed = a ? a->insurance_units - a->outside_limit_units : row.written.units;
    for (const auto& code : item_codes(st, row)) {
      CutLine l;
      l.claim_id = d.claim_id;
      l.insurer_no = insurer8(st.key.insurer_no);
      l.insured_no = st.key.insured_no;
      l.name_kana = kana;
      l.service_month = st.key.service_month;
      l.service_type = row.service_type;
      l.item_code = code;
      out.push_back(std::move(l));
    }
    auto& last = out.back();
    last.last = true;
    last.change = row.change();
    last.reason = row.cut;
    last.content = std::string(cut_text(d, row));
    last.claimed_units = claimed;
    last.decided_units = claimed + row.change();
  }
}

}  // namespace

std::vector<CutLine> cut_lines(const OfficeMonth& om, const Names& names) {
  std::vector<const SettledClaim*> cut;
  for (const auto* c : om.claims) {
    if (c->decision.outcome == review::ClaimOutcome::Cut) cut.push_back(c);
  }
  auto key = [](const SettledClaim* c) {
    const auto& k = c->statement.key;
    return std::make_tuple(insurer8(k.insurer_no), k.insured_no, k.service_month, k.form_id, c->decision.claim_id);
  };
  std::sort(cut.begin(), cut.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
  std::vector<CutLine> out;
  for (const auto* c : cut) add_lines(*c, names, out);
  return out;
}

}  // namespace kaigo::settlement
