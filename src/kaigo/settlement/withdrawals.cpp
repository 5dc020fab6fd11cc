#include "kaigo/settlement/withdrawals.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

#include "kaigo/master/ledgers.hpp"
#include "kaigo/settlement/claim_money.hpp"

namespace kaigo::settlement {
namespace {

// 明細書 identity with the 証記載保険者番号 as the ledger writes it (6 or 8 digits alike).
std::string key_of(std::string_view form, YearMonth month, std::string_view office, std::string_view insurer,
                   std::string_view insured) {
  return fmt::format("{}|{}|{}|{}|{}", form, month.str(), office, master::normalize_insurer_no(insurer), insured);
}

}  // namespace

KagoMatch match_kago(std::span<const KagoRequest> requests, std::span<const SettledClaim> standing,
                     std::span<const KagoWithdrawal> already) {
  std::set<std::string> withdrawn;
  for (const auto& w : already) withdrawn.insert(w.claim.decision.claim_id);
  std::map<std::string, const SettledClaim*> by_key;
  for (const auto& c : standing) {
    if (!is_paid(c.decision)) continue;
    const auto& k = c.statement.key;
    by_key[key_of(k.form_id, k.service_month, k.office_no, k.insurer_no, k.insured_no)] = &c;
  }
  KagoMatch m;
  for (const auto& r : requests) {
    auto it = by_key.find(key_of(r.form_id, r.service_month, r.office_no, r.insurer_no, r.insured_no));
    if (it == by_key.end()) {
      m.unmatched.push_back({r, fmt::format("過誤申立（{} 行目）の明細書が決定済みのものにありません", r.line),
                             fmt::format("過誤 request (line {}) names no decided 明細書", r.line)});
      continue;
    }
    if (!withdrawn.insert(it->second->decision.claim_id).second) {
      m.unmatched.push_back(
          {r, fmt::format("過誤申立（{} 行目）の明細書は今月すでに過誤で取り下げられています", r.line),
           fmt::format("過誤 request (line {}): its 明細書 is already withdrawn this month", r.line)});
      continue;
    }
    m.withdrawals.push_back({r.kago_code, r.same_month, *it->second});
  }
  return m;
}

std::optional<KagoWithdrawal> withdrawal_by_plan_cancel(const SettledClaim& claim) {
  const auto* form = kago_form_for(claim.statement.key.form_id);
  if (!form) return std::nullopt;
  return KagoWithdrawal{form->kago_form + "32", false, claim};
}

}  // namespace kaigo::settlement
