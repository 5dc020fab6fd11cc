// review/codes — the review's error codes as data: each code's 返戻一覧 事由 (A–D), its message in
// Japanese and English and where it comes from (review-rules §1.3, claims-format §8.4, seed 002 §5),
// and the builders of the findings that carry them.
// Owns: the texts and the 事由 of every code the review raises. Must not: decide when to raise them.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/review/decision.hpp"

namespace kaigo::review {

struct CodeText {
  std::string_view code;
  char list_reason;  // 返戻一覧 事由
  std::string_view ja;
  std::string_view en;
  std::string_view source;  // [INF] marks what no source states
};

// The entry of `code`; throws std::logic_error for a code not in the table (a programming error).
const CodeText& code_text(std::string_view code);

// A coded error on `item` (項目名).
Finding error(std::string_view code, std::string item, std::string service_type = {}, std::string found = {},
              std::string expected = {});

// 保留 / hold ended: the texts differ for a サービス計画費 (様式第七: 事由 D) and other 明細書 (事由 C).
Finding hold(bool care_plan_fee);
Finding hold_ended(bool care_plan_fee);

// A 増減 row: `claimed` units cut to `decided` (found = 請求単位数, expected = 確定単位数).
Finding cut(CutReason reason, std::string service_type, Units claimed, Units decided);

// The same mismatch returned instead of cut (備考 「返戻」, 事由 C).
Finding plan_mismatch(CutReason reason, std::string service_type, Units claimed, Units planned);

}  // namespace kaigo::review
