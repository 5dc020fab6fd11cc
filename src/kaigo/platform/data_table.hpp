// platform/data_table — the platform's tables of rules and layouts are data (TSV files beside the
// code, embedded into the library): this reads one, checking its header and column count.
// Owns: that reading. Must not: know what any table means (kinds, matrix, codes do).
#pragma once
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "kaigo/core/embedded_tsv.hpp"

namespace kaigo::platform::detail {

using TsvRow = embedded::TableRow;

// The rows of src/kaigo/platform/<name> after its header, which must be `header` exactly; blank
// lines and '#' lines are skipped (core/embedded_tsv). A missing table, a wrong header or a row of
// the wrong width throws std::logic_error naming the table and line: the tables are part of the
// build, so this is a defect, found by any test that touches the platform.
std::vector<TsvRow> read_table(std::string_view name, std::initializer_list<std::string_view> header);

// A cell that breaks its table's rules is a defect of the build: TsvRow::fail names the table, its
// line and what is wrong (core/embedded_tsv).

// "-" in a table means "none".
inline bool is_none(std::string_view cell) { return cell.empty() || cell == "-"; }

}  // namespace kaigo::platform::detail
