// settlement/payment — what an office is paid for a review month (review-rules §6.3 [INF], seed 002
// §7, seed 000 §3(1), seed 001 §7):
//   per payer and program:  decided − 過誤 + 再審査          (7521 / 7541 T3 介護給付費)
//   合計金額               = 介護給付費 + 総合事業費 − 電子証明書発行手数料   (7513 items 11, 16, 17, 18)
//   net                    = 合計金額 − ライセンス料 − 前月までの繰越
//   振込金額               = net when ≥ 0; else 0, and −net is carried to the next month or billed
//                            to the office (settings: settlement.negative).
// 通常過誤 and 同月過誤 net alike: a 同月過誤's re-claim is simply one of this month's 明細書 (seed 002
// §7: 2,000 − 1,800 = 200 円; 2,000 + 1,500 − 1,800 = 1,700 円).
// Owns: that arithmetic and the fee lookup. Must not: format the 7513.
#pragma once
#include <vector>

#include "kaigo/core/settings.hpp"
#include "kaigo/settlement/office_month.hpp"

namespace kaigo::settlement {

// `notes` receives the fees that could not be charged (no rule for the date, a second license of
// the same office in one month).
OfficePayment office_payment(const OfficeMonth& om, const SettlementSettings& settings, std::vector<SettlementNote>& notes);

}  // namespace kaigo::settlement
