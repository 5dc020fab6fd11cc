// settlement/rereview — 再審査 of a decided 明細書 whose 給付管理票 was corrected (修正; seed 002
// §5(2), review-rules §4.4): each サービス種類 inside the 区分支給限度 is matched again against the
// corrected plan's line of its 事業所 × 種類 exactly as the review matches (no line → 増減 A = 0,
// fewer planned → 増減 B), the amounts are recomputed with billing::compute, and the difference
// is paid (or recovered) in the month of the 修正.
// Only 明細書 that had a cut are decided again [INF: seed 002 and review-rules §4.4 speak of the
// claims that were cut or zero-assessed]; a plan lowered by the 修正 can cut further (減点).
// Owns: the new decision. Must not: store it (the store keeps it as the claim's decision in force).
#pragma once
#include <optional>

#include "kaigo/review/review.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::settlement {

// The decision in force before and after; nullopt when the 明細書 had no cut (nothing to decide).
std::optional<RereviewOutcome> rereview(const RereviewRequest& request, const review::ReviewContext& context);

// 再審査結果コード from the units before (原審), decided now and asked for (申立).
RereviewResult rereview_result(Units original, Units decided, Units requested);

}  // namespace kaigo::settlement
