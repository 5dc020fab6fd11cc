#include "kaigo/exchange/codec_diagnostics.hpp"

#include <array>

#include "kaigo/core/error_codes.hpp"

namespace kaigo::exchange {
namespace {

struct IssueCode {
  CodecIssue issue;
  std::string_view code;
  bool warning;
};

// In CodecIssue order; the reader fills {0}, {1}, … of each message (see reader.cpp).
constexpr std::array<IssueCode, 25> kCodes{{
    {CodecIssue::InvalidEncoding, "KC01", false},  {CodecIssue::LineTooLong, "KC02", false},
    {CodecIssue::BadQuoting, "KC03", false},       {CodecIssue::ItemCount, "KC04", false},
    {CodecIssue::RecordType, "KC05", false},       {CodecIssue::UnknownForm, "KC06", false},
    {CodecIssue::UnknownKind, "KC07", false},      {CodecIssue::RequiredMissing, "ABB0", false},
    {CodecIssue::NotNumeric, "KC08", false},       {CodecIssue::NotHalfWidth, "KC09", false},
    {CodecIssue::NotFullWidth, "KC10", false},     {CodecIssue::TooLong, "KC11", false},
    {CodecIssue::SignNotAllowed, "KC12", false},   {CodecIssue::BadDate, "KC13", false},
    {CodecIssue::RecordNumber, "KC14", false},     {CodecIssue::ControlMissing, "KC15", false},
    {CodecIssue::DataTypeMismatch, "KC16", false}, {CodecIssue::RecordCount, "KC17", false},
    {CodecIssue::EndMissing, "KC18", false},       {CodecIssue::AfterEnd, "KC19", false},
    {CodecIssue::NoFinalNewline, "KC20", true},    {CodecIssue::EmptyLine, "KC21", true},
    {CodecIssue::ConstMismatch, "KC22", false},    {CodecIssue::EmptyFile, "KC23", false},
    {CodecIssue::RepeatedDocument, "KC24", false},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    if (static_cast<std::size_t>(kCodes[i].issue) != i) return false;
  }
  return true;
}
static_assert(in_enum_order());

std::array<CodecIssueText, kCodes.size()> load() {
  std::array<CodecIssueText, kCodes.size()> out{};
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    const ErrorCode& e = error_code(kCodes[i].code);
    out[i] = {kCodes[i].code, kCodes[i].warning, e.detail_ja, e.detail_en};
  }
  return out;
}

}  // namespace

const CodecIssueText& issue_text(CodecIssue issue) {
  static const auto texts = load();
  return texts[static_cast<std::size_t>(issue)];
}

}  // namespace kaigo::exchange
