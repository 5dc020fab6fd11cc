// Pagination: every page repeats the title and header block and carries "n / N ページ"; long tables
// flow over pages with their headings repeated; every line of text stays inside its cell (shrunk or
// wrapped, never cut off) and inside the printable area.
#include <gtest/gtest.h>

#include <numeric>

#include <fmt/format.h>

#include "kaigo/report/typeset.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

constexpr double kEps = 0.01;

bool inside(const Box& inner, const Box& outer) {
  return inner.x >= outer.x - kEps && inner.y >= outer.y - kEps && inner.right() <= outer.right() + kEps &&
         inner.bottom() <= outer.bottom() + kEps;
}

int count_texts(const PageLayout& p, const std::string& s) {
  int n = 0;
  for (const auto& t : p.texts) n += t.text == s;
  return n;
}

// Every text within its limit box, every limit, rule and fill within the printable area.
void expect_nothing_outside(const std::vector<PageLayout>& pages) {
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto& p = pages[i];
    for (const auto& t : p.texts) {
      EXPECT_TRUE(inside({t.x, t.y, t.width, t.height}, t.limit)) << "page " << i + 1 << ": " << t.text;
      EXPECT_TRUE(inside(t.limit, p.printable)) << "page " << i + 1 << ": " << t.text;
    }
    for (const auto& r : p.rules) {
      double half = r.width / 2;
      Box b{std::min(r.x0, r.x1) - half, std::min(r.y0, r.y1) - half, std::abs(r.x1 - r.x0) + r.width,
            std::abs(r.y1 - r.y0) + r.width};
      EXPECT_TRUE(inside(b, p.printable)) << "page " << i + 1;
    }
    for (const auto& f : p.fills) EXPECT_TRUE(inside(f.box, p.printable)) << "page " << i + 1;
    for (const auto& t : p.tables) EXPECT_TRUE(inside(t, p.body)) << "page " << i + 1;
  }
}

TEST(ReportTypeset, A4PortraitAndLandscape) {
  auto landscape = typeset(testing::fixture_notice("7411"));
  ASSERT_EQ(landscape.size(), 1u);
  EXPECT_NEAR(landscape[0].width, 841.89, 0.01);
  EXPECT_NEAR(landscape[0].height, 595.28, 0.01);
  EXPECT_NEAR(landscape[0].printable.x, 34.02, 0.01);  // 12 mm
  auto portrait = typeset(testing::fixture_notice("7513"));
  ASSERT_EQ(portrait.size(), 1u);
  EXPECT_NEAR(portrait[0].width, 595.28, 0.01);
  EXPECT_NEAR(portrait[0].height, 841.89, 0.01);
  EXPECT_EQ(portrait[0].tables.size(), 4u);
  EXPECT_EQ(portrait[0].row_boxes.size(), 4u + 3u + 8u + 5u);
}

TEST(ReportTypeset, EveryFixtureFitsOnePageWithNothingOutside) {
  for (const auto& code : testing::result_forms()) {
    SCOPED_TRACE(code);
    auto pages = typeset(testing::fixture_notice(code));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(count_texts(pages[0], "1 / 1 ページ"), 1);
    expect_nothing_outside(pages);
  }
}

TEST(ReportTypeset, LongTablesFlowWithHeadersOnEveryPage) {
  auto notice = testing::long_notice("7411", 120);
  auto pages = typeset(notice);
  ASSERT_EQ(pages.size(), 9u);  // 14 rows of two lines fit a landscape page under the header and notes
  int rows = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto& p = pages[i];
    SCOPED_TRACE("page " + std::to_string(i + 1));
    rows += static_cast<int>(p.row_boxes.size());
    EXPECT_EQ(count_texts(p, "請求明細書・給付管理票返戻（保留）一覧表"), 1);
    EXPECT_EQ(count_texts(p, "事業所（保険者）番号　1370000001"), 1);
    EXPECT_EQ(count_texts(p, "令和8年5月審査分"), 1);
    EXPECT_EQ(count_texts(p, "東京都国民健康保険団体連合会"), 1);
    EXPECT_EQ(count_texts(p, "内容"), 1);  // the column headings, repeated
    EXPECT_EQ(count_texts(p, fmt::format("{} / 9 ページ", i + 1)), 1);
    ASSERT_EQ(p.tables.size(), 1u);
    if (i + 1 < pages.size()) {
      EXPECT_EQ(p.row_boxes.size(), 14u);
      // Full: the first row of the next page would not have fitted under the last one.
      EXPECT_GT(p.row_boxes.back().bottom() + pages[i + 1].row_boxes.front().h, p.body.bottom());
      EXPECT_DOUBLE_EQ(p.row_boxes.back().bottom(), p.tables[0].bottom());
    }
  }
  EXPECT_EQ(rows, 120);
  expect_nothing_outside(pages);
}

TEST(ReportTypeset, TextThatDoesNotFitIsShrunkOrWrappedNeverCut) {
  auto notice = testing::fixture_notice("7411");
  auto& d1 = notice.records[1].items;
  std::string long_text;
  for (int i = 0; i < 105; ++i) long_text += "長";  // 内容 at its maximum, 210 bytes
  d1[9] = long_text;
  d1[7] = "-99999999";                          // 単位数 at its widest
  d1[3] = "ｱｲｳｴｵｶｷｸｹｺ ｻｼｽｾｿﾀﾁﾂﾃﾄ ﾅﾆﾇﾈﾉ";     // カナ氏名, 25 characters
  d1[1] = "保険者名保険者名保険者名保険者名保険者名";  // 保険者名, 20 characters
  auto pages = typeset(notice);
  ASSERT_EQ(pages.size(), 1u);
  expect_nothing_outside(pages);
  std::string joined;
  double content_limit = 0;
  for (const auto& t : pages[0].texts)
    if (t.text.starts_with("長")) {
      joined += t.text;
      content_limit = t.limit.w;
      EXPECT_DOUBLE_EQ(t.size, 8);  // 漢字 text wraps at the cell size
    }
  EXPECT_EQ(joined, long_text);  // every character printed, over several lines
  EXPECT_GT(content_limit, 0);
  for (const auto& t : pages[0].texts) {
    if (t.text == "-99,999,999") {
      EXPECT_LE(t.size, 8);
    }
    if (t.text == "ｱｲｳｴｵｶｷｸｹｺ ｻｼｽｾｿﾀﾁﾂﾃﾄ ﾅﾆﾇﾈﾉ") {
      EXPECT_LT(t.size, 8);  // shrunk onto one line
    }
  }
  int found = 0;
  for (const auto& t : pages[0].texts) found += t.text == "-99,999,999" || t.text == "ｱｲｳｴｵｶｷｸｹｺ ｻｼｽｾｿﾀﾁﾂﾃﾄ ﾅﾆﾇﾈﾉ";
  EXPECT_EQ(found, 2);
}

TEST(ReportTypeset, ContinuedTablesRepeatTheirCaption) {
  auto pages = typeset(testing::long_notice("7621", 60));
  ASSERT_GE(pages.size(), 2u);
  const auto& last = pages.back();
  EXPECT_EQ(count_texts(last, "合計") + count_texts(last, "合計（続き）"), 1);
  int total_captions = 0;
  for (const auto& p : pages) total_captions += count_texts(p, "合計");
  EXPECT_EQ(total_captions, 1);
  expect_nothing_outside(pages);
}

}  // namespace
}  // namespace kaigo::report
