// What a notice prints, before layout: numbers with thousands separators, 和暦, the templates of the
// design, and the header, notes and issuer of the page.
#include <gtest/gtest.h>

#include "kaigo/report/content.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

std::vector<std::string> texts(const ContentCell& c) {
  std::vector<std::string> out;
  for (const auto& l : c.lines) out.push_back(l.text);
  return out;
}

TEST(ReportContent, ItemsArePrintedTheWayThe帳票PrintsThem) {
  exchange::ItemSpec number{
      3,  "単位数", text::CharClass::Digits, 8, true, exchange::Requirement::Optional, exchange::ItemFormat::Plain,
      "", "", ""};
  EXPECT_EQ(format_item(number, "1719"), "1,719");
  EXPECT_EQ(format_item(number, "-1719"), "-1,719");
  EXPECT_EQ(format_item(number, "-120"), "-120");
  EXPECT_EQ(format_item(number, "0"), "0");
  EXPECT_EQ(format_item(number, "1234567890"), "1,234,567,890");
  EXPECT_EQ(format_item(number, ""), "");
  EXPECT_EQ(thousands("12a"), "12a");
  auto month = number;
  month.format = exchange::ItemFormat::YearMonth;
  EXPECT_EQ(format_item(month, "202604"), "R08.4");
  EXPECT_EQ(format_item(month, "201903"), "H31.3");
  auto day = number;
  day.format = exchange::ItemFormat::Date;
  EXPECT_EQ(format_item(day, "20260520"), "令和8年5月20日");
  auto code = number;
  code.format = exchange::ItemFormat::Code;
  EXPECT_EQ(format_item(code, "00131011"), "00131011");  // codes keep their zeros
}

TEST(ReportContent, The7411FixtureAsPrinted) {
  auto c = build_content(testing::fixture_notice("7411"));
  EXPECT_EQ(c.title, "請求明細書・給付管理票返戻（保留）一覧表");
  EXPECT_EQ(c.office_no_label, "事業所（保険者）番号");
  EXPECT_EQ(c.office_no, "1370000001");
  EXPECT_EQ(c.office_name_label, "事業所（保険者）名");
  EXPECT_EQ(c.office_name, "訪問介護ステーション千代田");
  EXPECT_EQ(c.month_text, "令和8年5月審査分");
  EXPECT_EQ(c.created_text, "令和8年5月20日");
  EXPECT_EQ(c.issuer, std::vector<std::string>{"東京都国民健康保険団体連合会"});
  ASSERT_EQ(c.notes.size(), 3u);
  ASSERT_EQ(c.tables.size(), 1u);
  const auto& t = c.tables[0];
  ASSERT_EQ(t.rows.size(), 2u);
  const auto& held = t.rows[0].cells;
  ASSERT_EQ(held.size(), 10u);
  EXPECT_EQ(texts(held[0]), (std::vector<std::string>{"00131029", "中央区"}));
  EXPECT_EQ(texts(held[1]), (std::vector<std::string>{"0000023456", "ﾀﾅｶ ｼﾞﾛｳ"}));
  EXPECT_EQ(texts(held[2]), std::vector<std::string>{"請"});
  EXPECT_EQ(texts(held[3]), std::vector<std::string>{"R08.4"});
  EXPECT_EQ(texts(held[4]), std::vector<std::string>{"11"});
  EXPECT_EQ(texts(held[5]), std::vector<std::string>{""});
  EXPECT_EQ(texts(held[6]), std::vector<std::string>{"5,107"});
  EXPECT_EQ(held[6].align, Align::Right);
  EXPECT_TRUE(held[6].lines[0].shrink);
  EXPECT_EQ(texts(held[8]), std::vector<std::string>{"給付管理票が未提出のため保留"});
  EXPECT_FALSE(held[8].lines[0].shrink);  // 漢字 text wraps
  EXPECT_EQ(texts(held[9]), std::vector<std::string>{"保留"});
  EXPECT_EQ(texts(t.rows[1].cells[9]), std::vector<std::string>{"１２Ｐ０"});
}

