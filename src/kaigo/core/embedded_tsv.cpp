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

void fail_table(std::string_view table, std::size_t line, std::string_view what) {
  throw TableError(fmt::format("{}:{}: {}", table, line, what));
}

std::int64_t TableRow::integer(std::size_t i) const {
  auto n = parse_int(cells.at(i));
  if (!n) fail(fmt::format("整数ではありません / not an integer: {}", cells.at(i)));
  return *n;
}

Date TableRow::date(std::size_t i) const {
  auto d = Date::parse(cells.at(i));
  if (!d) fail(fmt::format("日付ではありません / not a date: {}", cells.at(i)));
  return *d;
}

std::optional<int> TableRow::optional_int(std::size_t i) const {
  return cells.at(i) == "-" ? std::nullopt : std::optional<int>(static_cast<int>(integer(i)));
}

std::optional<Date> TableRow::optional_date(std::size_t i) const {
  return cells.at(i) == "-" ? std::nullopt : std::optional<Date>(date(i));
}

std::vector<TableRow> checked_tsv_rows(std::string_view path, std::initializer_list<std::string_view> header) {
  auto bytes = find(path);
  if (!bytes) throw TableError(fmt::format("{} が埋め込まれていません / table not embedded", path));
  return checked_tsv_text_rows(path, *bytes, header);
}

std::vector<TableRow> checked_tsv_text_rows(std::string_view table, std::string_view text,
                                            std::initializer_list<std::string_view> header) {
  auto all = lines(text);
  if (all.empty() || split(all[0], '\t') != std::vector<std::string_view>(header)) {
    fail_table(table, 1, "ヘッダー行が不正 / bad header");
  }
  std::vector<TableRow> rows;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i].empty() || all[i][0] == '#') continue;
    TableRow row{std::string(table), i + 1, split(all[i], '\t')};
    if (row.cells.size() != header.size()) {
      row.fail(fmt::format("列数 {} （{} 列のはず）/ wrong width", row.cells.size(), header.size()));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace kaigo::embedded
