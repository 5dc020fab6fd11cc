// core/embedded_tsv — the rows of a rule table embedded in the library (a header row, then one row
// per rule, tab-separated; blank lines ignored), and the typed reading of a row's cells. The cells
// are views into the table's text (the embedded bytes live as long as the program).
// Owns: reading such a table, and failing it by table and line. Must not: know what any table means.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"

namespace kaigo::embedded {

// The rows after the header; throws std::logic_error naming the file when it is not embedded or a
// row has fewer than `min_cells` cells (a table is part of the program: a broken one is a bug).
std::vector<std::vector<std::string_view>> tsv_rows(std::string_view path, std::size_t min_cells);

// A broken rule table, "table:line: what": the tables are part of the build, so this is a defect. A
// caller that reads a table given to it (report's designs) may translate it at its boundary.
struct TableError : std::logic_error {
  using std::logic_error::logic_error;
};
// Throws TableError for line `line` of `table` (0: the table as a whole).
[[noreturn]] void fail_table(std::string_view table, std::size_t line, std::string_view what);

// A row of a checked table with its line number (1 = the header). The typed readers fail the row
// (TableError naming the table and line) on a cell that is not what they read.
struct TableRow {
  std::string table;  // as failures name it: the embedded path, or the name a caller gave its text
  std::size_t line = 0;
  std::vector<std::string_view> cells;  // views into the table's text

  [[noreturn]] void fail(std::string_view what) const { fail_table(table, line, what); }
  std::string_view at(std::size_t i) const { return cells.at(i); }
  std::string text(std::size_t i) const { return std::string(cells.at(i)); }
  std::int64_t integer(std::size_t i) const;
  Date date(std::size_t i) const;  // YYYYMMDD
  // "-" is none.
  std::optional<int> optional_int(std::size_t i) const;
  std::optional<Date> optional_date(std::size_t i) const;
  // Cell i as `parse` reads it (nullopt: not a name it knows), else fail with `what`.
  template <class Parse>
  auto parsed(std::size_t i, Parse parse, std::string_view what) const {
    auto value = parse(cells.at(i));
    if (!value) fail(what);
    return *value;
  }
};

// The rows of the embedded table at `path` after its header, which must be `header` exactly; blank
// lines and lines starting with '#' are skipped. A missing table, a wrong header or a row of the
// wrong width throws TableError naming the table and line (the tables are part of the build).
// The care-plan hub's, the platform's and the portal's tables are read with it.
std::vector<TableRow> checked_tsv_rows(std::string_view path, std::initializer_list<std::string_view> header);
// The same for a table's text that failures call `table` (report's designs are given as text).
std::vector<TableRow> checked_tsv_text_rows(std::string_view table, std::string_view text,
                                            std::initializer_list<std::string_view> header);

}  // namespace kaigo::embedded
