// Page designs: every result form of claims-format.md §7 has one, the embedded tables load and
// agree with the record layouts, and a broken table is refused with its line and problem.
#include <gtest/gtest.h>

#include <map>

#include "kaigo/report/design.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

TEST(ReportDesign, EveryResultFormHasADesign) {
  std::map<std::string, std::string> titles;
  for (const auto& code : testing::result_forms()) {
    const auto* d = design_for(code);
    ASSERT_NE(d, nullptr) << code;
    titles[code] = d->title;
  }
  EXPECT_EQ(titles["7211"], "介護保険審査決定増減表");
  EXPECT_EQ(titles["7311"], "介護保険審査増減単位数通知書");
  EXPECT_EQ(titles["7411"], "請求明細書・給付管理票返戻（保留）一覧表");
  EXPECT_EQ(titles["7513"], "介護給付費等支払決定額通知書");
  EXPECT_EQ(titles["7521"], "介護給付費支払決定額内訳書");
  EXPECT_EQ(titles["7611"], "介護給付費過誤決定通知書");
  EXPECT_EQ(titles["7621"], "介護給付費再審査決定通知書");
  EXPECT_EQ(designs().size(), 11u);
  EXPECT_EQ(design_for("7131"), nullptr);  // a 明細書 is not printed by report
}

TEST(ReportDesign, The7411DesignIsTheOneOfSeed002) {
  const auto& d = *design_for("7411");
  EXPECT_EQ(d.orientation, Orientation::Landscape);
  EXPECT_EQ(d.header.office_no, 3);
  EXPECT_EQ(d.header.month, 5);
  EXPECT_EQ(d.month_label, "審査分");
  ASSERT_EQ(d.tables.size(), 1u);
  const auto& t = d.tables[0];
  EXPECT_FALSE(t.fields);
  EXPECT_EQ(t.kinds(), std::vector<std::string>{"D1"});
  ASSERT_EQ(t.columns.size(), 10u);
  EXPECT_EQ(t.columns[0].title, (std::vector<std::string>{"保険者（事業所）番号", "保険者（事業所）名"}));
  const auto* cell = t.columns[0].cell_for("D1");
  ASSERT_NE(cell, nullptr);
  ASSERT_EQ(cell->lines.size(), 2u);  // 保険者番号 over 保険者名, as the 帳票 prints them
  EXPECT_EQ(cell->lines[0][0].item, 3);
  EXPECT_EQ(cell->lines[1][0].item, 4);
  EXPECT_EQ(t.columns[6].align, Align::Right);  // 単位数
  EXPECT_EQ(t.columns[8].title, std::vector<std::string>{"内容"});
}

TEST(ReportDesign, TemplatesMixTextAndItems) {
  const auto& t = design_for("7513")->tables[0];  // 送付先
  EXPECT_TRUE(t.fields);
  EXPECT_EQ(t.caption, "送付先");
  const auto& line = t.columns[0].cells[0].lines[0];  // 〒{4}-{5}
  ASSERT_EQ(line.size(), 4u);
  EXPECT_EQ(line[0].text, "〒");
  EXPECT_EQ(line[1].item, 4);
  EXPECT_EQ(line[2].text, "-");
  EXPECT_EQ(line[3].item, 5);
}

constexpr std::string_view kPagesHead =
    "code\ttitle\torientation\tcolumns\toffice_no\toffice_name\tmonth\tmonth_label\tcreated\tissuer\tcommittee\tnotes\n";
constexpr std::string_view kColumnsHead = "table\tmode\tgroup\ttitle\tweight\talign\tcells\n";

std::string parse_error(const std::string& pages, const std::string& columns) {
  try {
    parse_designs(pages, [&](std::string_view) { return std::optional<std::string_view>(columns); });
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReportDesign, BrokenTablesAreRefusedWithLineAndReason) {
  std::string page = std::string(kPagesHead) + "7411\tT\tlandscape\tc\t3\t4\t5\t審査分\t6\t8\t-\t-\n";
  std::string ok_col = std::string(kColumnsHead) + "-\trows\t-\t番号\t10\tl\tD1={3}\n";
  EXPECT_EQ(parse_error(page, ok_col), "no error");
  EXPECT_EQ(parse_error(page, std::string(kColumnsHead) + "-\trows\t-\t番号\t10\tl\tD1={15}\n"),
            "c.tsv:2: 7411 D1 に項番 15 はありません (項目数 14) / page design table error");
  EXPECT_EQ(parse_error(page, std::string(kColumnsHead) + "-\trows\t-\t番号\t10\tl\tT1={3}\n"),
            "c.tsv:2: 7411 に帳票レコード種別 T1 はありません / page design table error");
  EXPECT_EQ(parse_error(page, std::string(kColumnsHead) + "-\trows\t-\t番号\t10\tx\tD1={3}\n"),
            "c.tsv:2: align は l / c / r: x / page design table error");
  EXPECT_EQ(parse_error(page, std::string(kColumnsHead) + "-\trows\t-\t番号\t10\tl\tD1={3\n"),
            "c.tsv:2: 閉じ括弧がありません: {3 / page design table error");
  EXPECT_EQ(parse_error(page, std::string(kColumnsHead) + "-\trows\t-\t番号\t0\tl\tD1={3}\n"),
            "c.tsv:2: weight は正の整数: 0 / page design table error");
  EXPECT_EQ(parse_error(std::string(kPagesHead) + "7131\tT\tlandscape\tc\t3\t4\t5\t審査分\t6\t8\t-\t-\n", ok_col),
            "pages.tsv:2: 帳票の交換情報識別番号ではありません: 7131 / page design table error");
  EXPECT_EQ(parse_error(std::string(kPagesHead) + "7411\tT\tsideways\tc\t3\t4\t5\t審査分\t6\t8\t-\t-\n", ok_col),
            "pages.tsv:2: orientation は portrait / landscape: sideways / page design table error");
}

}  // namespace
}  // namespace kaigo::report
