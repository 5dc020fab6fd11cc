// The runner of the text scenarios (tests/support/text_scenario): a story whose expected rows are
// wrong is reported with the expected and the actual rows side by side, the differing row marked;
// a malformed story is refused naming its line.
#include <gtest/gtest.h>

#include "support/text_scenario.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

TEST(TextScenarioRunner, AWrongExpectationIsShownSideBySide) {
  const auto failures = run_text_scenario(fixture("scenarios/wrong-expectation.md"));
  ASSERT_EQ(failures.size(), 1u);
  const auto& f = failures.front();
  EXPECT_NE(f.find("wrong-expectation.md: 処理年月 202310 の 3070000000 7411 D1 が違います"), std::string::npos) << f;
  EXPECT_NE(f.find("期待 / expected"), std::string::npos) << f;
  // The first row differs (15868 written, 15869 came out) and is marked; the second is the same.
  EXPECT_NE(f.find("  * 00300000 | △△市 | 0000000001 | ｶｲｺﾞ ﾀﾛｳ | 請 | 202309 | 11 | 15868 | B |"), std::string::npos) << f;
  EXPECT_NE(f.find("| 11 | 15869 | B | 証記載保険者番号：市町村の認定変更が未決定 | 12PA"), std::string::npos) << f;
  EXPECT_NE(f.find("\n    00300000 | △△市 | 0000000001 | ｶｲｺﾞ ﾀﾛｳ | 請 | 202309 | 11 | 15869 | B | 被保険者番号"),
            std::string::npos)
      << f;
}

TEST(TextScenarioRunner, AnUnknownColumnIsRefusedWithItsLine) {
  try {
    run_text_scenario(fixture("scenarios/unknown-column.md"));
    FAIL() << "accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "unknown-column.md:18: 知らない列「区分変更中」 / unknown column 区分変更中");
  }
}

}  // namespace
}  // namespace kaigo::testing
