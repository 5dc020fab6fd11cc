// core/error_codes — every code kaigo lists, in one table (error_codes.tsv): the 国保連's 返戻・査定
// codes (ABB0, ADD0, 12PA, ANN4, ASSA …), the 備考 words of the 返戻（保留）一覧 (保留, 返戻) and the
// 増減 事由 of the 増減単位数通知書, and the project's codes (KP pre-check, KC reader, KR reception,
// KS settings, KG 過誤申立, KM masters and ledgers, KB calculator notes). For each: the エラー内容
// in Japanese and English, the 返戻一覧 事由 when the review lists it, the reader's message
// template, the usual cause and what to do, and where it comes from. The pre-check's error list,
// the review's 返戻（保留）一覧 and the reader all word a code from here, so a code reads the same
// whichever part raised it (docs/diagnostics.md).
// Owns: the table and its lookup. Must not: decide when a code applies.
#pragma once
#include <span>
#include <string_view>

namespace kaigo {

struct ErrorCode {
  std::string_view code;      // 4 characters, or a 備考 / 増減 word (保留, 返戻, 増減A …)
  char list_reason = 0;       // 返戻一覧 事由 (A 一次, B 資格, C 給付管理票, D 計画費) when the review lists it
  std::string_view title_ja;  // エラー内容 (the official wording where one is published)
  std::string_view title_en;
  std::string_view detail_ja;  // the reader's message (fmt template, {0} …); empty for other codes
  std::string_view detail_en;
  std::string_view cause_ja;   // 原因: the usual cause
  std::string_view action_ja;  // 対応: what the sender should do
  std::string_view cause_en;
  std::string_view action_en;
  std::string_view source;     // [INF] marks what no source states
};

// Every code, in table order; throws std::runtime_error on a malformed table.
std::span<const ErrorCode> error_codes();
// The entry of `code`, or nullptr.
const ErrorCode* find_error_code(std::string_view code);
// The entry of `code`; throws std::logic_error for a code not in the table (a programming error).
const ErrorCode& error_code(std::string_view code);

}  // namespace kaigo
