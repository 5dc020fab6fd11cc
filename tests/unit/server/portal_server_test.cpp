// The portal through the real server (kaigo serve on loopback TLS with office certificates and a
// test clock): an office applies for the 令和8年度 subsidy with 4 readers and set-up, sees its
// application, cannot apply twice; another office neither sees it nor applies for it; the 国保連
// decides in June (not before) and pays in July (not before); the office reads the decision notice
// (every step, by pdftotext) and every state with who and when; a receipt without purpose is
// returned with that reason; a hospital applies as a medical institution; each office's page.
#include <gtest/gtest.h>

#include <set>

#include "support/portal_support.hpp"
#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

const nlohmann::json kFourReaders = nlohmann::json::array({
    {{"receipt", 1}, {"issued_on", "20260420"}, {"purpose", "カードリーダー4台分"}, {"amount", 80000}},
    {{"receipt", 2},
     {"issued_on", "20260420"},
     {"purpose", "設定費用"},
     {"amount", 10000},
     {"net", 9091},
     {"tax", 909}},
});

void set_clock(ServerWorld& w, const std::string& at) {
  ApiClient anyone(w);
  ASSERT_EQ(anyone.post_json("/api/test/clock", {{"at", at}}).status, 200);
}

TEST(PortalServer, AnOfficeAppliesTheStaffDecideAndPayAndTheOfficeReadsTheNotice) {
  ServerWorld w;
  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto schemes = clerk.get("/api/subsidy/schemes");
  ASSERT_EQ(schemes.status, 200);
  EXPECT_EQ(schemes.json()["schemes"].size(), 4u);

  auto applied = clerk.post_json("/api/subsidies", {{"office_no", "1370000001"}, {"lines", kFourReaders}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  auto a = applied.json();
  const auto id = std::to_string(a["id"].get<int>());
  EXPECT_EQ(a["scheme"], "R8-office");
  EXPECT_EQ(a["state"], "received");
  EXPECT_EQ(a["state_ja"], "申請受付");
  EXPECT_EQ(a["decision_month"], "202606");
  EXPECT_EQ(a["payment_month"], "202607");
  EXPECT_EQ(a["preview"]["amount"], 64000);
  EXPECT_EQ(a["preview"]["cost"], 70000);
  EXPECT_EQ(a["lines"][1]["net"], 9091);

  auto twice = clerk.post_json("/api/subsidies", {{"office_no", "1370000001"}, {"lines", kFourReaders}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.error_code(), "KH03");
  auto bad = clerk.post_json(
      "/api/subsidies",
      {{"office_no", "1370000001"},
       {"lines", nlohmann::json::array({{{"receipt", 1}, {"issued_on", "20260420"}, {"amount", "x"}}})}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["message_ja"], "項目 lines[0].amount が正しくありません（整数ではありません）");

  // Another office: not its application, nor its office to apply for.
  ApiClient other(w, "office2");
  ASSERT_EQ(other.login("KJ1370000002").status, 200);
  EXPECT_EQ(other.get("/api/subsidies/" + id).status, 403);
  EXPECT_EQ(other.get("/api/subsidies/" + id + "/notice.pdf").status, 403);
  EXPECT_EQ(other.get("/api/subsidies").json()["total"], 0);
  EXPECT_EQ(other.post_json("/api/subsidies", {{"office_no", "1370000001"}, {"lines", kFourReaders}}).status, 403);
  EXPECT_EQ(other.post_json("/api/subsidies/" + id + "/withdraw", nlohmann::json::object()).status, 403);
  EXPECT_EQ(other.get("/api/offices/1370000001/page").status, 403);

  // The 国保連 decides in the month after the application, not before; an office cannot decide.
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  EXPECT_EQ(clerk.post_json("/api/subsidies/" + id + "/decide", nlohmann::json::object()).status, 403);
  auto early = op.post_json("/api/subsidies/" + id + "/decide", nlohmann::json::object());
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.error_code(), "KH42");
  EXPECT_EQ(op.get("/api/subsidies/999").status, 404);
  set_clock(w, "2026-06-01T09:00:00");
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto decided = op.post_json("/api/subsidies/" + id + "/decide", nlohmann::json::object());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.json()["state_ja"], "交付決定");
  EXPECT_EQ(decided.json()["decision"]["amount"], 64000);
  EXPECT_EQ(op.post_json("/api/subsidies/" + id + "/pay", nlohmann::json::object()).error_code(), "KH43");

  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto pdf = clerk.get("/api/subsidies/" + id + "/notice.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers["Content-Type"], "application/pdf");
  auto text = pdf_text(pdf.body);
  for (const char* s : {"助成金交付決定通知書", "令和8年度", "80,000 円 × 3台 ÷ 4台 = 60,000 円",
                        "60,000 円＋10,000 円 = 70,000 円", "70,000 円 × 1/1 = 70,000 円", "64,000 円"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  }

  set_clock(w, "2026-07-01T09:00:00");
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto paid = op.post_json("/api/subsidies/" + id + "/pay", nlohmann::json::object());
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.json()["payment"]["paid_on"], "20260701");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto seen = clerk.get("/api/subsidies/" + id).json();
  ASSERT_EQ(seen["history"].size(), 3u);
  EXPECT_EQ(seen["history"][0]["by"], "KJ1370000001");
  EXPECT_EQ(seen["history"][1]["state_ja"], "交付決定");
  EXPECT_EQ(seen["history"][1]["at"], "2026-06-01T09:00:00");
  EXPECT_EQ(seen["history"][2]["state_ja"], "振込済");
  EXPECT_EQ(seen["decision"]["steps"].size(), 8u);
  auto mine = clerk.get("/api/subsidies?state=paid").json();
  EXPECT_EQ(mine["total"], 1);

  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  std::multiset<std::string> actions;
  const auto audit = op.get("/api/audit?limit=1000").json();
  for (const auto& row : audit["rows"]) actions.insert(row["action"]);
  for (const char* action : {"subsidy_apply", "subsidy_decide", "subsidy_pay", "subsidy_notice"})
    EXPECT_EQ(actions.count(action), 1u) << action;
  EXPECT_EQ(run_kaigo("audit verify --db " + w.db()).exit_code, 0);
}

TEST(PortalServer, AReceiptWithoutPurposeIsReturnedWithThatReason) {
  ServerWorld w;
  ApiClient clerk(w, "office2");
  ASSERT_EQ(clerk.login("KJ1370000002").status, 200);
  auto applied = clerk.post_json(
      "/api/subsidies",
      {{"office_no", "1370000002"},
       {"lines", nlohmann::json::array({{{"receipt", 1}, {"issued_on", "20260420"}, {"amount", 15400}}})}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(applied.json()["preview"]["outcome"], "returned");  // told at once
  const auto id = std::to_string(applied.json()["id"].get<int>());
  set_clock(w, "2026-06-02T09:00:00");
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto returned = op.post_json("/api/subsidies/" + id + "/decide", nlohmann::json::object());
  ASSERT_EQ(returned.status, 200);
  EXPECT_EQ(returned.json()["state_ja"], "返戻");
  EXPECT_EQ(returned.json()["decision"]["findings"][0]["code"], "KH10");
  ASSERT_EQ(clerk.login("KJ1370000002").status, 200);
  auto text = pdf_text(clerk.get("/api/subsidies/" + id + "/notice.pdf").body);
  EXPECT_NE(text.find("助成金申請返戻通知書"), std::string::npos);
  EXPECT_NE(text.find("領収書1に用途（カードリーダー、台数、設定費用など）の記載がありません"), std::string::npos)
      << text;
  // Returned: the office applies again.
  auto again = clerk.post_json("/api/subsidies", {{"office_no", "1370000002"}, {"lines", kFourReaders}});
  EXPECT_EQ(again.status, 201) << again.body;
}

TEST(PortalServer, AHospitalAppliesAndEachOfficeHasItsPage) {
  ServerWorld w;
  write_file(w.dir() / "medical-pw", std::string(ServerWorld::kPassword) + "\n");
  ASSERT_EQ(
      run_kaigo("user add --db " + w.db() + " --id KJH131000099 --role medical --medical 1310000099 --job clerk < " +
                (w.dir() / "medical-pw").string())
          .exit_code,
      0);
  ApiClient hospital(w);
  ASSERT_EQ(hospital.login("KJH131000099").status, 200);
  auto applied = hospital.post_json(
      "/api/subsidies",
      {{"name", "国保総合病院"},
       {"facility", "hospital"},
       {"beds", 250},
       {"lines", nlohmann::json::array({{{"receipt", 1},
                                         {"issued_on", "20260415"},
                                         {"purpose", "電子カルテ改修（主治医意見書の電子的送信機能）"},
                                         {"amount", 1400000}}})}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(applied.json()["scheme"], "R8-medical");
  EXPECT_EQ(applied.json()["preview"]["after_rate"], 700000);
  EXPECT_EQ(applied.json()["preview"]["amount"], 550000);
  EXPECT_EQ(hospital.get("/api/offices/1370000001/page").status, 403);

  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto page = clerk.get("/api/offices/1370000001/page");
  ASSERT_EQ(page.status, 200) << page.body;
  auto p = page.json();
  EXPECT_EQ(p["office_no"], "1370000001");
  std::set<std::string> ids;
  for (const auto& a : p["accounts"]) ids.insert(a["id"]);
  EXPECT_EQ(ids, (std::set<std::string>{"KJ1370000001", "KJ9000000001"}));
  // office1's own certificate, the group's, and the revoked one: each 7,800 円 (applied 2026-05-01),
  // deducted in the May review month.
  ASSERT_EQ(p["certificates"].size(), 3u);
  std::multiset<std::string> states;
  for (const auto& c : p["certificates"]) {
    states.insert(c["state"]);
    EXPECT_EQ(c["fee"], 7800);
    EXPECT_EQ(c["fee_month"], "202605");
  }
  EXPECT_EQ(states, (std::multiset<std::string>{"valid", "valid", "revoked"}));
  ASSERT_EQ(p["fees"].size(), 1u);
  EXPECT_EQ(p["fees"][0]["month"], "202605");
  EXPECT_EQ(p["fees"][0]["certificate_fee"], 3 * 7800);
  EXPECT_EQ(p["fees"][0]["state_ja"], "控除予定");
  // The care-plan hub is connected (careplan_server_test shows a licence); this office has none.
  EXPECT_EQ(p["careplan_licences"]["connected"], true);
  EXPECT_EQ(p["careplan_licences"]["licences"], nlohmann::json::array());
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  EXPECT_EQ(op.get("/api/offices/1370000001/page").status, 200);
  EXPECT_EQ(op.get("/api/offices/1399999999/page").status, 404);
}

}  // namespace
}  // namespace kaigo::testing
