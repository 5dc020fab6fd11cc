// kaigo careplan check as DESIGN §3.5 fixes it: text, JSON and CSV on stdout, exit 0 even when a
// file has errors, 1 when a file cannot be read, 2 on bad usage; messages in Japanese and English.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kaigo/core/strings.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

std::string good() { return fixture("careplan/edge/UPSIKYU_202506_1310000001_43_1310000002_11_20250520170000.CSV").string(); }
std::string bad() {
  return fixture("careplan/bad/CP57-total-office/UPSIKYU_202505_1310000001_43_1310000002_11_20250420093000.CSV").string();
}

TEST(CliCareplan, TextListsTheFindingsAndSucceeds) {
  auto r = run_kaigo("careplan check " + good() + " " + bad());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ファイル名 / file: UPSIKYU_202506_1310000001_43_1310000002_11_20250520170000.CSV"), std::string::npos);
  EXPECT_NE(r.out.find("エラー 0 件  警告 0 件 / 0 errors, 0 warnings"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[エラー] CP57 4行目 131016 1000000002 サービス事業所コード(No.7)=\"1310000002\": "
                       "全合計行の事業所コードが9999999999でない / grand-total row without office code 9999999999"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("       原因: 全合計の行のサービス事業所コードは ALL9（9999999999）です。"), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(CliCareplan, JsonIsOneDocument) {
  auto r = run_kaigo("careplan check --format json " + good() + " " + bad());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["kind"], "UPSIKYU");
  EXPECT_EQ(j["files"][0]["records"], 9);
  EXPECT_EQ(j["files"][0]["error_count"], 0);
  EXPECT_EQ(j["files"][0]["name"]["receiver"]["office_no"], "1310000002");
  EXPECT_EQ(j["files"][0]["name"]["receiver"]["service_type"], "11");
  EXPECT_EQ(j["files"][0]["name"]["month"], "202506");
  ASSERT_EQ(j["files"][1]["rows"].size(), 1u);
  auto row = j["files"][1]["rows"][0];
  EXPECT_EQ(row["code"], "CP57");
  EXPECT_EQ(row["severity"], "error");
  EXPECT_EQ(row["line"], 4);
  EXPECT_EQ(row["item_no"], 7);
  EXPECT_EQ(row["item_name"], "サービス事業所コード");
  EXPECT_EQ(row["value"], "1310000002");
  EXPECT_EQ(row["insured_no"], "1000000002");
  EXPECT_EQ(row["month"], "202505");
  EXPECT_EQ(j["codes"]["CP57"]["action_en"], "write 9999999999");
}

TEST(CliCareplan, CsvHasAHeaderAndOneLinePerRow) {
  auto r = run_kaigo("careplan check --format csv " + good() + " " + bad());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 3u) << r.out;
  EXPECT_EQ(rows[0].substr(0, rows[0].find(',')), "ファイル名");
  EXPECT_EQ(rows[1], "UPSIKYU_202506_1310000001_43_1310000002_11_20250520170000.CSV,UPSIKYU,202506,,,,,,,,,,,,,9,0,0");
  EXPECT_NE(rows[2].find(",UPSIKYU,202505,131016,1000000002,4,7,サービス事業所コード,1310000002,CP57,エラー,"), std::string::npos)
      << rows[2];
}

TEST(CliCareplan, AFileThatCannotBeReadIsAFailureAndBadUsageIsTwo) {
  auto missing = run_kaigo("careplan check /nonexistent/UPPLAN_202505_1310000001_43_1310000002_11_20250420093000.CSV");
  expect_failure(missing, 1, {"ファイルを開けません"});
  EXPECT_NE(missing.err.find("cannot open file"), std::string::npos);
  EXPECT_EQ(run_kaigo("careplan check --format xml " + good()).exit_code, 2);
  EXPECT_EQ(run_kaigo("careplan check").exit_code, 2);
  EXPECT_EQ(run_kaigo("careplan").exit_code, 2);
}

}  // namespace
}  // namespace kaigo::testing
