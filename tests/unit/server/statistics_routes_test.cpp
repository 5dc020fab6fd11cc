// GET /api/statistics/{month} (issue 18 item 6) on the real server after a review: the returns by
// code with their shares, the same table as CSV and as the printed page, the cuts; a municipality
// sees its own 保険者 only (another's: 403), an office nothing; bad queries answer 400 KW64.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

void add_user(ServerWorld& w, const std::string& options) {
  write_file(w.dir() / "pw-stats", std::string(ServerWorld::kPassword) + "\n");
  auto r = run_kaigo("user add --db " + w.db() + " " + options + " < " + (w.dir() / "pw-stats").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

TEST(ServerStatistics, TheReturnsByCodeForTheKokuhorenAndForTheMunicipalityOnly) {
  ServerWorld w;
  add_user(w, "--id KJ5000000001 --role municipality --insurer 131013");
  add_user(w, "--id KJ5000000002 --role municipality --insurer 131021");
  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto clean = clerk.upload_file(w.files_of("1370000001")[0]);
  ASSERT_EQ(clean.status, 201);
  const int statements = clean.json()["statements"];
  // The same claims again: every 明細書 of the second file is ANN2.
  ASSERT_EQ(clerk.upload("KK260502.CSV", read_file(w.files_of("1370000001")[0])).status, 201);
  ApiClient anyone(w);
  ASSERT_EQ(anyone.post_json("/api/test/clock", {{"at", "2026-05-11T01:00:00"}}).status, 200);
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  ASSERT_EQ(op.post_json("/api/months/202605/review", nlohmann::json::object()).status, 202);
  ASSERT_TRUE(wait_for_job(op, "202605")["job"]["ok"].get<bool>());

  auto table = op.get("/api/statistics/202605?months=2");
  ASSERT_EQ(table.status, 200) << table.body;
  const auto j = table.json();
  EXPECT_EQ(j["kind"], "return");
  EXPECT_EQ(j["by"], "code");
  EXPECT_EQ(j["insurer"], "");
  ASSERT_EQ(j["months"].size(), 2u);
  EXPECT_EQ(j["months"][0], (nlohmann::json{{"month", "202604"}, {"count", 0}}));
  EXPECT_EQ(j["months"][1], (nlohmann::json{{"month", "202605"}, {"count", statements}}));
  ASSERT_EQ(j["rows"].size(), 1u);
  EXPECT_EQ(j["rows"][0]["key"], "ANN2");
  EXPECT_EQ(j["rows"][0]["months"][1], (nlohmann::json{{"count", statements}, {"share", "100.0%"}}));
  EXPECT_EQ(j["top"][1]["top"][0]["key"], "ANN2");
  EXPECT_TRUE(j["top"][0]["top"].empty());

  auto csv = op.get("/api/statistics/202605?months=1&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["Content-Type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body, fmt::format("code,202605_count,202605_share,total\r\nANN2,{0},100.0%,{0}\r\n(all),{0},100.0%,{0}\r\n",
                                  statements));
  auto pdf = op.get("/api/statistics/202605?format=pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers["Content-Type"], "application/pdf");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  // No cut this month: an empty table, not an error.
  auto cuts = op.get("/api/statistics/202605?months=1&kind=cut").json();
  EXPECT_TRUE(cuts["rows"].empty());
  EXPECT_EQ(cuts["months"][0]["count"], 0);

  // さくら市's municipality sees its own (the same here: the month has one insurer), written or not.
  ApiClient city(w);
  ASSERT_EQ(city.login("KJ5000000001").status, 200);
  auto own = city.get("/api/statistics/202605?months=2").json();
  EXPECT_EQ(own["insurer"], "131013");
  EXPECT_EQ(own["rows"], j["rows"]);
  EXPECT_EQ(city.get("/api/statistics/202605?insurer=00131013").status, 200);
  EXPECT_EQ(city.get("/api/statistics/202605?insurer=131021").status, 403);
  ApiClient other(w);
  ASSERT_EQ(other.login("KJ5000000002").status, 200);
  auto none = other.get("/api/statistics/202605?months=1").json();
  EXPECT_EQ(none["insurer"], "131021");
  EXPECT_TRUE(none["rows"].empty());
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);  // its session ended when the clock moved
  EXPECT_EQ(clerk.get("/api/statistics/202605").status, 403);

  for (const char* bad : {"months=0", "months=25", "months=x", "kind=held", "by=person", "top=0", "format=xml",
                          "insurer=12345"}) {
    auto r = op.get(std::string("/api/statistics/202605?") + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.error_code(), "KW64") << bad;
  }
  EXPECT_EQ(op.get("/api/statistics/2026-5").status, 404);
}

}  // namespace
}  // namespace kaigo::testing
