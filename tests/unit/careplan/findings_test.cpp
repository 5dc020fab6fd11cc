// Every finding the care-plan check reports has a file that trips it (tests/fixtures/careplan/bad,
// one folder per case), and the rows the check gives for it are exactly those of expected.tsv:
// code, severity, line, item, value, person and message — nothing more, nothing less.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/codes.hpp"
#include "kaigo/core/strings.hpp"
#include "support/test_support.hpp"

namespace kaigo::careplan {
namespace {

using kaigo::testing::fixture;

struct Case {
  std::string file;
  std::string options;
  std::vector<std::vector<std::string>> rows;  // code … message_ja, as in the table
};

std::map<std::string, Case> cases() {
  std::map<std::string, Case> out;
  auto text = kaigo::testing::read_file(fixture("careplan/bad/expected.tsv"));
  auto all = lines(text);
  for (std::size_t i = 1; i < all.size(); ++i) {
    auto c = split(all[i], '\t');
    EXPECT_EQ(c.size(), 12u) << "expected.tsv line " << i + 1;
    Case& k = out[std::string(c[0])];
    k.file = std::string(c[1]);
    k.options = std::string(c[2]);
    k.rows.emplace_back(c.begin() + 3, c.end());
  }
  return out;
}

std::vector<std::string> as_columns(const CheckRow& r) {
  return {r.code,
          std::string(enum_code(r.severity)),
          std::to_string(r.line),
          std::to_string(r.item_no),
          r.item_name,
          r.value,
          r.insurer_no,
          r.insured_no,
          r.message_ja};
}

std::string describe(const std::vector<std::string>& row) {
  std::string out;
  for (const auto& c : row) out += "[" + c + "]";
  return out;
}

class BadFile : public ::testing::TestWithParam<std::string> {};

TEST_P(BadFile, GivesExactlyTheExpectedRows) {
  static const auto all = cases();
  const Case& k = all.at(GetParam());
  CheckOptions options;
  if (starts_with(k.options, "max_record=")) options.read.max_record_bytes = static_cast<std::size_t>(*parse_int(k.options.substr(11)));
  FileCheck c = check_file(fixture("careplan/bad/" + GetParam() + "/" + k.file), options);
  std::vector<std::vector<std::string>> got;
  for (const auto& r : c.rows) got.push_back(as_columns(r));
  ASSERT_EQ(got.size(), k.rows.size()) << [&] {
    std::string s;
    for (const auto& g : got) s += describe(g) + "\n";
    return s;
  }();
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(describe(got[i]), describe(k.rows[i])) << "row " << i;
  for (const auto& r : c.rows) {
    EXPECT_EQ(r.file, k.file);
    EXPECT_FALSE(r.message_en.empty());
  }
}

std::vector<std::string> case_names() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(fixture("careplan/bad"))) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Careplan, BadFile, ::testing::ValuesIn(case_names()),
                         [](const auto& param_info) { return kaigo::testing::gtest_name(param_info.param); });

TEST(CareplanFindings, EveryCodeHasAFileThatTripsIt) {
  std::set<std::string> tripped;
  for (const auto& [name, k] : cases()) {
    for (const auto& row : k.rows) tripped.insert(row[0]);
    EXPECT_TRUE(std::filesystem::exists(fixture("careplan/bad/" + name + "/" + k.file))) << name;
  }
  for (const auto& t : finding_texts()) EXPECT_TRUE(tripped.count(std::string(t.code))) << t.code << " has no file";
  EXPECT_EQ(cases().size(), case_names().size()) << "every case folder is in expected.tsv";
}

}  // namespace
}  // namespace kaigo::careplan
