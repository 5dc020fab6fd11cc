// settlement/kago — 過誤申立 received from insurers (DESIGN §3.2 kago.csv; seed 002 §7): which
// decided 明細書 to withdraw, and whether the withdrawal is 通常過誤 (netted against this month's
// payment) or 同月過誤 (the re-claim of the same month is paid in the same run).
// Owns: the 申立事由コード tables (kago_reasons.tsv, kago_forms.tsv — seed 002 §7(3) (A)(B)) and
// the strict loader of kago.csv. Must not: find or withdraw the claims (settlement does).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::settlement {

// 申立理由番号 (the last two characters; may be alphanumeric, e.g. 4D). 32 (給付管理票取消) is
// the reason of the 過誤 a 給付管理票 取消 causes (review-rules §4.4, §6.2).
struct KagoReason {
  std::string code;
  std::string name;
  bool same_month = false;  // 同月過誤
  std::string short_name;   // as printed in the 過誤申立事由 of the 過誤決定通知書 (at most 14 全角)
};

// 過誤様式番号 (the first two characters) → the 明細書 form it withdraws.
struct KagoForm {
  std::string kago_form;
  std::string form_id;  // 交換情報識別番号 of the 明細書
  bool sougou = false;  // 総合事業 (shares numbers with 介護給付: seed 002 §7(3) note)
  std::string name;
};

const KagoReason* find_kago_reason(std::string_view reason);
// The forms a 過誤様式番号 can mean (介護給付 first).
std::vector<const KagoForm*> kago_forms_of(std::string_view kago_form);
// The 過誤様式番号 entry of a 明細書 form (7131 → 10, 71R1 → 10 総合事業), or nullptr.
const KagoForm* kago_form_for(std::string_view form_id);

// 過誤申立 — one row of kago.csv.
struct KagoRequest {
  // The 明細書 to withdraw; the 保険者番号 as written, the form given or derived from the 様式番号.
  billing::StatementKey key;
  std::string kago_code;  // 申立事由コード (4)
  Date filed_on;
  bool same_month = false;
  std::string reason_name;
  std::uint64_t line = 0;
};

// Project codes of the 過誤 loader; their texts are in core/error_codes.tsv.
namespace code {
inline constexpr std::string_view kUnknownForm = "KG01";    // the 過誤 form number is unknown
inline constexpr std::string_view kUnknownReason = "KG02";  // the reason number is unknown
inline constexpr std::string_view kFormMismatch = "KG03";   // form_no and the form number disagree
inline constexpr std::string_view kDuplicate = "KG04";      // two requests for one 明細書
}  // namespace code

// Parses kago.csv (UTF-8, header row). All or nothing: any error → no table.
master::LoadResult<std::vector<KagoRequest>> load_kago(std::string_view text, const std::string& file_name);

}  // namespace kaigo::settlement
