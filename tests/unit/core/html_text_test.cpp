// core/html_text: one escape for the notices' HTML (double quotes only: their bytes stay) and the
// pages' frame (both quotes).
#include <gtest/gtest.h>

#include "kaigo/core/html_text.hpp"

namespace kaigo {
namespace {

TEST(HtmlText, EscapesMarkupAndTheQuotesAsked) {
  EXPECT_EQ(html_escape("<a href=\"x\">A & B's</a>"), "&lt;a href=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/a&gt;");
  EXPECT_EQ(html_escape("A & B's \"x\"", HtmlQuotes::Double), "A &amp; B's &quot;x&quot;");
  EXPECT_EQ(html_escape("介護保険"), "介護保険");
}

}  // namespace
}  // namespace kaigo
