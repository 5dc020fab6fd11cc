#include "kaigo/precheck/codes.hpp"

#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::precheck {
namespace {

constexpr std::string_view kTable = "src/kaigo/precheck/error_codes.tsv";

std::vector<CodeText> load() {
  auto bytes = embedded::find(kTable);
  if (!bytes) throw std::runtime_error("precheck/error_codes.tsv が埋め込まれていません / table missing");
  auto rows = lines(*bytes);
  const std::vector<std::string_view> header{"code",     "title_ja",  "title_en",  "cause_ja",
                                             "action_ja", "cause_en", "action_en", "source"};
  if (rows.empty() || split(rows[0], '\t') != header) {
    throw std::runtime_error("precheck/error_codes.tsv:1: ヘッダー行が不正 / bad header");
  }
  std::vector<CodeText> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].empty()) continue;
    auto c = split(rows[i], '\t');
    if (c.size() != header.size()) {
      throw std::runtime_error(fmt::format("precheck/error_codes.tsv:{}: 列数が不正 / wrong column count", i + 1));
    }
    for (const auto& done : out) {
      if (done.code == c[0]) {
        throw std::runtime_error(fmt::format("precheck/error_codes.tsv:{}: コード重複 {} / duplicate code", i + 1, c[0]));
      }
    }
    out.push_back({c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]});
  }
  return out;
}

}  // namespace

std::span<const CodeText> code_texts() {
  static const std::vector<CodeText> table = load();
  return table;
}

const CodeText* code_text(std::string_view code) {
  for (const auto& t : code_texts()) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

}  // namespace kaigo::precheck
