#include "kaigo/platform/data_table.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace kaigo::platform::detail {

std::vector<TsvRow> read_table(std::string_view name, std::initializer_list<std::string_view> header) {
  return embedded::checked_tsv_rows(fmt::format("src/kaigo/platform/{}", name), header);
}

void bad(std::string_view table, std::size_t line, std::string_view what) {
  throw std::logic_error(fmt::format("src/kaigo/platform/{}:{}: {}", table, line, what));
}

}  // namespace kaigo::platform::detail
