// master/csv — the strict reader of the project's master and ledger CSV files (DESIGN §3.2).
// Owns: header and column-count checks, optional quotes, typed field parsing that reports every
// problem as a Diagnostic naming file, line and column in Japanese and English.
// Must not: read files from disk or know what any table means (the loaders beside it do).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/arena.hpp"
#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/diagnostic.hpp"

namespace kaigo::master {

// Project diagnostic codes of the master loaders; their texts are in core/error_codes.tsv.
namespace code {
inline constexpr std::string_view kUnreadable = "KM01";   // the file cannot be read
inline constexpr std::string_view kHeader = "KM02";       // a wrong header row
inline constexpr std::string_view kColumnCount = "KM03";  // a wrong column count
inline constexpr std::string_view kRequired = "KM04";     // a required value is empty
inline constexpr std::string_view kNumber = "KM05";       // not a number or out of range
inline constexpr std::string_view kDate = "KM06";         // not a date
inline constexpr std::string_view kUnknownCode = "KM07";  // an unknown code
inline constexpr std::string_view kOverlap = "KM08";      // two versions overlap
inline constexpr std::string_view kPeriod = "KM09";       // the end before the start
inline constexpr std::string_view kQuoting = "KM10";      // broken quotes
inline constexpr std::string_view kEncoding = "KM11";     // not UTF-8
}  // namespace code

// One column of a table: the header name, its Japanese item name, and whether it may be absent
// from the header (optional columns come after the required ones, in any order).
struct Column {
  std::string_view name;
  std::string_view ja;
  bool optional = false;
};

struct CsvSpec {
  std::span<const Column> columns;
  bool has_header = true;  // the 国保中央会 総合事業 layout has none
  // Without a header the row may carry this many columns at least (older layouts are shorter).
  std::size_t min_columns = 0;
};

// Splits one CSV line; accepts "quoted" fields with "" escapes. nullopt on a broken quote.
std::optional<std::vector<std::string>> split_csv_line(std::string_view line);
// The same without a copy: appends each field to `out` as a view into `line`, except a quoted field
// with "" escapes, whose text is copied into `unescaped` once unescaped. False on a broken quote.
bool split_csv_fields(std::string_view line, std::vector<std::string_view>& out, Arena& unescaped);

// A parsed file: rows of fields, with each spec column mapped to its position in the file. The fields
// are views into the text (a 受給者台帳 of 5 M people is 85 M fields: a string each was ~3 GB and most
// of the time of loading it), so `text` must outlive the CsvFile.
class CsvFile {
 public:
  // Parses `text` (UTF-8, optional BOM, LF or CRLF). Problems go to `out`; ok() tells if any.
  CsvFile(std::string_view text, std::string file_name, const CsvSpec& spec, Diagnostics& out);

  bool ok() const { return ok_; }
  const std::string& file_name() const { return file_; }
  std::size_t size() const { return rows_.size(); }
  std::uint64_t line_of(std::size_t row) const { return rows_[row].line; }
  // The field of spec column `col` in `row`; empty when the optional column is absent.
  std::string_view field(std::size_t row, std::size_t col) const;
  bool has_column(std::size_t col) const { return position_[col] >= 0; }
  const Column& column(std::size_t col) const { return spec_.columns[col]; }
  // 1-based position in the file of spec column `col` (the 項番 reported in diagnostics).
  int item_no(std::size_t col) const { return position_[col] + 1; }

 private:
  struct Row {
    std::uint64_t line = 0;
    std::size_t first = 0;  // in fields_
    std::size_t count = 0;
  };
  std::string file_;
  CsvSpec spec_;
  std::vector<int> position_;
  std::vector<Row> rows_;
  std::vector<std::string_view> fields_;  // every row's, one after another
  Arena unescaped_;                       // the text of quoted fields with "" escapes
  bool ok_ = true;
};

// Builds the Diagnostic every loader reports: file, line, column (項番 and 項目名), value, text.
Diagnostic make_diagnostic(std::string_view code, const std::string& file, std::uint64_t line, int item_no,
                           std::string item_name, std::string value, std::string message_ja,
                           std::string message_en);

// Typed access to one row; every failed parse adds a Diagnostic and marks the row bad.
class RowReader {
 public:
  RowReader(const CsvFile& file, std::size_t row, Diagnostics& out) : file_(file), row_(row), out_(out) {}

