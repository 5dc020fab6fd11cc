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

std::vector<TableRow> checked_tsv_rows(std::string_view path, std::initializer_list<std::string_view> header) {
  auto bytes = find(path);
  if (!bytes) throw std::logic_error(fmt::format("{} が埋め込まれていません / table not embedded", path));
  auto all = lines(*bytes);
  if (all.empty() || split(all[0], '\t') != std::vector<std::string_view>(header)) {
    throw std::logic_error(fmt::format("{}:1: ヘッダー行が不正 / bad header", path));
  }
  std::vector<TableRow> rows;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i].empty() || all[i][0] == '#') continue;
    auto cells = split(all[i], '\t');
    if (cells.size() != header.size()) {
      throw std::logic_error(fmt::format("{}:{}: 列数 {} （{} 列のはず）/ wrong width", path, i + 1, cells.size(), header.size()));
    }
    rows.push_back({i + 1, std::move(cells)});
  }
  return rows;
}

}  // namespace kaigo::embedded
