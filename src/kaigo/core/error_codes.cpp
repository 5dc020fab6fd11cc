#include "kaigo/core/error_codes.hpp"

#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo {
namespace {

constexpr std::string_view kTable = "src/kaigo/core/error_codes.tsv";
constexpr std::string_view kColumns[] = {"code",     "reason",   "title_ja",  "title_en", "detail_ja", "detail_en",
                                         "cause_ja", "action_ja", "cause_en", "action_en", "source"};

// "-" marks an empty cell (a TSV cell cannot be told apart from a missing one by eye).
std::string_view cell(std::string_view s) { return s == "-" ? std::string_view{} : s; }

[[noreturn]] void malformed(std::size_t line, std::string_view what_ja, std::string_view what_en) {
  throw std::runtime_error(fmt::format("core/error_codes.tsv:{}: {} / {}", line, what_ja, what_en));
}

struct Table {
  std::vector<ErrorCode> rows;
  std::unordered_map<std::string_view, std::size_t> index;
};

Table load() {
  auto bytes = embedded::find(kTable);
  if (!bytes) throw std::runtime_error("core/error_codes.tsv が埋め込まれていません / table missing");
  auto text = lines(*bytes);
  if (text.empty() || split(text[0], '\t') != std::vector<std::string_view>(std::begin(kColumns), std::end(kColumns))) {
    malformed(1, "ヘッダー行が不正", "bad header");
  }
  Table t;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i].empty()) continue;
    auto c = split(text[i], '\t');
    if (c.size() != std::size(kColumns)) malformed(i + 1, "列数が不正", "wrong column count");
    if (cell(c[1]).size() > 1) malformed(i + 1, "事由は1文字", "the reason is one letter");
    if (!t.index.emplace(c[0], t.rows.size()).second) malformed(i + 1, "コード重複", "duplicate code");
    t.rows.push_back({c[0], cell(c[1]).empty() ? '\0' : c[1][0], c[2], c[3], cell(c[4]), cell(c[5]), c[6], c[7], c[8],
                      c[9], c[10]});
  }
  return t;
}

const Table& table() {
  static const Table t = load();
  return t;
}

}  // namespace

std::span<const ErrorCode> error_codes() { return table().rows; }

const ErrorCode* find_error_code(std::string_view code) {
  const auto& t = table();
  auto it = t.index.find(code);
  return it == t.index.end() ? nullptr : &t.rows[it->second];
}

const ErrorCode& error_code(std::string_view code) {
  if (const auto* e = find_error_code(code)) return *e;
  throw std::logic_error(fmt::format("no code {} in core/error_codes.tsv", code));
}

}  // namespace kaigo
