// A code held in place: as wide as its field, compared and printed as the text it holds; a text
// too long for the field is a bug the type refuses rather than cuts.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <stdexcept>

#include "kaigo/core/arena.hpp"
#include "kaigo/core/fixed_text.hpp"

namespace kaigo {
namespace {

TEST(FixedText, HoldsComparesAndPrintsItsText) {
  FixedText<10> office;
  EXPECT_TRUE(office.empty());
  office = std::string_view("1370000001");
  EXPECT_EQ(office.size(), 10u);
  EXPECT_TRUE(office == "1370000001");
  EXPECT_FALSE(office == "137000000");
  EXPECT_EQ(office.str(), "1370000001");
  EXPECT_EQ(fmt::format("[{}]", office), "[1370000001]");
  const std::string_view view = office;
  EXPECT_EQ(view, "1370000001");
  EXPECT_EQ(FixedText<2>("3a"), FixedText<2>("3a"));
  EXPECT_LT(FixedText<2>("21"), FixedText<2>("22"));
}

TEST(FixedText, ATextLongerThanItsFieldIsRefusedNotCut) {
  FixedText<2> level("22");
  EXPECT_THROW(level = std::string_view("221"), std::length_error);
  EXPECT_EQ(level.str(), "22");  // unchanged
  EXPECT_THROW(FixedText<2>(std::string_view("3ab")), std::length_error);
  EXPECT_EQ(FixedText<2>::of("3ab"), std::nullopt);
}

TEST(Arena, ViewsStayValidAsBlocksFill) {
  Arena arena;
  std::vector<std::string_view> views;
  std::vector<std::string> texts;
  for (int i = 0; i < 30000; ++i) texts.push_back(fmt::format("ｶｲｺﾞ ﾀﾛｳ {}", i));
  texts.push_back(std::string(300 * 1024, 'x'));  // larger than a block
  for (const auto& t : texts) views.push_back(arena.copy(t));
  for (std::size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(views[i], texts[i]) << i;
  EXPECT_TRUE(arena.copy("").empty());
}

}  // namespace
}  // namespace kaigo
