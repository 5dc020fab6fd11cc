// precheck/codes — the explanation of every error code the system lists (error_codes.tsv): the
// short エラー内容 and, for the error list, the usual cause and what to do, in Japanese and English.
// The review uses the same table for its 返戻（保留）一覧.
// Owns: the table and its lookup. Must not: decide when a code applies.
#pragma once
#include <span>
#include <string_view>

namespace kaigo::precheck {

struct CodeText {
  std::string_view code;
  std::string_view title_ja;   // エラー内容 (the official wording where one is published)
  std::string_view title_en;
  std::string_view cause_ja;   // 原因: the usual cause
  std::string_view action_ja;  // 対応: what the sender should do
  std::string_view cause_en;
  std::string_view action_en;
  std::string_view source;
};

// Every code, in table order; throws std::runtime_error on a malformed table.
std::span<const CodeText> code_texts();
// The text of one code, or nullptr.
const CodeText* code_text(std::string_view code);

}  // namespace kaigo::precheck
