// The HTML rendering: one standalone UTF-8 file with inline CSS and the same cell values as the PDF.
#include <gtest/gtest.h>

#include "kaigo/report/render.hpp"
#include "expected_cells.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

TEST(ReportHtml, The7411FixtureHasItsCellsHeadingsAndIssuer) {
  auto page = html(testing::fixture_notice("7411"));
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"));
  EXPECT_NE(page.find("<title>請求明細書・給付管理票返戻（保留）一覧表 1370000001 令和8年5月審査分</title>"), std::string::npos);
  EXPECT_NE(page.find("@page { size: A4 landscape; margin: 12mm; }"), std::string::npos);
  EXPECT_NE(page.find("<th>保険者（事業所）番号<br>保険者（事業所）名</th>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"l\">00131029<br>中央区</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"l\">0000023456<br>ﾀﾅｶ ｼﾞﾛｳ</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"c\">R08.4</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"r\">5,107</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"l\">給付管理票が未提出のため保留</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"c\">１２Ｐ０</td>"), std::string::npos);
  EXPECT_NE(page.find("<div class=\"month\">令和8年5月審査分</div>"), std::string::npos);
  EXPECT_NE(page.find("<div class=\"created\">令和8年5月20日</div>"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"issuer\">東京都国民健康保険団体連合会</p>"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("http"), std::string::npos);  // standalone: nothing fetched
}

TEST(ReportHtml, GroupedHeadingsTotalsAndFields) {
  auto page = html(testing::fixture_notice("7521"));
  EXPECT_NE(page.find("<th rowspan=\"2\">サービス種類</th><th colspan=\"5\">介護給付費</th>"), std::string::npos);
  EXPECT_NE(page.find("<tr class=\"total first-total\"><td class=\"l\">合計</td>"), std::string::npos);
  EXPECT_NE(page.find("<tr class=\"total\"><td class=\"l\">支払決定</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"r\">81,217</td>"), std::string::npos);
  auto pay = html(testing::fixture_notice("7513"));
  EXPECT_NE(pay.find("@page { size: A4 portrait; margin: 12mm; }"), std::string::npos);
  EXPECT_NE(pay.find("<table class=\"fields\" style=\"width: 75%\">\n<caption>振込先</caption>"), std::string::npos);
  EXPECT_NE(pay.find("<tr><th class=\"l\">振込金額</th><td class=\"r\">81,217 円</td></tr>"), std::string::npos);
}

TEST(ReportHtml, TextIsEscaped) {
  auto n = testing::fixture_notice("7411");
  n.records[1].items[9] = "A<B&C>\"D\"";
  auto page = html(n);
  EXPECT_NE(page.find("<td class=\"l\">A&lt;B&amp;C&gt;&quot;D&quot;</td>"), std::string::npos);
}

TEST(ReportHtml, EveryFormWritesAFileWithTheSameCellsAsThePdfContent) {
  kaigo::testing::TempDir tmp;
  for (const auto& code : testing::result_forms()) {
    auto n = testing::fixture_notice(code);
    render_html(n, tmp / (code + ".html"));
    auto page = kaigo::testing::read_file(tmp / (code + ".html"));
    EXPECT_EQ(page, html(n)) << code;
    const auto& e = testing::expected().at(code);
    for (const auto& s : std::vector<std::string>{e.title, e.office, e.month})
      EXPECT_NE(page.find(s), std::string::npos) << code << ": " << s;
    for (const auto& s : e.cells) EXPECT_NE(page.find(s), std::string::npos) << code << ": " << s;
  }
}

}  // namespace
}  // namespace kaigo::report
