// platform/codes — the answers of the municipal linkage as data (linkage_codes.tsv): each PLnn code
// with its level (file: nothing of the file is applied; row: the row is refused; pmh: the row is
// stored but its My Number could not be linked), its message and what to do, in Japanese and
// English; PL41/PL42 carry the seed 004 §7 remedy.
// Owns: the table and the error value. Must not: check anything (linkage does).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/platform/record.hpp"

namespace kaigo::platform {

enum class CodeLevel : std::uint8_t { File, Row, Pmh };

struct LinkageCode {
  std::string code;
  CodeLevel level = CodeLevel::Row;
  std::string ja, en;
  std::string help_ja, help_en;
  std::string source;
};

// The row of `code`; throws std::logic_error for a code not in the table (a defect).
const LinkageCode& linkage_code(std::string_view code);

// One problem of a linkage file: the file as a whole (line 0), or one row, and for a row the item.
struct LinkageError {
  std::uint64_t line = 0;  // 1-based line of the file; 0 for the file as a whole
  int column = 0;          // 1-based column; 0 for the row as a whole
  std::string item;        // column name (e.g. "cert_to")
  std::string item_ja;     // 項目名
  std::string code;        // PLnn
  std::string value;       // as written, control characters escaped; never a My Number
  std::string message_ja, message_en;
  std::string help_ja, help_en;
  PersonId person;  // when the row named it
  std::string kind, record_id;
  bool stored = false;  // a PMH error: the row was stored all the same
};

// An error of `code` with its texts; `detail_*`, when given, follow the code's message.
LinkageError linkage_error(std::string_view code, std::uint64_t line, std::string_view detail_ja = {},
                           std::string_view detail_en = {});

}  // namespace kaigo::platform
