// exchange/codec_diagnostics — the kinds of finding the reader can report about the bytes of a file:
// each one's code and whether it is only a warning. Their messages are the detail templates of the
// one table of codes (core/error_codes.tsv; docs/diagnostics.md lists them).
// Must not: report business-rule findings (those belong to precheck and review), or word them.
#pragma once
#include <string_view>

#include "kaigo/core/enum_table.hpp"

namespace kaigo::exchange {

enum class CodecIssue {
  InvalidEncoding,      // KC01 bytes that are not CP932
  LineTooLong,          // KC02
  BadQuoting,           // KC03
  ItemCount,            // KC04
  RecordType,           // KC05 レコード種別 not 1/2/3
  UnknownForm,          // KC06 交換情報識別番号 unknown
  UnknownKind,          // KC07 レコード種別コード unknown for the form
  RequiredMissing,      // ABB0 a required item is empty (official)
  NotNumeric,           // KC08
  NotHalfWidth,         // KC09 英数 / 半角カナ item with other characters
  NotFullWidth,         // KC10 漢字 item with half-width characters
  TooLong,              // KC11
  SignNotAllowed,       // KC12
  BadDate,              // KC13
  RecordNumber,         // KC14 レコード番号 not sequential
  ControlMissing,       // KC15 first record is not a control record / control record elsewhere
  DataTypeMismatch,     // KC16 データ種別 does not match the first data record
  RecordCount,          // KC17 レコード件数 ≠ data records
  EndMissing,           // KC18 no end record: the file is truncated
  AfterEnd,             // KC19 records after the end record
  NoFinalNewline,       // KC20 (warning)
  EmptyLine,            // KC21 (warning)
  ConstMismatch,        // KC22 item must have a fixed value
  EmptyFile,            // KC23
  RepeatedDocument,     // KC24 the same 明細書 key with a second 基本 record (sent twice)
};
inline constexpr EnumTable<CodecIssue, 25> kCodecIssues{{{
#include "kaigo/exchange/codec_issue.enum.inc"
}}};
constexpr const auto& enum_table(CodecIssue) { return kCodecIssues; }

struct CodecIssueText {
  std::string_view code;
  bool warning;
  std::string_view ja;  // fmt format string (error_codes.tsv detail_ja); arguments depend on the issue
  std::string_view en;
};

const CodecIssueText& issue_text(CodecIssue issue);

}  // namespace kaigo::exchange
