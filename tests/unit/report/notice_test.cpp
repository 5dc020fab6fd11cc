// A notice as a value and as its official file: every result fixture reads into a notice and is
// written back byte for byte; inconsistent notices are refused with the reason.
#include <gtest/gtest.h>

#include "kaigo/report/notice.hpp"
#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/report/notice_file.hpp"
#include "report_support.hpp"

namespace kaigo::report {
namespace {

class ReportNoticeFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportNoticeFile, FixtureReadsAndWritesBackByteIdentically) {
  kaigo::testing::TempDir tmp;
  auto in = tmp / (GetParam() + ".CSV");
  auto bytes = testing::fixture_bytes(GetParam());
  kaigo::testing::write_file(in, bytes);
  auto notice = read_notice(in);
  EXPECT_EQ(notice.form, GetParam());
  auto out = tmp / "out" / (GetParam() + ".CSV");
  std::filesystem::create_directories(out.parent_path());
  write_csv(notice, out);
  EXPECT_EQ(kaigo::testing::read_file(out), bytes);
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".part"));
  EXPECT_EQ(csv_bytes(notice), bytes);
}

INSTANTIATE_TEST_SUITE_P(Report, ReportNoticeFile, ::testing::ValuesIn(testing::result_forms()),
                         [](const auto& param_info) { return param_info.param; });

