#include "kaigo/platform/codes.hpp"

#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "kaigo/platform/data_table.hpp"

namespace kaigo::platform {
namespace {

std::vector<LinkageCode> load() {
  std::vector<LinkageCode> out;
  for (const auto& r :
       detail::read_table("linkage_codes.tsv", {"code", "level", "ja", "en", "help_ja", "help_en", "source"})) {
    LinkageCode c{std::string(r.cells[0]), CodeLevel::Row, std::string(r.cells[2]), std::string(r.cells[3]),
                  std::string(r.cells[4]), std::string(r.cells[5]), std::string(r.cells[6])};
    if (r.cells[1] == "file") {
      c.level = CodeLevel::File;
    } else if (r.cells[1] == "pmh") {
      c.level = CodeLevel::Pmh;
    } else if (r.cells[1] != "row") {
      throw std::logic_error(fmt::format("src/kaigo/platform/linkage_codes.tsv:{}: level", r.line));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

const LinkageCode& linkage_code(std::string_view code) {
  static const std::vector<LinkageCode> table = load();
  for (const auto& c : table) {
    if (c.code == code) return c;
  }
  throw std::logic_error(fmt::format("linkage code {} is not in linkage_codes.tsv", code));
}

LinkageError linkage_error(std::string_view code, std::uint64_t line, std::string_view detail_ja,
                           std::string_view detail_en) {
  const auto& c = linkage_code(code);
  LinkageError e;
  e.line = line;
  e.code = c.code;
  e.message_ja = detail_ja.empty() ? c.ja : fmt::format("{}（{}）", c.ja, detail_ja);
  e.message_en = detail_en.empty() ? c.en : fmt::format("{} ({})", c.en, detail_en);
  e.help_ja = c.help_ja;
  e.help_en = c.help_en;
  return e;
}

}  // namespace kaigo::platform
