#include "kaigo/exchange/codec_diagnostics.hpp"

#include <array>

#include "kaigo/core/error_codes.hpp"

namespace kaigo::exchange {
namespace {

// The reader takes a file in despite these two: they are warnings, the others errors.
constexpr bool is_warning(CodecIssue issue) { return issue == CodecIssue::NoFinalNewline || issue == CodecIssue::EmptyLine; }

std::array<CodecIssueText, kCodecIssues.rows.size()> load() {
  std::array<CodecIssueText, kCodecIssues.rows.size()> out{};
  for (const auto& row : kCodecIssues.rows) {
    const ErrorCode& e = error_code(row.code);
    out[static_cast<std::size_t>(row.value)] = {row.code, is_warning(row.value), e.detail_ja, e.detail_en};
  }
  return out;
}

}  // namespace

const CodecIssueText& issue_text(CodecIssue issue) {
  static const auto texts = load();
  return texts[static_cast<std::size_t>(issue)];
}

}  // namespace kaigo::exchange