TEST(ReportContent, TotalsRowsAndGroupedColumns) {
  auto c = build_content(testing::fixture_notice("7521"));
  const auto& t = c.tables[0];
  EXPECT_TRUE(t.has_groups());
  ASSERT_EQ(t.rows.size(), 5u);
  EXPECT_FALSE(t.rows[1].total);
  EXPECT_TRUE(t.rows[2].total);
  EXPECT_EQ(texts(t.rows[0].cells[2]), std::vector<std::string>{"11 訪問介護"});
  EXPECT_EQ(texts(t.rows[2].cells[0]), std::vector<std::string>{"合計"});
  EXPECT_EQ(texts(t.rows[3].cells[0]), std::vector<std::string>{"過誤調整"});
  EXPECT_EQ(texts(t.rows[4].cells[0]), std::vector<std::string>{"支払決定"});
  EXPECT_EQ(texts(t.rows[2].cells[6]), std::vector<std::string>{"106,931"});
  EXPECT_EQ(texts(t.rows[4].cells[7]), std::vector<std::string>{"81,217"});
  EXPECT_EQ(texts(t.rows[2].cells[1]), std::vector<std::string>{});  // no 提供年月 on a total
}

TEST(ReportContent, FieldsTablesAndTemplates) {
  auto c = build_content(testing::fixture_notice("7513"));
  EXPECT_EQ(c.orientation, Orientation::Portrait);
  ASSERT_EQ(c.tables.size(), 4u);
  EXPECT_TRUE(c.tables[0].fields);
  EXPECT_EQ(c.tables[0].caption, "送付先");
  EXPECT_EQ(texts(c.tables[0].rows[0].cells[0]), std::vector<std::string>{"郵便番号"});
  EXPECT_EQ(texts(c.tables[0].rows[0].cells[1]), std::vector<std::string>{"〒101-0047"});
  EXPECT_EQ(texts(c.tables[0].rows[3].cells[1]), std::vector<std::string>{"株式会社千代田ケアサービス 様"});
  EXPECT_EQ(texts(c.tables[1].rows[0].cells[1]), std::vector<std::string>{"81,217 円"});
  EXPECT_EQ(texts(c.tables[2].rows[7].cells[0]), std::vector<std::string>{"介護給付費等合計"});
  EXPECT_EQ(texts(c.tables[2].rows[7].cells[1]), std::vector<std::string>{"81,217"});
  EXPECT_EQ(c.created_text, "令和8年6月24日");
  // The print values (none in the fixture file): the rows are there, blank.
  EXPECT_EQ(c.tables[3].caption, "差引");
  EXPECT_EQ(texts(c.tables[3].rows[0].cells[0]),
            std::vector<std::string>{"ケアプランデータ連携システムライセンス料（消費税を含む）"});
  EXPECT_EQ(texts(c.tables[3].rows[0].cells[1]), std::vector<std::string>{""});
  EXPECT_EQ(texts(c.tables[3].rows[2].cells[1]), std::vector<std::string>{"81,217"});
}

// Values the official record has no item for are printed from Notice::print_values ({@name}).
TEST(ReportContent, PrintValuesFillTheirRows) {
  auto n = testing::fixture_notice("7513");
  n.print_values = {{"careplan_license", "21000"}, {"carried_in", "0"}, {"carried_out", "-1234567"}};
  auto c = build_content(n);
  EXPECT_EQ(texts(c.tables[3].rows[0].cells[1]), std::vector<std::string>{"21,000"});
  EXPECT_EQ(texts(c.tables[3].rows[1].cells[1]), std::vector<std::string>{"0"});
  EXPECT_EQ(texts(c.tables[3].rows[3].cells[1]), std::vector<std::string>{"-1,234,567"});
  EXPECT_EQ(texts(c.tables[3].rows[4].cells[1]), std::vector<std::string>{""});  // billed: none given
}

TEST(ReportContent, CommitteeJoinsTheIssuerAndAnEmptyTableSaysSo) {
  auto c = build_content(testing::fixture_notice("7621"));
  EXPECT_EQ(c.month_text, "令和8年7月取扱分");
  EXPECT_EQ(c.issuer, (std::vector<std::string>{"東京都国民健康保険団体連合会", "介護給付費等審査委員会"}));
  auto n = testing::fixture_notice("7611");
  n.records.resize(1);  // H1 only
  auto empty = build_content(n);
  ASSERT_EQ(empty.tables.size(), 2u);
  ASSERT_EQ(empty.tables[0].rows.size(), 1u);
  EXPECT_EQ(texts(empty.tables[0].rows[0].cells[0]), std::vector<std::string>{"該当なし"});
  EXPECT_EQ(empty.tables[0].rows[0].cells[0].span, 7);
}

TEST(ReportContent, MissingValuesLeaveNoStrayText) {
  auto n = testing::fixture_notice("7513");
  n.records[0].items[1] = "";  // 郵便番号 上3桁 (項番 4)
  n.records[0].items[2] = "";  // 下4桁
  auto c = build_content(n);
  EXPECT_EQ(texts(c.tables[0].rows[0].cells[1]), std::vector<std::string>{""});
}

}  // namespace
}  // namespace kaigo::report
