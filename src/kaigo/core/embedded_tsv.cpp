#include "kaigo/core/embedded_tsv.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::embedded {

std::vector<std::vector<std::string_view>> tsv_rows(std::string_view path, std::size_t min_cells) {
  auto bytes = find(path);
  if (!bytes) throw std::logic_error(fmt::format("{} is not embedded", path));
  std::vector<std::vector<std::string_view>> rows;
  bool header = true;
  for (std::string_view line : lines(*bytes)) {
    if (trim(line).empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    auto cells = split(line, '\t');
    if (cells.size() < min_cells) throw std::logic_error(fmt::format("{}: short row: {}", path, line));
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace kaigo::embedded
