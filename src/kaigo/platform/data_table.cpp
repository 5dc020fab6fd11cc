#include "kaigo/platform/data_table.hpp"

#include <fmt/format.h>

namespace kaigo::platform::detail {

std::vector<TsvRow> read_table(std::string_view name, std::initializer_list<std::string_view> header) {
  return embedded::checked_tsv_rows(fmt::format("src/kaigo/platform/{}", name), header);
}

}  // namespace kaigo::platform::detail
