// Every file kind has a fixture written from its layout (careplan/sample): the committed file is
// exactly what the layout gives, it is read without a finding, and writing what was read gives
// back the same bytes. Hand-written fixtures (tests/fixtures/careplan/edge) do the same with free
// text holding commas, line breaks and doubled quotes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/reader.hpp"
#include "kaigo/careplan/sample.hpp"
#include "kaigo/careplan/writer.hpp"
#include "support/test_support.hpp"

namespace kaigo::careplan {
namespace {

using kaigo::testing::fixture;
using kaigo::testing::read_file;

// Reads a file and writes every record back with its quoting.
struct Rewrite : Sink {
  std::unique_ptr<Writer> writer;
  std::vector<Diagnostic> findings;
  std::size_t records = 0;
  void on_name(const std::optional<FileName>& name) override {
    if (name && name->kind->layout) writer = std::make_unique<Writer>(*name->kind->layout);
  }
  void on_diagnostic(const Diagnostic& d, const Record*) override { findings.push_back(d); }
  void on_record(const Record& r) override {
    ++records;
    if (writer) writer->add(r.values, r.quoted);
  }
};

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(fixture(dir))) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(CareplanFixtures, EveryKindHasAFixtureWrittenFromItsLayout) {
  bool regenerate = std::getenv("KAIGO_WRITE_CAREPLAN_FIXTURES") != nullptr;
  std::set<std::string> expected;
  for (const auto& kind : Registry::instance().kinds()) {
    FileName name = sample_name(*kind);
    std::string file = name.str();
    expected.insert(file);
    std::string bytes = sample_file(name);
    auto path = fixture("careplan/valid/" + file);
    if (regenerate) kaigo::testing::write_file(path, bytes);
    ASSERT_TRUE(std::filesystem::exists(path)) << file;
    EXPECT_EQ(read_file(path), bytes) << file << ": the fixture is not what the layout gives";
  }
  auto present = files_in("careplan/valid");
  EXPECT_EQ(std::set<std::string>(present.begin(), present.end()), expected);
}

class ValidFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidFixture, ReadsCleanAndRoundTripsByteForByte) {
  auto bytes = read_file(fixture("careplan/" + GetParam()));
  auto name = std::filesystem::path(GetParam()).filename().string();
  FileCheck c = check_bytes(name, bytes);
  for (const auto& r : c.rows) ADD_FAILURE() << r.code << " line " << r.line << " No." << r.item_no << " " << r.message_ja;
  EXPECT_EQ(c.error_count + c.warning_count, 0u);
  auto parsed = parse_file_name(name);
  ASSERT_TRUE(parsed.name);
  if (parsed.name->kind->image) return;
  EXPECT_GT(c.records, 0u);
  Rewrite w;
  read_bytes(name, bytes, w);
  ASSERT_TRUE(w.writer);
  EXPECT_EQ(w.records, c.records);
  EXPECT_EQ(w.writer->bytes(), bytes);
}

std::vector<std::string> all_fixtures() {
  std::vector<std::string> out;
  for (const auto& f : files_in("careplan/valid")) out.push_back("valid/" + f);
  for (const auto& f : files_in("careplan/edge")) out.push_back("edge/" + f);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Careplan, ValidFixture, ::testing::ValuesIn(all_fixtures()),
                         [](const auto& param_info) { return kaigo::testing::gtest_name(param_info.param); });

}  // namespace
}  // namespace kaigo::careplan
