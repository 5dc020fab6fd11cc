#include "kaigo/careplan/codes.hpp"

#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::careplan {
namespace {

constexpr std::string_view kTable = "src/kaigo/careplan/error_codes.tsv";

// The code of each Finding, in enumeration order.
constexpr std::string_view kCodes[] = {
    "CP01", "CP02", "CP03", "CP04", "CP05", "CP06", "CP07", "CP08", "CP09", "CP10", "CP11", "CP12",
    "CP13", "CP14", "CP20", "CP21", "CP22", "CP23", "CP24", "CP25", "CP30", "CP31", "CP32", "CP33",
    "CP34", "CP35", "CP36", "CP37", "CP40", "CP41", "CP42", "CP43", "CP44", "CP50", "CP51", "CP52",
    "CP53", "CP54", "CP55", "CP56", "CP57", "CP58", "CP59", "CP60", "CP61", "CP62", "CP63", "CP70",
};
constexpr std::size_t kCount = sizeof(kCodes) / sizeof(kCodes[0]);
static_assert(kCount == static_cast<std::size_t>(Finding::NotJpeg) + 1, "one code per Finding");

[[noreturn]] void fail(std::size_t line, std::string_view what) {
  throw std::runtime_error(fmt::format("careplan/error_codes.tsv:{}: {} / bad finding table", line, what));
}

struct Table {
  std::vector<FindingText> rows;
  std::vector<std::size_t> by_finding;  // index into rows, per Finding
};

Table load() {
  auto bytes = embedded::find(kTable);
  if (!bytes) throw std::runtime_error("careplan/error_codes.tsv が埋め込まれていません / table missing");
  auto all = lines(*bytes);
  const std::vector<std::string_view> header{"code",     "severity", "title_ja",  "title_en", "cause_ja",
                                             "action_ja", "cause_en", "action_en", "source"};
  if (all.empty() || split(all[0], '\t') != header) fail(1, "ヘッダー行が不正");
  Table t;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i].empty()) continue;
    auto c = split(all[i], '\t');
    if (c.size() != header.size()) fail(i + 1, "列数が不正");
    FindingText row{c[0], Severity::Error, c[2], c[3], c[4], c[5], c[6], c[7], c[8]};
    if (c[1] == "warning") row.severity = Severity::Warning;
    else if (c[1] != "error") fail(i + 1, "severity は error か warning");
    for (const auto& done : t.rows) {
      if (done.code == row.code) fail(i + 1, fmt::format("コード重複 {}", row.code));
    }
    t.rows.push_back(row);
  }
  for (auto code : kCodes) {
    std::size_t k = 0;
    while (k < t.rows.size() && t.rows[k].code != code) ++k;
    if (k == t.rows.size()) fail(0, fmt::format("{} の行がない", code));
    t.by_finding.push_back(k);
  }
  if (t.rows.size() != kCount) fail(0, "表にしかないコードがある");
  return t;
}

const Table& table() {
  static const Table t = load();
  return t;
}

}  // namespace

const FindingText& finding_text(Finding f) {
  const auto& t = table();
  return t.rows[t.by_finding[static_cast<std::size_t>(f)]];
}

std::span<const FindingText> finding_texts() { return table().rows; }

const FindingText* finding_text(std::string_view code) {
  for (const auto& r : table().rows) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

}  // namespace kaigo::careplan
