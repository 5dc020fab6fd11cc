#include "kaigo/settlement/withdrawals.hpp"

#include <fmt/format.h>
#include <set>
#include <unordered_map>

#include "kaigo/billing/keys.hpp"
#include "kaigo/settlement/detail/claim_money.hpp"

namespace kaigo::settlement {

KagoMatch match_kago(std::span<const KagoRequest> requests, std::span<const SettledClaim> standing,
                     std::span<const KagoWithdrawal> already) {
  std::set<std::string> withdrawn;
  for (const auto& w : already) withdrawn.insert(w.claim.decision.claim_id);
  std::unordered_map<billing::ClaimKey, const SettledClaim*> by_key;
  for (const auto& c : standing) {
    if (is_paid(c.decision)) by_key[billing::ClaimKey::from(c.statement.key)] = &c;
  }
  KagoMatch m;
  for (const auto& r : requests) {
    auto key = billing::ClaimKey::of(r.key);
    auto it = key ? by_key.find(*key) : by_key.end();
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
