// core/embedded_tsv — the rows of a rule table embedded in the library (a header row, then one row
// per rule, tab-separated; blank lines ignored). The cells are views into the embedded bytes,
// which live as long as the program.
// Owns: reading such a table. Must not: know what any table means.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace kaigo::embedded {

// The rows after the header; throws std::logic_error naming the file when it is not embedded or a
// row has fewer than `min_cells` cells (a table is part of the program: a broken one is a bug).
std::vector<std::vector<std::string_view>> tsv_rows(std::string_view path, std::size_t min_cells);

// A row of a checked table with its line number (1 = the header).
struct TableRow {
  std::size_t line = 0;
  std::vector<std::string_view> cells;  // views into the embedded bytes (static)
};
// The rows of the embedded table at `path` after its header, which must be `header` exactly; blank
// lines and lines starting with '#' are skipped. A missing table, a wrong header or a row of the
// wrong width throws std::logic_error naming the table and line (the tables are part of the build).
// The care-plan hub's and the platform's tables are read with it.
std::vector<TableRow> checked_tsv_rows(std::string_view path, std::initializer_list<std::string_view> header);

}  // namespace kaigo::embedded
