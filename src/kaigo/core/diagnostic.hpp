// core/diagnostic — one finding about an input: where it is, what is wrong, in Japanese and English.
// Owns: the Diagnostic value and its formatting. Must not: decide what is an error (callers do).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kaigo/core/enum_table.hpp"

namespace kaigo {

enum class Severity { Error, Warning, Info };
inline constexpr EnumTable<Severity, 3> kSeverities{{{
#include "kaigo/core/severity.enum.inc"
}}};
constexpr const auto& enum_table(Severity) { return kSeverities; }

// A finding about one place of an input file. Every field that does not apply stays empty / 0.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;        // official 4-character code (ABB0, ASSA, …) or a project code (KC01, …)
  std::string file;        // file name as given
  std::uint64_t line = 0;  // 1-based physical line; 0 = the file as a whole
  std::uint64_t record_no = 0;  // レコード番号 as written in the record (0 = unknown)
  int item_no = 0;              // 項番 of the 交換情報 item (0 = the record as a whole)
  std::string item_name;        // 項目名 in Japanese
  std::string value;            // the offending value, UTF-8 (invalid bytes shown as \xHH)
  std::string message_ja;
  std::string message_en;

  // "FILE:LINE: [CODE] 項目名(項番N)=値: 日本語 / English"
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace kaigo
