// The error list in its three forms (seed 002 §3(2)): text, JSON and CSV, with the 事前チェック情報
// of each file, every row's columns, and the cause and remedy of each code.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kaigo/core/strings.hpp"
#include "kaigo/precheck/error_list.hpp"
#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {
namespace {

std::vector<FileResult> sample() {
  std::vector<FileResult> files;
  files.push_back(check_text(with_item(fixture_text("7131"), 6, 16, "38413"), world().context(), "KK260501.CSV"));
  files.push_back(check_text(fixture_text("8222"), world().context(), "KY260501.CSV"));
  return files;
}

TEST(PrecheckErrorList, Text) {
  auto text = format_text(sample());
  for (const char* part : {
           "ファイル名 / file: KK260501.CSV\n",
           "  データ種別 711  事業所番号 1370000001  処理対象年月 202605\n",
           "  明細件数 2  レコード件数 9  / statements 2, records 9\n",
           "  エラー 1 件（伝送 0・外部 0・様式 1）: 様式エラー / 1 errors (format)\n",
           "  [様式エラー] ASSA 請求 202604 11 00131011 0000012345 保険 請求額(項番16)=\"38413\": "
           "記載された値が計算値を超過（計算値 38412） / written value exceeds the computed value (computed 38412) "
           "（6行目 / line 6）\n",
           "ファイル名 / file: KY260501.CSV\n",
           "  エラー 0 件（伝送 0・外部 0・様式 0）: エラーなし / 0 errors (none)\n",
           "コードの説明 / codes\n",
           "  ASSA 記載された値が計算値を超過 / written value exceeds the computed value\n",
           "       対応: 給付率・単位数単価・単位数を確認し、正しく計算した明細書を作成し直してください。",
       }) {
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n---\n" << text;
  }
}

TEST(PrecheckErrorList, TextShowsADashForADocumentOfSeveralTypesAndCountsWhatIsLeftOut) {
  auto context = world().context();
  context.max_rows = 1;
  // 7132 has two サービス種類; a row on its 基本情報 is about neither alone.
  auto t = with_item(fixture_text("7132"), 3, 14, "3");
  t = with_item(t, 3, 15, "99");
  t = with_item(t, 3, 19, "9");
  auto r = check_text(t, context);
  EXPECT_EQ(r.error_count, 3u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.truncated());
  auto text = format_text(std::vector<FileResult>{r});
  EXPECT_NE(text.find("[様式エラー] KP26 請求 202604 － 00131011 0000031111 性別コード(項番14)=\"3\""), std::string::npos)
      << text;
  EXPECT_NE(text.find("……ほか 2 件は省略しました / 2 more not listed"), std::string::npos) << text;
}

TEST(PrecheckErrorList, TextOfAFileRow) {
  auto r = check_text(fixture_text("8222"), world().context(), "KY-2605.CSV");
  auto text = format_text(std::vector<FileResult>{r});
  EXPECT_NE(text.find("  [伝送エラー] KP01 － － － － － ファイル名=\"KY-2605.CSV\": ファイル名が規約に沿っていない"),
            std::string::npos)
      << text;
}

TEST(PrecheckErrorList, Json) {
  auto j = to_json(sample());
  ASSERT_EQ(j["files"].size(), 2u);
  const auto& f = j["files"][0];
  EXPECT_EQ(f["file"], "KK260501.CSV");
  EXPECT_EQ(f["data_type"], "711");
  EXPECT_EQ(f["statements"], 2);
  EXPECT_EQ(f["records"], 9);
  EXPECT_EQ(f["error_count"], 1);
  EXPECT_EQ(f["worst"], "format");
  EXPECT_EQ(f["levels"]["format"], 1);
  EXPECT_EQ(f["truncated"], false);
  const auto& e = f["errors"][0];
  EXPECT_EQ(e["code"], "ASSA");
  EXPECT_EQ(e["level"], "format");
  EXPECT_EQ(e["level_ja"], "様式エラー");
  EXPECT_EQ(e["form_kind"], "請求");
  EXPECT_EQ(e["service_month"], "202604");
  EXPECT_EQ(e["service_type"], "11");
  EXPECT_EQ(e["insurer_no"], "00131011");
  EXPECT_EQ(e["insured_no"], "0000012345");
  EXPECT_EQ(e["item_name"], "保険 請求額");
  EXPECT_EQ(e["value"], "38413");
  EXPECT_EQ(e["line"], 6);
  EXPECT_EQ(e["record_no"], 6);
  EXPECT_EQ(e["item_no"], 16);
  EXPECT_EQ(e["message_ja"], "記載された値が計算値を超過（計算値 38412）");
  EXPECT_EQ(j["files"][1]["worst"], nullptr);
  EXPECT_EQ(j["codes"]["ASSA"]["title_ja"], "記載された値が計算値を超過");
  EXPECT_FALSE(j["codes"]["ASSA"]["action_ja"].get<std::string>().empty());
  EXPECT_EQ(j["codes"].size(), 1u);
}

TEST(PrecheckErrorList, Csv) {
  auto csv = format_csv(sample());
  auto rows = lines(csv);
  ASSERT_EQ(rows.size(), 3u) << csv;
  EXPECT_EQ(rows[0],
            "ファイル名,様式,提供年月,サービス種類,保険者番号,被保険者番号,項目名,値,エラー内容,コード,区分,行,"
            "レコード番号,項番,明細件数,レコード件数,原因,対応,message_en");
  auto cols = split(rows[1], ',');
  ASSERT_EQ(cols.size(), 19u) << rows[1];
  EXPECT_EQ(cols[0], "KK260501.CSV");
  EXPECT_EQ(cols[1], "請求");
  EXPECT_EQ(cols[2], "202604");
  EXPECT_EQ(cols[3], "11");
  EXPECT_EQ(cols[4], "00131011");
  EXPECT_EQ(cols[5], "0000012345");
  EXPECT_EQ(cols[6], "保険 請求額");
  EXPECT_EQ(cols[7], "38413");
  EXPECT_EQ(cols[8], "記載された値が計算値を超過（計算値 38412）");
  EXPECT_EQ(cols[9], "ASSA");
  EXPECT_EQ(cols[10], "様式エラー");
  EXPECT_EQ(cols[11], "6");
  EXPECT_EQ(cols[13], "16");
  EXPECT_EQ(cols[14], "2");
  EXPECT_EQ(cols[15], "9");
  EXPECT_FALSE(cols[16].empty());
  // A file without errors still has its line, with its counts.
  EXPECT_EQ(rows[2], "KY260501.CSV,,,,,,,,,,,,,,1,3,,,");
}

TEST(PrecheckErrorList, CsvQuotesWhatNeedsQuoting) {
  FileResult f;
  f.file = "K.CSV";
  ErrorRow e;
  e.code = "KC03";
  e.file = "K.CSV";
  e.value = "a,\"b\"";
  e.message_ja = "引用符";
  e.message_en = "quote";
  f.errors.push_back(e);
  f.error_count = 1;
  auto csv = format_csv(std::vector<FileResult>{f});
  EXPECT_NE(csv.find("\"a,\"\"b\"\"\""), std::string::npos) << csv;
}

}  // namespace
}  // namespace kaigo::precheck::testing