  bool ok() const { return ok_; }
  std::uint64_t line() const { return file_.line_of(row_); }
  std::string_view text(std::size_t col) const { return file_.field(row_, col); }
  // Whether the file has the optional column `col` at all (an absent column says nothing).
  bool has_column(std::size_t col) const { return file_.has_column(col); }
  // Non-empty text; KM04 when empty.
  std::optional<std::string_view> required(std::size_t col);
  // Integer in [lo, hi]; empty → nullopt without error unless `required`.
  std::optional<std::int64_t> integer(std::size_t col, std::int64_t lo, std::int64_t hi, bool required);
  // YYYYMMDD; empty → nullopt without error unless `required`.
  std::optional<Date> date(std::size_t col, bool required);
  // YYYYMM (also accepts the open-end markers given); empty → nullopt unless `required`.
  std::optional<YearMonth> year_month(std::size_t col, bool required);
  // Exactly `width` characters from [0-9A-Za-z]; used for codes such as 2A, A2, 71R1.
  std::optional<std::string_view> alnum(std::size_t col, std::size_t width, bool required);
  // Digits only, `min_width`..`max_width` long (事業所番号, 保険者番号 …).
  std::optional<std::string_view> digits(std::size_t col, std::size_t min_width, std::size_t max_width,
                                         bool required);
  // One of `allowed`; KM07 otherwise.
  std::optional<std::string_view> one_of(std::size_t col, std::span<const std::string_view> allowed,
                                         bool required);
  // One of the codes of an enum's table (KM07 otherwise), as its value.
  template <class E, std::size_t N>
  std::optional<E> word(std::size_t col, const EnumTable<E, N>& table, bool required) {
    std::array<std::string_view, N> codes{};
    for (std::size_t i = 0; i < N; ++i) codes[i] = table.rows[i].code;
    auto t = one_of(col, codes, required);
    return t ? table.parse(*t) : std::nullopt;
  }
  // Reports a problem on a column (for checks the loader makes itself).
  void fail(std::size_t col, std::string_view code, std::string message_ja, std::string message_en);

 private:
  // The text of `col`; nullopt when empty (KM04 as well when `required`).
  std::optional<std::string_view> present(std::size_t col, bool required);

  const CsvFile& file_;
  std::size_t row_;
  Diagnostics& out_;
  bool ok_ = true;
};

// A version's validity: valid_from..valid_to inclusive; no end = open.
struct Period {
  Date from;
  std::optional<Date> to;

  bool contains(Date d) const { return from <= d && (!to || d <= *to); }
  bool overlaps(const Period& o) const { return from <= o.last() && o.from <= last(); }
  // Some day of `m` is in the period: it starts in or before `m` and ends in or after it. By months,
  // not days (no 末日 to work out): every master lookup of a review asks it.
  bool overlaps_month(YearMonth m) const { return from.year_month() <= m && (!to || m <= to->year_month()); }
  Date last() const { return to ? *to : Date{9999, 12, 31}; }
};

// The period's columns as every dated master names them, and the optional 出典 (where a row's
// figures come from) most masters end with.
inline constexpr Column kValidFromColumn{"valid_from", "有効期間開始"};
inline constexpr Column kValidToColumn{"valid_to", "有効期間終了"};
inline constexpr Column kSourceColumn{"source", "出典", true};

// The columns of a master whose rows are dated and sourced, as the 告示 masters are laid out: its
// own columns, then valid_from, valid_to and 出典.
template <std::size_t N>
constexpr std::array<Column, N + 3> dated_sourced_columns(const Column (&own)[N]) {
  std::array<Column, N + 3> all{};
  for (std::size_t i = 0; i < N; ++i) all[i] = own[i];
  all[N] = kValidFromColumn;
  all[N + 1] = kValidToColumn;
  all[N + 2] = kSourceColumn;
  return all;
}

// Reads valid_from/valid_to columns into a Period, checking order (KM09).
std::optional<Period> read_period(RowReader& r, std::size_t from_col, std::size_t to_col);

std::string period_text(const Period& p);

}  // namespace kaigo::master
