// [platform] of kokuhoren.toml: how long an office keeps seeing a person after its 本人確認 and its
// latest 明細書 (docs/platform.md); refused out of range, warned about when unknown.
#include <gtest/gtest.h>

#include "kaigo/core/settings.hpp"

namespace kaigo {
namespace {

TEST(PlatformSettings, ServingMonthsDefaultsToThreeAndIsChecked) {
  auto none = parse_settings("", "k.toml");
  ASSERT_TRUE(none.settings);
  EXPECT_EQ(none.settings->platform.serving_months, 3);
  auto six = parse_settings("[platform]\nserving_months = 6\n", "k.toml");
  ASSERT_TRUE(six.settings);
  EXPECT_EQ(six.settings->platform.serving_months, 6);
  auto bad = parse_settings("[platform]\nserving_months = 0\n", "k.toml");
  EXPECT_FALSE(bad.settings);
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].code, "KS02");
  auto unknown = parse_settings("[platform]\nwindow = 30\n", "k.toml");
  ASSERT_TRUE(unknown.settings);
  ASSERT_EQ(unknown.diagnostics.size(), 1u);
  EXPECT_EQ(unknown.diagnostics[0].code, "KS03");
}

}  // namespace
}  // namespace kaigo
