// careplan/data_table — the hub's tables of rules (licence_terms.tsv, withdrawals.tsv) are data
// beside the code, embedded into the library: this reads one, checking its header and width.
// Owns: that reading. Must not: know what a table means (licence, hub do).
#pragma once
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "kaigo/core/embedded_tsv.hpp"

namespace kaigo::careplan {

using TableRow = embedded::TableRow;

// The rows of src/kaigo/careplan/<name> after its header, which must be `header` exactly; blank
// lines and lines starting with '#' are skipped. A missing table, a wrong header or a row of the
// wrong width throws std::logic_error naming the table and line (the tables are part of the build).
std::vector<TableRow> embedded_table(std::string_view name, std::initializer_list<std::string_view> header);

}  // namespace kaigo::careplan
