// A page drawn on a cairo image surface (the same drawing code as the PDF) and checked as an
// image: nothing in the outer margins, the title centred where the layout put it, the table frame
// and its row rules exactly where the layout says, ink in the title and table areas.
#include <gtest/gtest.h>

#include <cmath>

#include "kaigo/report/render.hpp"
#include "kaigo/report/typeset.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

constexpr double kDpi = 200;
constexpr int kInk = 250;   // below this a pixel has ink (antialiasing included)
constexpr int kRule = 160;  // below this a pixel belongs to a rule or a glyph, not a grey fill

struct Ink {
  int count = 0;
  int left = 1 << 30, right = -1, top = 1 << 30, bottom = -1;
};

Ink ink_in(const PageImage& img, int x0, int y0, int x1, int y1, int threshold = kInk) {
  Ink ink;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x)
      if (img.at(x, y) < threshold) {
        ++ink.count;
        ink.left = std::min(ink.left, x);
        ink.right = std::max(ink.right, x);
        ink.top = std::min(ink.top, y);
        ink.bottom = std::max(ink.bottom, y);
      }
  return ink;
}

int floor_px(const PageImage& img, double pt) { return static_cast<int>(std::floor(pt * img.dpi / 72.0)); }
int ceil_px(const PageImage& img, double pt) { return static_cast<int>(std::ceil(pt * img.dpi / 72.0)); }

// Pixels that lie wholly in the outer margins, with ink.
int margin_ink(const PageImage& img, const Box& printable) {
  int x0 = floor_px(img, printable.x), y0 = floor_px(img, printable.y);
  int x1 = ceil_px(img, printable.right()), y1 = ceil_px(img, printable.bottom());
  int total = ink_in(img, 0, 0, img.width, img.height).count;
  return total - ink_in(img, x0, y0, x1, y1).count;
}

// Runs of rule pixels down the column x between y0 and y1: the horizontal rules crossing it.
int rules_crossing(const PageImage& img, int x, int y0, int y1) {
  int runs = 0;
  bool in = false;
  for (int y = y0; y < y1; ++y) {
    bool dark = img.at(x, y) < kRule;
    runs += dark && !in;
    in = dark;
  }
  return runs;
}

// A vertical rule at x_pt: on every pixel row between y0_pt and y1_pt one of the pixels around it is dark.
bool vertical_rule(const PageImage& img, double x_pt, double y0_pt, double y1_pt) {
  int x = floor_px(img, x_pt);
  for (int y = ceil_px(img, y0_pt) + 1; y < floor_px(img, y1_pt) - 1; ++y) {
    bool dark = false;
    for (int dx = -1; dx <= 1; ++dx) dark = dark || img.at(x + dx, y) < 128;
    if (!dark) return false;
  }
  return true;
}

void check_page(const PageImage& img, const PageLayout& page) {
  EXPECT_EQ(img.width, static_cast<int>(std::lround(page.width * kDpi / 72)));
  EXPECT_EQ(img.height, static_cast<int>(std::lround(page.height * kDpi / 72)));
  EXPECT_EQ(margin_ink(img, page.printable), 0);  // nothing drawn in the margins, nothing cut off
  // The title has ink, centred on the page (within two pixels) and inside its line box.
  auto title = ink_in(img, 0, floor_px(img, page.title.y), img.width, ceil_px(img, page.title.bottom()));
  EXPECT_GT(title.count, 500);
  EXPECT_LE(std::abs(title.left - (img.width - 1 - title.right)), 2) << title.left << " " << title.right;
  // Every table: its frame on both sides, its rules one per row plus the top and the heading.
  for (const auto& table : page.tables) {
    EXPECT_TRUE(vertical_rule(img, table.x, table.y, table.bottom()));
    EXPECT_TRUE(vertical_rule(img, table.right(), table.y, table.bottom()));
    auto inside = ink_in(img, ceil_px(img, table.x) + 2, ceil_px(img, table.y) + 2, floor_px(img, table.right()) - 2,
                         floor_px(img, table.bottom()) - 2);
    EXPECT_GT(inside.count, 1000);  // text and inner rules
  }
  // The ink of the page starts at the outer edge of the first table's frame stroke, and ends at
  // the other edge where the table is as wide as the page.
  auto all = ink_in(img, 0, 0, img.width, img.height);
  const auto& first = page.tables.front();
  double half = 0.5;  // half the frame rule (PageStyle::frame_rule)
  EXPECT_LE(std::abs(all.left - floor_px(img, first.x - half)), 1);
  if (first.w > page.printable.w - 3) {
    EXPECT_LE(std::abs(all.right - floor_px(img, first.right() + half)), 1);
  }
}

TEST(ReportImage, FixturePagesAreDrawnWhereTheLayoutSays) {
  for (const auto& code : testing::result_forms()) {
    SCOPED_TRACE(code);
    auto notice = testing::fixture_notice(code);
    auto pages = typeset(notice);
    auto img = render_page_image(notice, 0, kDpi);
    check_page(img, pages[0]);
  }
}

TEST(ReportImage, EveryPageOfALongNoticeHasItsRowsRuled) {
  auto notice = testing::long_notice("7411", 120);
  auto pages = typeset(notice);
  ASSERT_EQ(pages.size(), 9u);
  for (int i : {0, 4, 8}) {
    SCOPED_TRACE("page " + std::to_string(i + 1));
    const auto& page = pages[static_cast<std::size_t>(i)];
    auto img = render_page_image(notice, i, kDpi);
    check_page(img, page);
    const auto& t = page.tables.front();
    int x = ceil_px(img, t.x) + 2;  // inside the first column, left of its text
    // Top frame, heading bottom, and the rule under each row (the last one is the frame).
    EXPECT_EQ(rules_crossing(img, x, floor_px(img, t.y) - 2, ceil_px(img, t.bottom()) + 3),
              static_cast<int>(page.row_boxes.size()) + 2);
  }
  EXPECT_EQ(pages[8].row_boxes.size(), 120u - 8 * 14);
  EXPECT_THROW(render_page_image(notice, 9, kDpi), std::out_of_range);
}

TEST(ReportImage, TotalsRowsAreShadedAndRuled) {
  auto notice = testing::fixture_notice("7521");
  auto page = typeset(notice).front();
  auto img = render_page_image(notice, 0, kDpi);
  ASSERT_EQ(page.row_boxes.size(), 5u);
  auto shade = [&](const Box& row) {  // a pixel of the row's background, right of the first column's text
    return img.at(floor_px(img, row.x + 2), floor_px(img, row.y + row.h / 2));
  };
  EXPECT_EQ(shade(page.row_boxes[0]), 255);  // D1
  EXPECT_EQ(shade(page.row_boxes[1]), 255);
  for (int i : {2, 3, 4}) EXPECT_EQ(shade(page.row_boxes[static_cast<std::size_t>(i)]), 240);  // T1–T3: grey 0.94
}

TEST(ReportImage, PngFileOfAPage) {
  kaigo::testing::TempDir tmp;
  auto notice = testing::fixture_notice("7411");
  render_png(notice, 0, tmp / "p.png", 100);
  auto bytes = kaigo::testing::read_file(tmp / "p.png");
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
  };
  EXPECT_EQ(be32(16), 1169u);  // 297 mm at 100 dpi
  EXPECT_EQ(be32(20), 827u);   // 210 mm
}

}  // namespace
}  // namespace kaigo::report
