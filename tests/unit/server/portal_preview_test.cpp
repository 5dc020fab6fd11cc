// 申請内容の確認 (POST /api/subsidies/preview, the /subsidy page's step before applying): the same
// checks and computation as the application, nothing stored and nothing audited; KH03 once the
// applicant has a live application; another office's number refused (403) as for apply.
#include <gtest/gtest.h>

#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

const nlohmann::json kSeedLines = nlohmann::json::array({
    {{"receipt", 1}, {"issued_on", "20260420"}, {"purpose", "カードリーダー4台分"}, {"amount", 80000}},
    {{"receipt", 2}, {"issued_on", "20260420"}, {"purpose", "設定費用"}, {"amount", 10000}},
});

TEST(PortalServer, ThePreviewComputesEveryStepAndStoresNothing) {
  ServerWorld w;
  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  const nlohmann::json body{{"office_no", "1370000001"}, {"lines", kSeedLines}};
  auto audit_before = run_kaigo("audit verify --db " + w.db());

  auto p = clerk.post_json("/api/subsidies/preview", body);
  ASSERT_EQ(p.status, 200) << p.body;
  const auto j = p.json();
  EXPECT_EQ(j["id"], 0);
  EXPECT_EQ(j["scheme"], "R8-office");
  EXPECT_EQ(j["state"], "received");
  EXPECT_EQ(j["decision_month"], "202606");
  EXPECT_EQ(j["preview"]["outcome"], "granted");
  EXPECT_EQ(j["preview"]["amount"], 64000);
  std::vector<std::pair<std::string, int>> steps;
  for (const auto& s : j["preview"]["steps"]) steps.emplace_back(s["code"], s["amount"]);
  EXPECT_EQ(steps, (std::vector<std::pair<std::string, int>>{{"line", 80000}, {"line", 10000}, {"readers", 60000},
                                                              {"support", 10000}, {"cost", 70000}, {"rate", 70000},
                                                              {"limit", 64000}, {"amount", 64000}}));
  EXPECT_EQ(run_kaigo("audit verify --db " + w.db()).out, audit_before.out);  // no audit row
  EXPECT_EQ(clerk.get("/api/subsidies").json()["total"], 0);

  auto applied = clerk.post_json("/api/subsidies", body);
  ASSERT_EQ(applied.status, 201) << applied.body;
  auto again = clerk.post_json("/api/subsidies/preview", body);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "KH03");

  auto other = clerk.post_json("/api/subsidies/preview", {{"office_no", "1370000002"}, {"lines", kSeedLines}});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.error_code(), "KW03");  // the certificate does not speak for 1370000002 (as for apply)
}

}  // namespace
}  // namespace kaigo::testing
