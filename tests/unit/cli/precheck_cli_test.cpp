// kaigo precheck as DESIGN §3.1 fixes it: text, JSON and CSV on stdout, exit 0 even when a file
// has errors, 1 when a file cannot be read, 2 on bad usage; messages in Japanese and English.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kaigo/core/strings.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

struct Files {
  TempDir dir;
  std::string good, bad, offices, insurers;
  Files() {
    auto text = read_file(fixture("exchange/7131.csv"));
    write_file(dir / "KK260501.CSV", official_bytes(text));
    auto at = text.find("11,13,3800,3744,0,,,3744,1140,38412");
    text.replace(at, 35, "11,13,3800,3744,0,,,3744,1140,38413");
    write_file(dir / "KK260502.CSV", official_bytes(text));
    good = (dir / "KK260501.CSV").string();
    bad = (dir / "KK260502.CSV").string();
    offices = fixture("precheck/offices.csv").string();
    insurers = fixture("precheck/insurers.csv").string();
  }
};

TEST(CliPrecheck, TextListsTheErrorsAndSucceeds) {
  Files f;
  auto r = run_kaigo("precheck --month 202605 " + f.good + " " + f.bad);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ファイル名 / file: KK260501.CSV"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("エラー 0 件"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[様式エラー] ASSA 請求 202604 11 00131011 0000012345 保険 請求額(項番16)=\"38413\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("コードの説明 / codes"), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(CliPrecheck, JsonIsOneDocument) {
  Files f;
  auto r = run_kaigo("precheck --format json --month 202605 --offices " + f.offices + " --insurers " + f.insurers + " " +
                     f.good + " " + f.bad);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["error_count"], 0);
  EXPECT_EQ(j["files"][0]["statements"], 2);
  EXPECT_EQ(j["files"][0]["records"], 9);
  ASSERT_EQ(j["files"][1]["errors"].size(), 1u);
  EXPECT_EQ(j["files"][1]["errors"][0]["code"], "ASSA");
  EXPECT_EQ(j["files"][1]["errors"][0]["line"], 6);
  EXPECT_EQ(j["files"][1]["worst"], "format");
  EXPECT_TRUE(j["codes"].contains("ASSA"));
}

TEST(CliPrecheck, CsvHasAHeaderAndOneLinePerError) {
  Files f;
  auto r = run_kaigo("precheck --format csv " + f.good + " " + f.bad);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 3u) << r.out;
  EXPECT_EQ(rows[0].substr(0, rows[0].find(',')), "ファイル名");
  EXPECT_EQ(rows[1].substr(0, 13), "KK260501.CSV,");
  EXPECT_NE(rows[2].find(",ASSA,様式エラー,6,6,16,2,9,"), std::string::npos) << rows[2];
}

TEST(CliPrecheck, LedgersAndMonthSwitchOnTheirChecks) {
  Files f;
  auto r = run_kaigo("precheck --format json --month 202606 --offices " + f.offices + " " + f.good);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["files"][0]["errors"].size(), 1u);
  EXPECT_EQ(j["files"][0]["errors"][0]["code"], "KP11");
  EXPECT_EQ(j["files"][0]["worst"], "external");
}

TEST(CliPrecheck, AFileThatCannotBeReadIsAFailure) {
  Files f;
  auto r = run_kaigo("precheck --format json " + f.good + " /nonexistent/KK.CSV");
  expect_failure(r, 1, {"ファイルを開けません", "cannot open file"});
  auto j = nlohmann::json::parse(r.out);  // the files that could be read are still listed
  EXPECT_EQ(j["files"].size(), 1u);
}

TEST(CliPrecheck, UnreadableLedgerIsAFailure) {
  Files f;
  auto r = run_kaigo("precheck --offices /nonexistent/offices.csv " + f.good);
  expect_failure(r, 1, {"cannot open file"});
  write_file(f.dir / "offices.csv", "office_no,service_type\n1370000001,11\n");
  auto bad = run_kaigo("precheck --offices " + (f.dir / "offices.csv").string() + " " + f.good);
  expect_failure(bad, 1, {"KM02"});
}

TEST(CliPrecheck, BadUsageExitsWith2) {
  Files f;
  EXPECT_EQ(run_kaigo("precheck").exit_code, 2);
  EXPECT_EQ(run_kaigo("precheck --format xml " + f.good).exit_code, 2);
  auto r = run_kaigo("precheck --month 2026-05 " + f.good);
  expect_failure(r, 2, {"--month は YYYYMM", "--month must be YYYYMM"});
}

}  // namespace
}  // namespace kaigo::testing
