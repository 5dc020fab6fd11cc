// settlement/claim_money — the money of one decided 明細書 split by payer (保険者 and each 公費負担者)
// and サービス種類, as the 支払決定額内訳書 (7521/7541) and the 過誤決定通知書 (7611/7631) show it:
// days, units, 費用額 and 介護給付費 (the payer's share). 出来高医療費 (緊急時施設療養費・特定診療費)
// and 特定入所者介護サービス費等 belong to the payer parts too.
// Owns: that split. Must not: decide anything (review did) or format notices.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/settlement/input.hpp"

namespace kaigo::settlement {

// サービス種類 under which the 特定入所者介護サービス費等 (補足給付) is shown [INF]: the サービス種類
// of its 特定入所者介護サービス費用情報 records (review-rules §2.5).
inline constexpr std::string_view kFacilityServiceType = "59";

// One payer's part of one 集計 row (or of the 特定入所者 totals) of a 明細書.
struct PayerPart {
  std::string payer_no;      // 証記載保険者番号 (8 digits) or 公費負担者番号 (8)
  bool fund = false;         // 公費負担者
  std::string service_type;  // サービス種類コード; kFacilityServiceType for 特定入所者
  bool facility = false;     // 特定入所者介護サービス費等 (no units)
  std::int64_t days = 0;     // サービス実日数 / 特定入所者 日数
  Units units;               // 給付単位数 (保険) / 公費対象単位数 (公費), 出来高 included
  Yen cost;                  // 費用額 (金額)
  Yen benefit;               // 介護給付費: what the payer pays (請求額, 出来高 included)
};

enum class Side { Written, Decided };

// The parts of a 明細書 as written, or as decided (none when held or returned), in 集計 order,
// 保険 before 公費1–3, 特定入所者 last. A 生保単独 明細書 has no 保険 part.
std::vector<PayerPart> payer_parts(const SettledClaim& claim, Side side);
// The same with the decided rows of `decision` in place of the claim's own (for 再審査).
std::vector<PayerPart> payer_parts(const billing::ClaimStatement& st, const review::ClaimDecision& decision,
                                   Side side);

// 介護給付費 of the parts: services (facility = false) or 特定入所者 (facility = true).
Yen benefit_of(const std::vector<PayerPart>& parts, bool facility);

// Whether the decision pays the 明細書 this month (決定 or 査定).
bool is_paid(const review::ClaimDecision& d);

// The 単位数 the office wrote on the service rows of the 明細書 (before any 査定).
Units written_units(const review::ClaimDecision& d);

// 証記載保険者番号 as the notices print it: 8 digits, zero-padded on the left (8222 and 様式第七
// write 6).
std::string insurer8(std::string_view insurer_no);

}  // namespace kaigo::settlement
