// render_all and `kaigo render` on a folder laid out as `kaigo results` writes it: a PDF and an
// HTML file next to every result file, other files left alone.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "kaigo/report/render_all.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

namespace fs = std::filesystem;

// DIR/1370000001/{7411,7521}.CSV, DIR/12A0000031/7421.CSV, and two files that are not notices.
void lay_out_results(const fs::path& dir) {
  fs::create_directories(dir / "1370000001");
  fs::create_directories(dir / "12A0000031");
  kaigo::testing::write_file(dir / "1370000001/7411.CSV", testing::fixture_bytes("7411"));
  kaigo::testing::write_file(dir / "1370000001/7521.CSV", testing::fixture_bytes("7521"));
  kaigo::testing::write_file(dir / "12A0000031/7421.CSV", testing::fixture_bytes("7421"));
  kaigo::testing::write_file(dir / "1370000001/8222.CSV", testing::fixture_bytes("8222"));
  kaigo::testing::write_file(dir / "summary.json", "{}\n");
}

TEST(ReportRenderAll, WritesPdfAndHtmlNextToEachResultFile) {
  kaigo::testing::TempDir tmp;
  lay_out_results(tmp.path());
  auto written = render_all(tmp.path());
  std::vector<fs::path> expected{tmp / "12A0000031/7421.html", tmp / "12A0000031/7421.pdf",
                                 tmp / "1370000001/7411.html", tmp / "1370000001/7411.pdf",
                                 tmp / "1370000001/7521.html", tmp / "1370000001/7521.pdf"};
  EXPECT_EQ(written, expected);
  for (const auto& f : expected) {
    ASSERT_TRUE(fs::exists(f)) << f;
    EXPECT_GT(fs::file_size(f), 1000u) << f;
  }
  EXPECT_EQ(kaigo::testing::read_file(tmp / "1370000001/7411.pdf").substr(0, 5), "%PDF-");
  EXPECT_FALSE(fs::exists(tmp / "1370000001/8222.pdf"));
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(tmp.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 5 + 6);
}

// Printing is deterministic (the PDF's date is the notice's 作成年月日, not the clock) and files
// printed on several threads are the same as on one.
TEST(ReportRenderAll, OneThreadOrSeveralWriteTheSameBytes) {
  kaigo::testing::TempDir one, four;
  lay_out_results(one.path());
  lay_out_results(four.path());
  auto a = render_all(one.path(), 1);
  auto b = render_all(four.path(), 4);
  ASSERT_EQ(a.size(), 6u);
  ASSERT_EQ(b.size(), 6u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(fs::relative(a[i], one.path()), fs::relative(b[i], four.path()));
    EXPECT_EQ(kaigo::testing::read_file(a[i]), kaigo::testing::read_file(b[i])) << a[i];
  }
}

// The server's download and `kaigo render` print a notice when it is first asked for: the same bytes
// as printing the folder at once, kept, printed once even when asked from several threads at the
// same moment (each writes under its own name and renames), nothing left half-written.
TEST(ReportRenderAll, ANoticeIsPrintedOnDemandAsItWouldBeAtOnce) {
  kaigo::testing::TempDir at_once, on_demand;
  lay_out_results(at_once.path());
  lay_out_results(on_demand.path());
  render_all(at_once.path(), 1);
  const auto pdf = on_demand / "1370000001/7411.pdf";
  EXPECT_FALSE(fs::exists(pdf));
  std::vector<std::thread> readers;
  std::atomic<int> found{0};
  for (int i = 0; i < 4; ++i) readers.emplace_back([&] { found += printed_on_demand(pdf) ? 1 : 0; });
  for (auto& t : readers) t.join();
  EXPECT_EQ(found, 4);
  EXPECT_EQ(kaigo::testing::read_file(pdf), kaigo::testing::read_file(at_once / "1370000001/7411.pdf"));
  EXPECT_EQ(kaigo::testing::read_file(on_demand / "1370000001/7411.html"),
            kaigo::testing::read_file(at_once / "1370000001/7411.html"));
  // Only the asked-for notice: the 5 files laid out and 7411's PDF and HTML, no .part left.
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(on_demand.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 7);
  // Official files are served as they are; a form without a print, or no CSV, is not there.
  EXPECT_TRUE(printed_on_demand(on_demand / "1370000001/7521.CSV"));
  EXPECT_FALSE(printed_on_demand(on_demand / "1370000001/8222.pdf"));
  EXPECT_FALSE(printed_on_demand(on_demand / "1370000001/7311.pdf"));
  EXPECT_FALSE(printed_on_demand(on_demand / "1370000001/7411.txt"));
}

TEST(ReportRenderAll, ABrokenResultFileIsNamed) {
  kaigo::testing::TempDir tmp;
  fs::create_directories(tmp / "1370000001");
  kaigo::testing::write_file(tmp / "1370000001/7411.CSV", "1,1,0\r\n");
  try {
    render_all(tmp.path());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    auto file = (tmp / "1370000001/7411.CSV").string();
    EXPECT_TRUE(what.starts_with(file + " を印刷できません / cannot print " + file + ": ")) << what;
  }
}

TEST(ReportRenderAll, CommandLine) {
  kaigo::testing::TempDir tmp;
  lay_out_results(tmp.path());
  auto r = kaigo::testing::run_kaigo("render " + tmp.path().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, (tmp / "12A0000031/7421.html").string() + "\n" + (tmp / "12A0000031/7421.pdf").string() + "\n" +
                       (tmp / "1370000001/7411.html").string() + "\n" + (tmp / "1370000001/7411.pdf").string() + "\n" +
                       (tmp / "1370000001/7521.html").string() + "\n" + (tmp / "1370000001/7521.pdf").string() + "\n");
  auto png = kaigo::testing::run_kaigo("render --png " + (tmp / "p.png").string() + " --page 1 --dpi 50 " +
                                       (tmp / "1370000001/7411.CSV").string());
  EXPECT_EQ(png.exit_code, 0) << png.err;
  EXPECT_EQ(kaigo::testing::read_file(tmp / "p.png").substr(1, 3), "PNG");
  auto missing = kaigo::testing::run_kaigo("render --png " + (tmp / "q.png").string() + " --page 2 " +
                                           (tmp / "1370000001/7411.CSV").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "エラー / error: ページ 2 はありません (全 1 ページ) / no page 2\n");
}

}  // namespace
}  // namespace kaigo::report
