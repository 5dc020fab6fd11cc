// settlement/withdrawals — this month's 過誤 as KagoWithdrawal values: each 過誤申立 (kago.csv) matched
// to the decided 明細書 it withdraws — the whole 明細書 of its 様式, 事業所, 保険者, 被保険者 and
// 提供年月 (review-rules §6.1) —, and the 過誤 a 給付管理票 取消 causes (申立理由 32, review-rules
// §4.4).
// Owns: the matching. Must not: look anything up in storage (the store passes the decisions in force).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kaigo/settlement/input.hpp"
#include "kaigo/settlement/kago.hpp"

namespace kaigo::settlement {

struct UnmatchedKago {
  KagoRequest request;
  std::string reason_ja;
  std::string reason_en;
};

struct KagoMatch {
  std::vector<KagoWithdrawal> withdrawals;   // in the order of the requests
  std::vector<UnmatchedKago> unmatched;  // no decided 明細書 stands under the request's key
};

// `standing`: the decisions in force (paid or cut, not yet withdrawn) of the 明細書 the requests
// name; the store may pass exactly those of the requests' keys. `already`: the 明細書 withdrawn this
// month by other means (a 給付管理票 取消); a 明細書 is withdrawn once — a second request on it is
// set aside with its reason.
KagoMatch match_kago(std::span<const KagoRequest> requests, std::span<const SettledClaim> standing,
                     std::span<const KagoWithdrawal> already = {});

// The 過誤 of a decided 明細書 whose 給付管理票 was cancelled (取消) this month: 過誤様式番号 of its
// form + 32; nullopt for a form with no 過誤様式番号 (kago_forms.tsv).
std::optional<KagoWithdrawal> withdrawal_by_plan_cancel(const SettledClaim& claim);

}  // namespace kaigo::settlement
