// review/codes — the findings the review raises, worded from the one table of codes
// (core/error_codes.tsv): each carries its code's エラー内容 and 返戻一覧 事由 (A–D), so that a code
// reads the same on the 返戻（保留）一覧 whether the review or the 事前チェック raised it.
// Owns: building the findings. Must not: decide when to raise them, or hold any text of its own.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/review/decision.hpp"

namespace kaigo::review {

// A coded error on `item` (項目名). Throws std::logic_error for a code not in the table.
Finding error(std::string_view code, std::string_view item, std::string_view service_type = {},
              std::string_view found = {}, std::string_view expected = {});

// 保留 / hold ended: the texts differ for a サービス計画費 (様式第七: 事由 D) and other 明細書 (事由 C).
Finding hold(bool care_plan_fee);
Finding hold_ended(bool care_plan_fee);

// A 増減 row: `claimed` units cut to `decided` (found = 請求単位数, expected = 確定単位数).
Finding cut(CutReason reason, std::string service_type, Units claimed, Units decided);

// The same mismatch returned instead of cut (備考 「返戻」, 事由 C).
Finding plan_mismatch(CutReason reason, std::string service_type, Units claimed, Units planned);

}  // namespace kaigo::review