TEST(ReportNotice, HeaderComesFromH1ThroughTheDesign) {
  auto n = testing::fixture_notice("7411");
  EXPECT_EQ(n.office_no, "1370000001");
  EXPECT_EQ(n.office_name, "訪問介護ステーション千代田");
  EXPECT_EQ(n.month, (YearMonth{2026, 5}));
  EXPECT_EQ(n.kokuhoren, "東京都国民健康保険団体連合会");
  ASSERT_EQ(n.records.size(), 3u);
  EXPECT_EQ(n.records[1].kind, "D1");
  EXPECT_EQ(n.records[1].item(3), "00131029");
  EXPECT_EQ(n.records[1].item(6), "ﾀﾅｶ ｼﾞﾛｳ");
  EXPECT_EQ(n.records[2].item(13), "１２Ｐ０");
  EXPECT_EQ(n.records[2].item(15), "");  // beyond the layout

  auto pay = testing::fixture_notice("7513");  // office and month sit elsewhere in its H1
  EXPECT_EQ(pay.office_no, "1370000001");
  EXPECT_EQ(pay.office_name, "訪問介護ステーション千代田");
  EXPECT_EQ(pay.month, (YearMonth{2026, 5}));

  auto kago = testing::fixture_notice("7611");  // 取扱年月 first
  EXPECT_EQ(kago.month, (YearMonth{2026, 5}));
  EXPECT_EQ(kago.office_no, "1370000001");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

// 内容2 of the 7311 is 漢字 48 bytes: the seed's 「確定単位数（…単）請求単位数（…単）」 holds 8 digits in all.
TEST(ReportNotice, CutUnitsTextFallsBackWhenTheSeedFormDoesNotFit) {
  EXPECT_EQ(cut_units_text(Units{5427}, Units{6515}), "確定単位数（５４２７単）請求単位数（６５１５単）");
  EXPECT_EQ(cut_units_text(Units{12000}, Units{16765}), "確定１２０００単位、請求１６７６５単位");
}

TEST(ReportNotice, InconsistentNoticesAreRefused) {
  auto n = testing::fixture_notice("7411");
  auto records = n.records;
  EXPECT_EQ(error_of([&] { make_notice("7131", records); }),
            "帳票の交換情報識別番号ではありません: 7131 / not a result form: 7131");
  EXPECT_EQ(error_of([&] { make_notice("7411", {records[1]}); }),
            "7411: 最初の帳票レコードが H1 ではありません / 7411: the first record is not H1");
  auto short_d1 = records;
  short_d1[1].items.pop_back();
  EXPECT_EQ(error_of([&] { make_notice("7411", short_d1); }),
            "7411 の 2 件目 (D1): 項目数 13 (レイアウトは 14) / 7411 record 2 (D1): 13 items, the layout has 14");
  auto foreign = records;
  foreign[2].kind = "T1";
  EXPECT_EQ(
      error_of([&] { make_notice("7411", foreign); }),
      "7411 の 3 件目: 帳票レコード種別 T1 はこの帳票にありません / 7411 record 3: kind T1 is not part of this form");
  auto bad_month = records;
  bad_month[0].items[2] = "2026";
  EXPECT_EQ(error_of([&] { make_notice("7411", bad_month); }),
            "7411: H1 の項番 5 が年月ではありません: 2026 / 7411: H1 item 5 is not a month: 2026");
  auto edited = n;
  edited.office_no = "1370000002";
  EXPECT_EQ(error_of([&] { csv_bytes(edited); }),
            "7411 の事業所番号が H1 の項番 3 と違います: 1370000002 / 1370000001 / 7411: office number differs from H1 "
            "item 3: "
            "1370000002 / 1370000001");
  auto twice = records;
  twice.push_back(records[0]);
  EXPECT_EQ(error_of([&] { make_notice("7411", twice); }),
            "7411: H1 が二つあります (4 件目) / 7411: a second H1 (record 4)");
}

// Print values live beside the result file and come back with it; a broken values file is refused
// with its name and line, and never reaches paper half read.
TEST(ReportNotice, PrintValuesAreKeptBesideTheFile) {
  kaigo::testing::TempDir tmp;
  auto in = tmp / "7513.CSV";
  kaigo::testing::write_file(in, testing::fixture_bytes("7513"));
  auto notice = read_notice(in);
  EXPECT_TRUE(notice.print_values.empty());
  EXPECT_FALSE(write_print_values(notice, in));
  EXPECT_FALSE(std::filesystem::exists(tmp / "7513.values.tsv"));

  notice.print_values = {{"careplan_license", "21000"}, {"carried_in", "-5"}};
  ASSERT_EQ(write_print_values(notice, in), tmp / "7513.values.tsv");
  EXPECT_EQ(kaigo::testing::read_file(tmp / "7513.values.tsv"),
            "name\tvalue\ncareplan_license\t21000\ncarried_in\t-5\n");
  EXPECT_EQ(read_notice(in).print_values, notice.print_values);
  EXPECT_EQ(csv_bytes(read_notice(in)), testing::fixture_bytes("7513"));  // the official bytes do not change

  kaigo::testing::write_file(tmp / "7513.values.tsv", "name\tvalue\ncareplan_license 21000\n");
  EXPECT_EQ(error_of([&] { read_notice(in); }),
            (tmp / "7513.values.tsv").string() +
                ":2: name<TAB>value ではありません / not name<TAB>value: careplan_license 21000");
  kaigo::testing::write_file(tmp / "7513.values.tsv", "careplan_license\t21000\n");
  EXPECT_EQ(error_of([&] { read_notice(in); }),
            (tmp / "7513.values.tsv").string() + ":1: 見出し行は name<TAB>value / the header must be name<TAB>value");
}

TEST(ReportNotice, FilesThatAreNotOneCleanNoticeAreRefused) {
  auto bytes = testing::fixture_bytes("7411");
  // The control record names another office than H1.
  auto other = bytes;
  other.replace(other.find("1370000001"), 10, "1370000009");
  EXPECT_EQ(
      error_of([&] { read_notice_bytes("7411.CSV", other); }),
      "7411.CSV: コントロールレコードの事業所番号・処理対象年月 (1370000009, 202605) が H1 と違います / the control "
      "record's office and month (1370000009, 202605) differ from H1");
  // A 明細書 file is not a notice.
  EXPECT_EQ(error_of([&] { read_notice_bytes("7131.CSV", testing::fixture_bytes("8222")); }),
            "7131.CSV: 帳票の交換情報識別番号ではありません: 8222 / not a result form: 8222");
}

}  // namespace
}  // namespace kaigo::report

namespace kaigo::report {
namespace {

// The README's picture is drawn from docs/samples/7411.csv (scripts/render_sample.sh): it stays a
// clean result file that writes back byte for byte.
TEST(ReportNotice, TheReadmeSampleIsACleanResultFile) {
  auto bytes =
      kaigo::testing::official_bytes(kaigo::testing::read_file(kaigo::testing::source_dir() / "docs/samples/7411.csv"));
  auto n = read_notice_bytes("7411.CSV", bytes);
  EXPECT_EQ(n.records.size(), 9u);
  EXPECT_EQ(n.records[8].item(13), "ＡＮＮＭ");
  EXPECT_EQ(csv_bytes(n), bytes);
}

}  // namespace
}  // namespace kaigo::report
