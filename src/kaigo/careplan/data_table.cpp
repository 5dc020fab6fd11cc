#include "kaigo/careplan/data_table.hpp"

#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::careplan {

std::vector<TableRow> embedded_table(std::string_view name, std::initializer_list<std::string_view> header) {
  const auto path = fmt::format("src/kaigo/careplan/{}", name);
  auto bytes = embedded::find(path);
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

}  // namespace kaigo::careplan
