// settlement/rereview — 再審査 of a decided 明細書 whose 給付管理票 was corrected (修正; seed 002
// §5(2), review-rules §4.4): each サービス種類 inside the 区分支給限度 is matched again against the
// corrected plan's line of its 事業所 × 種類 exactly as the review matches (no line → 増減 A = 0,
// fewer planned → 増減 B), the amounts are recomputed with billing::compute, and the difference
// is paid (or recovered) in the month of the 修正.
// Only 明細書 that had a cut are decided again [INF: seed 002 and review-rules §4.4 speak of the
// claims that were cut or zero-assessed]; a plan lowered by the 修正 can cut further (減点).
// A 再審査申立 (settlement/appeal) is decided here too: the request is matched to the decision in
// force of the 明細書 it names, and the サービス種類 it appeals is set to the units the 審査委員会
// restored (or left as it was: 原審どおり), the amounts recomputed the same way.
// Owns: the new decision. Must not: store it (the store keeps it as the claim's decision in force).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kaigo/core/diagnostic.hpp"

#include "kaigo/review/review.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::settlement {

// The decision in force before and after; nullopt when the 明細書 had no cut (nothing to decide).
std::optional<RereviewOutcome> rereview(const RereviewRequest& request, const review::ReviewContext& context);

// The 再審査申立 matched to the 明細書 they name, and those refused with their reason (a Diagnostic
// naming `file_name`, the request's line and the column at fault).
struct AppealMatch {
  std::vector<AppealRereview> matched;  // in the order of the requests
  Diagnostics refused;
};

// `standing`: the decisions in force of the 明細書 the requests name (the store passes those under
// their keys). A request is refused when no decided 明細書 stands under its key (KV05), when that
// decision is of `month` itself (KV06: a decision is appealed in a later month), when the
// サービス種類・項目 is not on the 明細書 (KV07), when the サービス種類 was not cut (KV08), when its
// 事由 is against another 査定事由 (KV09), and when a restoration asks for no more than was decided
// (KV10).
AppealMatch match_appeals(std::span<const RereviewAppeal> appeals, std::span<const SettledClaim> standing,
                          YearMonth month, const std::string& file_name);

// The decision after the 審査委員会's: the appealed サービス種類 at the decided units (原審どおり:
// unchanged; restored: decided_units, or min(申立単位数, 当初請求単位数)).
RereviewOutcome decide_appeal(const AppealRereview& appeal, const review::ReviewContext& context);

// 再審査結果コード from the units before (原審), decided now and asked for (申立).
RereviewResult rereview_result(Units original, Units decided, Units requested);

}  // namespace kaigo::settlement
