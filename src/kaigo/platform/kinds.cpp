#include "kaigo/platform/kinds.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/platform/data_table.hpp"

namespace kaigo::platform {
namespace {

ColumnSpec column_of(const detail::TsvRow& r) {
  ColumnSpec c;
  c.name = r.cells[1];
  c.ja = r.cells[2];
  auto type = kColumnTypes.parse(r.cells[3]);
  if (!type) r.fail("unknown type");
  c.type = *type;
  c.required = r.cells[4] == "yes";
  const auto arg = r.cells[5];
  if (c.type == ColumnType::Code) {
    for (auto code : split(arg, ',')) c.codes.emplace_back(code);
  } else if (c.type == ColumnType::Int) {
    auto dash = arg.find('-');
    auto lo = parse_int(arg.substr(0, dash));
    auto hi = dash == std::string_view::npos ? std::nullopt : parse_int(arg.substr(dash + 1));
    if (!lo || !hi) r.fail("int needs min-max");
    c.min = static_cast<int>(*lo);
    c.max = static_cast<int>(*hi);
  } else if (c.type == ColumnType::Text || c.type == ColumnType::Flags) {
    auto n = parse_int(arg);
    if (!n || *n <= 0) r.fail("text and flags need a width");
    c.max = static_cast<int>(*n);
  }
  c.source = r.cells[6];
  return c;
}

std::vector<KindSpec> load_kinds() {
  std::vector<KindSpec> out;
  for (const auto& r : detail::read_table("kinds.tsv", {"kind", "view", "linkage", "ja", "en", "effective_on", "source"})) {
    KindSpec k;
    k.name = r.cells[0];
    if (!detail::is_none(r.cells[1])) {
      k.view = parse_enum<ViewKind>(r.cells[1]);
      if (!k.view) r.fail("unknown view kind");
    }
    k.linkage = r.cells[2] == "yes";
    k.ja = r.cells[3];
    k.en = r.cells[4];
    k.effective_on_ja = r.cells[5];
    out.push_back(std::move(k));
  }
  for (const auto& r : detail::read_table("columns.tsv", {"kind", "column", "ja", "type", "required", "arg", "source"})) {
    auto it = std::find_if(out.begin(), out.end(), [&](const KindSpec& k) { return k.name == r.cells[0]; });
    if (it == out.end()) r.fail("unknown kind");
    it->columns.push_back(column_of(r));
  }
  return out;
}

using LabelKey = std::tuple<std::string, std::string, std::string>;

std::map<LabelKey, CodeLabel, std::less<>> load_labels() {
  std::map<LabelKey, CodeLabel, std::less<>> out;
  for (const auto& r : detail::read_table("code_labels.tsv", {"kind", "column", "code", "ja", "en"})) {
    out[{std::string(r.cells[0]), std::string(r.cells[1]), std::string(r.cells[2])}] = {std::string(r.cells[3]),
                                                                                     std::string(r.cells[4])};
  }
  return out;
}

}  // namespace

std::size_t KindSpec::column(std::string_view column_name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column_name) return i;
  }
  return std::string_view::npos;
}

const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> all = load_kinds();
  return all;
}

const KindSpec* find_kind(std::string_view name) {
  for (const auto& k : kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

const CodeLabel* code_label(std::string_view kind, std::string_view column, std::string_view code) {
  static const auto labels = load_labels();
  auto it = labels.find(LabelKey{std::string(kind), std::string(column), std::string(code)});
  if (it == labels.end()) it = labels.find(LabelKey{"*", std::string(column), std::string(code)});
  return it == labels.end() ? nullptr : &it->second;
}

}  // namespace kaigo::platform
