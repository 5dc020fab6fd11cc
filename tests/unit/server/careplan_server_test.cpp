// The care-plan hub through the real server (kaigo serve on loopback TLS with office certificates
// and a test clock at 2026-05-05 10:00): the 国保連 records licences; a care manager (1370000001)
// sends its 予定 to a service office B with a message; only B sees and receives it, another office C
// gets 403 for it as for a set that does not exist; the receipt shows on the sender's side; a set
// to an unlicensed office is refused with the reason; a draft is delivered only when sent; the
// retention purge (kaigo careplan purge) removes the set's files; the reconcile of the month shows
// an office its own 明細書 only; the office page shows the licence.
#include <gtest/gtest.h>

#include "kaigo/careplan/file_name.hpp"
#include "support/base64.hpp"
#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

// A 予定 of the care manager 1370000001 to one of 1370000002 / 1370000003; `other` is the one left.
struct PlanRoute {
  std::filesystem::path file;
  std::string b, c;
};

PlanRoute plan_route(const ServerWorld& w) {
  for (const auto& e : std::filesystem::directory_iterator(w.month_dir() / "careplan" / "1370000001")) {
    auto n = careplan::parse_file_name(e.path().filename().string()).name;
    if (!n || n->kind->prefix != "UPPLAN") continue;
    if (n->receiver.office_no == "1370000002") return {e.path(), "1370000002", "1370000003"};
    if (n->receiver.office_no == "1370000003") return {e.path(), "1370000003", "1370000002"};
  }
  throw std::logic_error("no 予定 from 1370000001 to 1370000002 or 1370000003");
}

// The サービス種類 of an office in the generated 事業所台帳.
std::string service_type_of(const ServerWorld& w, const std::string& office) {
  const auto text = read_file(w.month_dir() / "offices.csv");
  auto at = text.find("\n" + office + ",");
  if (at == std::string::npos) throw std::logic_error("office not in offices.csv: " + office);
  return text.substr(at + 12, 2);
}

std::string cert_of(const std::string& office) { return office == "1370000002" ? "office2" : "office3"; }

nlohmann::json set_of(const std::filesystem::path& file, const std::string& message, bool draft = false) {
  return {{"files", nlohmann::json::array({{{"name", file.filename().string()}, {"content_base64", base64(read_file(file))}}})},
          {"message", message},
          {"draft", draft}};
}

