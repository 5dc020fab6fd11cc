// The PDF of every result form: poppler reads it without a single warning, and its text holds the
// title, the office, the month, specific cells and the page numbers. Skipped (with the reason) only
// where poppler-utils is not installed; scripts/setup.sh installs it.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/report/render.hpp"
#include "kaigo/report/typeset.hpp"
#include "expected_cells.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

class ReportPdf : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!testing::have_poppler()) GTEST_SKIP() << "pdftoppm / pdftotext (poppler-utils) がありません / not installed";
  }
  kaigo::testing::TempDir tmp_;
};

// Rasterises every page with pdftoppm (no warning allowed), checks the page count and size, and
// returns the text in content-stream order.
std::string render_and_read(const Notice& n, const std::filesystem::path& dir, int expected_pages) {
  auto pdf = dir / (n.form + ".pdf");
  render_pdf(n, pdf);
  EXPECT_FALSE(std::filesystem::exists(pdf.string() + ".part"));
  auto ppm = testing::run("pdftoppm -r 30 -gray " + pdf.string() + " " + (dir / "page").string());
  EXPECT_EQ(ppm.exit_code, 0);
  EXPECT_EQ(ppm.err, "");  // not a single warning
  int images = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) images += e.path().extension() == ".pgm";
  EXPECT_EQ(images, expected_pages);
  auto info = testing::run("pdfinfo " + pdf.string());
  EXPECT_EQ(info.exit_code, 0);
  EXPECT_EQ(info.err, "");
  auto pages_at = info.out.find("Pages:");
  int pages = pages_at == std::string::npos ? -1 : std::stoi(info.out.substr(pages_at + 6));
  EXPECT_EQ(pages, expected_pages) << info.out;
  EXPECT_LT(std::filesystem::file_size(pdf), 200u * 1024 + 20u * 1024 * static_cast<unsigned>(expected_pages));
  auto text = testing::run("pdftotext -raw -enc UTF-8 " + pdf.string() + " -");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.err, "");
  return text.out;
}

TEST_P(ReportPdf, FixturePrintsItsTitleOfficeAndCells) {
  const auto& e = testing::expected().at(GetParam());
  auto text = render_and_read(testing::fixture_notice(GetParam()), tmp_.path(), 1);
  for (const auto& s : std::vector<std::string>{e.title, e.office, e.month, "1 / 1 ページ"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  for (const auto& s : e.cells) EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
}

using ReportPdfLong = ReportPdf;

TEST_P(ReportPdfLong, FlowsOverNumberedPages) {
  auto notice = testing::long_notice(GetParam(), 120);
  int pages = static_cast<int>(typeset(notice).size());
  ASSERT_GE(pages, 3);
  auto text = render_and_read(notice, tmp_.path(), pages);
  const auto& e = testing::expected().at(GetParam());
  std::size_t at = 0;
  for (int i = 1; i <= pages; ++i) {  // page numbers in order, each page with its title
    auto title = text.find(e.title, at);
    auto number = text.find(fmt::format("{} / {} ページ", i, pages), at);
    ASSERT_NE(title, std::string::npos) << "page " << i;
    ASSERT_NE(number, std::string::npos) << "page " << i;
    EXPECT_LT(title, number);
    at = number;
  }
  EXPECT_EQ(text.find(fmt::format("{} / {} ページ", pages + 1, pages)), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Report, ReportPdf, ::testing::ValuesIn(testing::result_forms()),
                         [](const auto& param_info) { return param_info.param; });
// 120 D1 records each; 7513 is a single H1 record and has no long form.
INSTANTIATE_TEST_SUITE_P(Report, ReportPdfLong,
                         ::testing::Values("7211", "7221", "7311", "7411", "7421", "7521", "7541", "7611", "7631", "7621"),
                         [](const auto& param_info) { return param_info.param; });

TEST(ReportPdfFont, JapaneseIsSetInNotoSerifCjkJpEmbeddedAsOneSubset) {
  if (!testing::have_poppler()) GTEST_SKIP() << "poppler-utils がありません / not installed";
  kaigo::testing::TempDir tmp;
  render_pdf(testing::fixture_notice("7411"), tmp / "7411.pdf");
  auto fonts = testing::run("pdffonts " + (tmp / "7411.pdf").string());
  EXPECT_EQ(fonts.exit_code, 0);
  EXPECT_NE(fonts.out.find("NotoSerifCJKjp-Regular"), std::string::npos) << fonts.out;
  // One face (title included), embedded as a subset with a ToUnicode map.
  int faces = 0;
  for (auto line : kaigo::lines(fonts.out)) {
    if (line.find("CID") == std::string_view::npos) continue;
    ++faces;
    EXPECT_NE(line.find(" yes yes yes "), std::string_view::npos) << line;
  }
  EXPECT_EQ(faces, 1) << fonts.out;
}

}  // namespace
}  // namespace kaigo::report
