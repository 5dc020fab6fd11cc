// 利用開始状況 over the real server (seed 004 §2): GET /api/platform/golive reads the go-live table
// `kaigo platform golive` loaded and the 保険者台帳 — for any logged-in user, as JSON and as the
// CSV, the same bytes as `kaigo platform golive-status --format csv`.
#include <gtest/gtest.h>

#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

TEST(GoLiveRoutes, EachInsurerWithItsDateAndStateAsJsonAndCsv) {
  ServerWorld w;
  const auto db = w.db();
  write_file(w.dir() / "insurers.csv",
             "insurer_no,name,valid_from,valid_to\n131013,さくら市,20000401,\n131021,みどり市,20000401,\n"
             "131030,あおば町,20000401,\n");
  must(run_kaigo("load --db " + db + " insurers " + (w.dir() / "insurers.csv").string()));
  write_file(w.dir() / "golive.csv", "insurer_no,golive_on\n131013,20260401\n131021,20261001\n");
  must(run_kaigo("platform golive --db " + db + " " + (w.dir() / "golive.csv").string()));

  ApiClient anonymous(w);
  EXPECT_EQ(anonymous.get("/api/platform/golive").status, 401);

  ApiClient office(w, "office1");
  ASSERT_EQ(office.login("KJ1370000001").status, 200);
  auto r = office.get("/api/platform/golive");  // the test clock: 2026-05-05
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j["on"], "20260505");
  EXPECT_EQ(j["counts"].dump(), R"({"live":1,"scheduled":1,"undecided":1})");
  EXPECT_EQ(j["insurers"].dump(),
            R"([{"golive_on":"20260401","insurer_name":"さくら市","insurer_no":"131013","state":"live","state_ja":"利用開始済"},)"
            R"({"golive_on":"20261001","insurer_name":"みどり市","insurer_no":"131021","state":"scheduled","state_ja":"開始予定"},)"
            R"({"golive_on":null,"insurer_name":"あおば町","insurer_no":"131030","state":"undecided","state_ja":"未定"}])");

  auto later = office.get("/api/platform/golive?on=20261001");
  ASSERT_EQ(later.status, 200);
  EXPECT_EQ(later.json()["insurers"][1]["state"], "live");

  auto csv = office.get("/api/platform/golive?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["Content-Type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers["Content-Disposition"], "attachment; filename=\"golive-20260505.csv\"");
  const std::string expected =
      "\xEF\xBB\xBF"
      "保険者番号,保険者名,利用開始日,状態,state\n"
      "131013,さくら市,20260401,利用開始済,live\n"
      "131021,みどり市,20261001,開始予定,scheduled\n"
      "131030,あおば町,,未定,undecided\n";
  EXPECT_EQ(csv.body, expected);

  auto cli = run_kaigo("platform golive-status --db " + db + " --on 20260505 --format csv");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(cli.out, expected);
  auto text = run_kaigo("platform golive-status --db " + db + " --on 20260331");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out,
            "介護情報基盤の利用開始状況 20260331 / go-live status: 利用開始済 0 開始予定 2 未定 1\n"
            "131013 20260401 開始予定 さくら市\n"
            "131021 20261001 開始予定 みどり市\n"
            "131030 -        未定 あおば町\n");

  EXPECT_EQ(office.get("/api/platform/golive?on=2026-05-05").error_code(), "KW12");
  EXPECT_EQ(office.get("/api/platform/golive?format=xml").error_code(), "KW63");
}

}  // namespace
}  // namespace kaigo::testing
