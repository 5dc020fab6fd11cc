// core/embedded_tsv — the rows of a rule table embedded in the library (a header row, then one row
// per rule, tab-separated; blank lines ignored). The cells are views into the embedded bytes,
// which live as long as the program.
// Owns: reading such a table. Must not: know what any table means.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace kaigo::embedded {

// The rows after the header; throws std::logic_error naming the file when it is not embedded or a
// row has fewer than `min_cells` cells (a table is part of the program: a broken one is a bug).
std::vector<std::vector<std::string_view>> tsv_rows(std::string_view path, std::size_t min_cells);

}  // namespace kaigo::embedded