TEST(CarePlanServer, RoutingReceiptsLicencesDraftsRetentionAndReconcile) {
  ServerWorld w;
  const auto r = plan_route(w);
  ApiClient staff(w);
  ASSERT_EQ(staff.login("KJ0000000001").status, 200);
  for (const auto& o : {std::string("1370000001"), r.b}) {
    auto l = staff.post_json("/api/careplan/licences", {{"office", o}, {"applied_on", "20260401"}});
    ASSERT_EQ(l.status, 201) << l.body;
    EXPECT_EQ(l.json()["valid_to"], "20270331");
    EXPECT_EQ(l.json()["free"], true);  // an application of 2026-04-01: the free-pass campaign
  }

  ApiClient a(w, "office1"), b(w, cert_of(r.b)), c(w, cert_of(r.c));
  ASSERT_EQ(a.login("KJ1370000001").status, 200);
  ASSERT_EQ(b.login("KJ" + r.b).status, 200);
  ASSERT_EQ(c.login("KJ" + r.c).status, 200);

  // A → B.
  auto sent = a.post_json("/api/careplan/sets", set_of(r.file, "5月分の予定です"));
  ASSERT_EQ(sent.status, 201) << sent.body;
  const auto id = std::to_string(sent.json()["id"].get<int>());
  EXPECT_EQ(sent.json()["receipts"][0]["office"], r.b);
  EXPECT_EQ(sent.json()["receipts"][0]["received"], false);

  auto b_inbox = b.get("/api/careplan/inbox");
  ASSERT_EQ(b_inbox.status, 200);
  ASSERT_EQ(b_inbox.json()["sets"].size(), 1u);
  EXPECT_EQ(b_inbox.json()["sets"][0]["message"], "5月分の予定です");
  EXPECT_EQ(c.get("/api/careplan/inbox").json()["sets"].size(), 0u);

  // C: 403 for B's set and for one that does not exist, never its content.
  auto theirs = c.post_json("/api/careplan/sets/" + id + "/receive", nlohmann::json::object());
  EXPECT_EQ(theirs.status, 403);
  EXPECT_EQ(theirs.body.find(r.file.filename().string()), std::string::npos);
  EXPECT_EQ(c.post_json("/api/careplan/sets/999/receive", nlohmann::json::object()).status, 403);
  EXPECT_EQ(staff.post_json("/api/careplan/sets/" + id + "/receive", nlohmann::json::object()).status, 403);

  auto got = b.post_json("/api/careplan/sets/" + id + "/receive", nlohmann::json::object());
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(unbase64(got.json()["contents"][0]["content_base64"]), read_file(r.file));
  EXPECT_EQ(got.json()["received"], true);

  auto mine = a.get("/api/careplan/outbox").json()["sets"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["receipts"][0]["received"], true);
  EXPECT_EQ(mine[0]["receipts"][0]["received_at"], "2026-05-05T10:00:00");
  EXPECT_EQ(mine[0]["receipts"][0]["received_by"], "KJ" + r.b);

  // To an office without a licence: refused with the reason.
  auto name = careplan::parse_file_name(r.file.filename().string()).name.value();
  name.receiver.office_no = r.c;
  name.receiver.service_type = service_type_of(w, r.c);
  auto to_c = a.post_json("/api/careplan/sets",
                          {{"files", nlohmann::json::array({{{"name", name.str()}, {"content_base64", base64(read_file(r.file))}}})}});
  EXPECT_EQ(to_c.status, 403) << to_c.body;
  EXPECT_EQ(to_c.error_code(), "CH01");
  EXPECT_EQ(to_c.json()["error"]["message_en"], "receiver " + r.c + ": office " + r.c + " holds no ケアプランデータ連携 licence");
  EXPECT_EQ(to_c.json()["error"]["rule"], "seed 001 §7: ライセンスは1事業所番号ごと、申込日から1年間");
  // The file's persons are not C's either (CP63): that comes after who may send.
  EXPECT_EQ(to_c.json()["error"]["refusals"].back()["code"], "CH15");

  // A draft is delivered only when sent.
  auto draft = a.post_json("/api/careplan/sets", set_of(r.file, "一時保存", true));
  ASSERT_EQ(draft.status, 201) << draft.body;
  EXPECT_EQ(draft.json()["state"], "draft");
  EXPECT_EQ(b.get("/api/careplan/inbox").json()["sets"].size(), 1u);
  const auto draft_id = std::to_string(draft.json()["id"].get<int>());
  EXPECT_EQ(b.post_json("/api/careplan/drafts/" + draft_id + "/send", nlohmann::json::object()).status, 403);
  auto now_sent = a.post_json("/api/careplan/drafts/" + draft_id + "/send", nlohmann::json::object());
  ASSERT_EQ(now_sent.status, 200) << now_sent.body;
  EXPECT_EQ(b.get("/api/careplan/inbox").json()["sets"].size(), 2u);

  // The office page shows the licence of the hub.
  auto page = a.get("/api/offices/1370000001/page");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json()["careplan_licences"]["connected"], true);
  EXPECT_EQ(page.json()["careplan_licences"]["licences"][0]["valid_to"], "20270331");

  // The reconcile of the month: an office sees only its own 明細書.
  ASSERT_EQ(b.upload_file(w.files_of(r.b).front()).status, 201);
  auto rec = b.get("/api/careplan/reconcile/202605?all=1");
  ASSERT_EQ(rec.status, 200) << rec.body;
  const auto reconciled = rec.json();  // the loop below iterates inside it
  ASSERT_FALSE(reconciled["claims"].empty());
  for (const auto& claim : reconciled["claims"]) EXPECT_EQ(claim["office"], r.b);
  EXPECT_EQ(staff.get("/api/careplan/reconcile/202605").status, 200);

  // Retention: 90 days after the sets, kaigo careplan purge removes their files.
  auto purge = run_kaigo("careplan purge --db " + w.db() + " --at 2026-08-04T10:00:01 --format json");
  ASSERT_EQ(purge.exit_code, 0) << purge.err;
  EXPECT_EQ(nlohmann::json::parse(purge.out)["purged"].size(), 2u);
  auto gone = b.post_json("/api/careplan/sets/" + id + "/receive", nlohmann::json::object());
  EXPECT_EQ(gone.status, 422);
  EXPECT_EQ(gone.error_code(), "CH41");
}

}  // namespace
}  // namespace kaigo::testing
