// kaigo init / kaigo load on a generated month (DESIGN §3.1): the files of `kaigo gen` load as
// they are; a bad file is refused whole with exit 1 and the place named on stderr.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

TEST(CliStore, InitAndLoadAGeneratedMonth) {
  TempDir dir;
  auto m = dir / "m";
  ASSERT_EQ(run_kaigo("gen --out " + m.string() + " --month 202605 --offices 6 --recipients 40").exit_code, 0);
  auto db = (dir / "k.db").string();
  auto init = run_kaigo("init --db " + db + " --config " + (m / "kokuhoren.toml").string());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(init.out.find("模擬県国民健康保険団体連合会"), std::string::npos) << init.out;
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    auto r = run_kaigo(std::string("load --db ") + db + " " + kind + " " + (m / (std::string(kind) + ".csv")).string());
    EXPECT_EQ(r.exit_code, 0) << kind << ": " << r.err;
  }
  auto recipients = run_kaigo("load --db " + db + " recipients " + (m / "recipients.csv").string());
  EXPECT_NE(recipients.out.find("40 行"), std::string::npos) << recipients.out;
}

TEST(CliStore, BadFileIsRefusedWithItsPlace) {
  TempDir dir;
  auto db = (dir / "k.db").string();
  ASSERT_EQ(run_kaigo("init --db " + db).exit_code, 0);
  write_file(dir / "ins.csv", "insurer_no,name,valid_from,valid_to\n131001,A,20200101,\n13100X,B,20200101,\n");
  auto r = run_kaigo("load --db " + db + " insurers " + (dir / "ins.csv").string());
  expect_failure(r, 1, {"ins.csv:3:", "nothing was stored"});
}

TEST(CliStore, LoadNeedsAnInitialisedDatabase) {
  TempDir dir;
  write_file(dir / "ins.csv", "insurer_no,name,valid_from,valid_to\n131001,A,20200101,\n");
  auto r = run_kaigo("load --db " + (dir / "none.db").string() + " insurers " + (dir / "ins.csv").string());
  expect_failure(r, 1, {"kaigo init"});
}

TEST(CliStore, InitRefusesBadSettings) {
  TempDir dir;
  write_file(dir / "k.toml", "[review]\nplan_mismatch = \"maybe\"\n");
  auto r = run_kaigo("init --db " + (dir / "k.db").string() + " --config " + (dir / "k.toml").string());
  expect_failure(r, 1, {"review.plan_mismatch"});
  EXPECT_FALSE(std::filesystem::exists(dir / "k.db"));
}

TEST(CliStore, UnknownKindIsAUsageError) {
  TempDir dir;
  ASSERT_EQ(run_kaigo("init --db " + (dir / "k.db").string()).exit_code, 0);
  EXPECT_EQ(run_kaigo("load --db " + (dir / "k.db").string() + " people x.csv").exit_code, 2);
}

}  // namespace
}  // namespace kaigo::testing
