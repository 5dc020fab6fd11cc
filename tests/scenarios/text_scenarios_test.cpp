// Every scenario told as text in tests/scenarios/*.md (README.md says how to write one), run through
// the command line month by month, one test each.
#include <gtest/gtest.h>

#include "support/test_support.hpp"
#include "support/text_scenario.hpp"

namespace kaigo::testing {
namespace {

class TextScenario : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(TextScenario, ComesOutAsItSays) {
  std::vector<std::string> failures;
  try {
    failures = run_text_scenario(GetParam());
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  for (const auto& f : failures) ADD_FAILURE() << f;
}

std::string name_of(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  return gtest_name(info.param.stem().string());
}

INSTANTIATE_TEST_SUITE_P(Files, TextScenario, ::testing::ValuesIn(scenario_files()), name_of);

}  // namespace
}  // namespace kaigo::testing
