// careplan/csv — the CSV syntax of the standard (layout.txt ※フリーテキスト): comma-separated
// items; free text enclosed in half-width quotes, keeping its line breaks and commas, an embedded
// quote doubled. A record may therefore span several physical lines. Lines come from exchange's
// line sources (memory or a file read in chunks), so memory is bounded by the longest record.
// Owns: splitting lines into records and items, unescaping, and writing items back.
// Must not: know layouts or encodings (reader.cpp does).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/exchange/line_source.hpp"

namespace kaigo::careplan {

// One CSV record as read: the items unescaped (CP932 bytes), and whether each was quoted.
struct CsvRecord {
  std::uint64_t line = 0;      // first physical line (1-based)
  std::uint64_t end_line = 0;  // last physical line
  std::string_view raw;        // the record's bytes without its final line end
  std::vector<std::string_view> fields;
  std::vector<std::uint8_t> quoted;     // 1 when the item was enclosed in quotes
  std::vector<std::uint32_t> offsets;   // where each item starts in raw
  bool crlf = false;        // the record ended in CR LF
  bool terminated = false;  // the record ended in a line break (false only for the last)

  // The physical line an item starts on (items after a quoted line break are on later lines).
  std::uint64_t line_of(std::size_t field) const;
};

enum class CsvProblem {
  BadQuote,      // a quote inside an unquoted item, or text after a closing quote
  Unterminated,  // the input ended inside a quoted item
  TooLong,       // the record exceeded the limit
};

struct CsvIssue {
  CsvProblem problem;
  std::size_t field = 0;  // 0-based item
  std::uint64_t line = 0;
};

class CsvSource {
 public:
  CsvSource(exchange::LineSource& lines, std::size_t max_record_bytes);

  // The next record, or false at the end of input. Its problems are in issues(). After an
  // Unterminated or TooLong inside quotes nothing more can be read (the next call returns false).
  bool next(CsvRecord& record);
  const std::vector<CsvIssue>& issues() const { return issues_; }
  std::uint64_t lines_read() const { return line_no_; }
  // True once nothing more can be read (an unterminated quote, a quoted record too long).
  bool stopped() const { return done_; }
  std::uint64_t bytes_read() const { return lines_.bytes_read(); }

 private:
  enum class State { FieldStart, Unquoted, Quoted, QuoteSeen, AfterClose };
  // Parses buf from pos_; true when the record is complete at the end of buf.
  bool parse(std::string_view buf, CsvRecord& r);
  void push_field(std::size_t end, CsvRecord& r);
  bool unterminated(CsvRecord& r);  // the input ended inside a quoted item
  void finish_values(std::string_view buf, CsvRecord& r);
  void issue(CsvProblem p, std::size_t field, std::string_view buf, const CsvRecord& r);

  exchange::LineSource& lines_;
  std::size_t max_record_;
  std::uint64_t line_no_ = 0;
  bool done_ = false;
  std::vector<CsvIssue> issues_;
  std::string joined_;    // a record spanning lines
  std::string unescaped_;  // values with "" turned into "
  // parser state
  State state_ = State::FieldStart;
  std::size_t pos_ = 0;
  std::size_t field_start_ = 0;
  bool field_quoted_ = false;
  bool field_escaped_ = false;
  std::vector<std::uint32_t> ends_;      // end of each field in the buffer
  std::vector<std::uint8_t> escaped_;    // the field holds a doubled quote
};

// Appends one item: quoted when `quote` (embedded quotes doubled), else as is.
void append_field(std::string& out, std::string_view value, bool quote);

}  // namespace kaigo::careplan
