#include "kaigo/careplan/data_table.hpp"

#include <fmt/format.h>

namespace kaigo::careplan {

std::vector<TableRow> embedded_table(std::string_view name, std::initializer_list<std::string_view> header) {
  return embedded::checked_tsv_rows(fmt::format("src/kaigo/careplan/{}", name), header);
}

}  // namespace kaigo::careplan
