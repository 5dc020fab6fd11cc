// The HTML rendering: one standalone UTF-8 file with inline CSS and the same cell values as the PDF.
#include <gtest/gtest.h>

#include "kaigo/report/render.hpp"
#include "expected_cells.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

// Each fragment stands somewhere in the page, character for character.
void expect_fragments(const std::string& page, std::initializer_list<std::string_view> fragments) {
  for (auto fragment : fragments) EXPECT_NE(page.find(fragment), std::string::npos) << fragment;
}

TEST(ReportHtml, The7411FixtureHasItsCellsHeadingsAndIssuer) {
  auto page = html(testing::fixture_notice("7411"));
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"));
  expect_fragments(
      page,
      {"<title>請求明細書・給付管理票返戻（保留）一覧表 1370000001 令和8年5月審査分</title>",
       "@page { size: A4 landscape; margin: 12mm; }", "<th>保険者（事業所）番号<br>保険者（事業所）名</th>",
       "<td class=\"l\">00131029<br>中央区</td>", "<td class=\"l\">0000023456<br>ﾀﾅｶ ｼﾞﾛｳ</td>",
       "<td class=\"c\">R08.4</td>", "<td class=\"r\">5,107</td>", "<td class=\"l\">給付管理票が未提出のため保留</td>",
       "<td class=\"c\">１２Ｐ０</td>", "<div class=\"month\">令和8年5月審査分</div>",
       "<div class=\"created\">令和8年5月20日</div>", "<p class=\"issuer\">東京都国民健康保険団体連合会</p>"});
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("http"), std::string::npos);  // standalone: nothing fetched
}

TEST(ReportHtml, GroupedHeadingsTotalsAndFields) {
  auto page = html(testing::fixture_notice("7521"));
  expect_fragments(page, {"<th rowspan=\"2\">サービス種類</th><th colspan=\"5\">介護給付費</th>",
                          "<tr class=\"total first-total\"><td class=\"l\">合計</td>",
                          "<tr class=\"total\"><td class=\"l\">支払決定</td>", "<td class=\"r\">81,217</td>"});
  auto pay = html(testing::fixture_notice("7513"));
  expect_fragments(pay, {"@page { size: A4 portrait; margin: 12mm; }",
                         "<table class=\"fields\" style=\"width: 75%\">\n<caption>振込先</caption>",
                         "<tr><th class=\"l\">振込金額</th><td class=\"r\">81,217 円</td></tr>"});
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
