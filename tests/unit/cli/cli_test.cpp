// The kaigo command line as DESIGN §3.1 fixes it: exit codes, JSON output, errors on stderr in
// Japanese and English.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

TEST(Cli, InspectJsonOfAFixture) {
  TempDir dir;
  write_file(dir / "K.CSV", official_bytes(read_file(fixture("exchange/7131.csv"))));
  auto r = run_kaigo("inspect --format json " + (dir / "K.CSV").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["control"]["data_type"], "711");
  EXPECT_EQ(j["errors"], 0);
  EXPECT_EQ(j["diagnostics"].size(), 0u);
  EXPECT_GE(j["statements"].get<int>(), 1);
  EXPECT_EQ(j["has_end_record"], true);
}

TEST(Cli, InspectReportsProblemsAndStillSucceeds) {
  TempDir dir;
  write_file(dir / "BAD.CSV", std::string("1,1,0,1,711,0,0,1370000001,0,7,202605,0\r\n2,2,7999\r\n"));
  auto r = run_kaigo("inspect --format json " + (dir / "BAD.CSV").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["diagnostics"].size(), 2u);
  EXPECT_EQ(j["diagnostics"][0]["code"], "KC06");
  EXPECT_EQ(j["diagnostics"][0]["line"], 2);
  EXPECT_EQ(j["diagnostics"][0]["item_name"], "交換情報識別番号");
  EXPECT_EQ(j["diagnostics"][1]["code"], "KC18");
}

TEST(Cli, MissingFileIsAFailureWithABilingualMessage) {
  auto r = run_kaigo("inspect /nonexistent/K.CSV");
  expect_failure(r, 1, {"ファイルを開けません", "cannot open file"});
}

TEST(Cli, BadUsageExitsWith2) {
  EXPECT_EQ(run_kaigo("").exit_code, 2);
  EXPECT_EQ(run_kaigo("inspect").exit_code, 2);
  EXPECT_EQ(run_kaigo("gen --out /tmp/x").exit_code, 2);
  auto r = run_kaigo("gen --out /tmp/x --month 2026-05");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--month は YYYYMM"), std::string::npos);
}

TEST(Cli, GenWritesTheContractFiles) {
  TempDir dir;
  auto r = run_kaigo("gen --out " + dir.path().string() + " --month 202605 --offices 20 --recipients 200 --seed 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"offices.csv", "insurers.csv", "recipients.csv", "services.csv", "kokuhoren.toml",
                        "expected_errors.csv", "submissions/1370000001/KK260501.CSV",
                        "submissions/1370000001/KY260501.CSV", "submissions/1370000002/KK260501.CSV"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  }
  EXPECT_NE(r.out.find("サービス提供年月 202604"), std::string::npos) << r.out;
}

// The national month leaves out the care-plan files (make bench-national); the claims are the same.
TEST(Cli, GenWithoutCarePlanFilesWritesTheSameClaims) {
  TempDir with, without;
  const std::string shape = " --month 202605 --offices 20 --recipients 200 --seed 3 --platform-people 0";
  ASSERT_EQ(run_kaigo("gen --out " + with.path().string() + shape).exit_code, 0);
  auto r = run_kaigo("gen --out " + without.path().string() + shape + " --no-careplan");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(regular_files_under(with / "careplan").empty());
  EXPECT_FALSE(std::filesystem::exists(without / "careplan"));
  const auto claims = regular_files_under(with / "submissions");
  ASSERT_EQ(regular_files_under(without / "submissions").size(), claims.size());
  for (const auto& f : claims) {
    const auto relative = std::filesystem::relative(f, with.path());
    EXPECT_EQ(read_file(without.path() / relative), read_file(f)) << relative;
  }
}

}  // namespace
}  // namespace kaigo::testing
