// Test helpers for the master and billing tests: the bundled masters, and the optional reference data in ../shared/data
// (KAIGO_SHARED_DIR, set by ctest). Tests that need it skip when it is absent; nothing from
// there is copied into the repository.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "kaigo/core/diagnostic.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/master/masters.hpp"

namespace kaigo::testing {

inline std::optional<std::filesystem::path> shared_data_file(const std::string& relative) {
  const char* dir = std::getenv("KAIGO_SHARED_DIR");
  std::filesystem::path base = dir ? std::filesystem::path(dir) : std::filesystem::path(KAIGO_SOURCE_DIR) / "../shared";
  auto p = base / "data" / relative;
  if (!std::filesystem::exists(p)) return std::nullopt;
  return p;
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The text of a file of the shared data; nothing when it is absent (the test then skips).
inline std::optional<std::string> shared_data_text(const std::string& relative) {
  auto path = shared_data_file(relative);
  if (!path) return std::nullopt;
  return slurp(*path);
}

// The fields of a row of a shared CSV file.
using SharedFields = std::vector<std::string_view>;

// A shared CSV file compared row by row with what is bundled: its text, and how many rows were compared.
struct SharedRowsChecked {
  std::string text;
  int checked = 0;
};

// Calls `check(line, fields)` for each line of the shared file `relative` that has at least
// `min_fields` comma-separated fields (the files have no quoting); `check` says whether it compared
// the row (a heading, or a row of something not bundled, it passes over). Nothing when the file is
// absent: the test then skips, after the call, since GTEST_SKIP returns from the function it is in.
template <typename Check>
std::optional<SharedRowsChecked> check_shared_rows(const std::string& relative, std::size_t min_fields, Check check) {
  auto text = shared_data_text(relative);
  if (!text) return std::nullopt;
  SharedRowsChecked out{std::move(*text)};
  for (auto line : lines(out.text)) {
    const auto fields = split(line, ',');
    if (fields.size() >= min_fields && check(line, fields)) ++out.checked;
  }
  return out;
}

// The bundled masters, loaded once; any diagnostic fails the test that first asks.
inline const master::Masters& bundled() {
  static const master::Masters m = [] {
    auto r = master::load_bundled_masters();
    EXPECT_TRUE(r.ok());
    for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
    return *r.table;
  }();
  return m;
}

// A strict loader's answer to a file with one defect: exactly one Diagnostic, naming the line, the
// column (項番 and 項目名) and the value, worded in Japanese (and in English).
inline void expect_single(const Diagnostics& d, std::string_view code, std::uint64_t line, int item_no,
                          std::string_view item_name, std::string_view value, std::string_view ja) {
  ASSERT_EQ(d.size(), 1u) << (d.empty() ? "none" : d[0].to_string() + " …");
  EXPECT_EQ(d[0].code, code);
  EXPECT_EQ(d[0].line, line);
  EXPECT_EQ(d[0].item_no, item_no);
  EXPECT_EQ(d[0].item_name, item_name);
  EXPECT_EQ(d[0].value, value);
  EXPECT_EQ(d[0].message_ja, ja);
  EXPECT_FALSE(d[0].message_en.empty());
}

}  // namespace kaigo::testing
