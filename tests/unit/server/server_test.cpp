// kaigo serve (issue 13), tested by starting the real server on loopback and talking HTTPS to it
// with office certificates: a clerk's month (log in, send a clean file and one with errors, see
// their states and the exact error rows, cancel before and after the cut-off, fetch a notice once
// the operator has reviewed and settled the month), isolation between offices, locked accounts,
// expired and revoked certificates, the reset mail, and the OpenAPI document against the routes.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "kaigo/server/routes.hpp"
#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

TEST(Server, AClerksMonthFromLoginToTheNotice) {
  ServerWorld w;
  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto me = clerk.get("/api/session").json();
  EXPECT_EQ(me["user"]["id"], "KJ1370000001");
  EXPECT_EQ(me["user"]["offices"], nlohmann::json::array({"1370000001"}));

  // A clean file and one with errors.
  const auto files = w.files_of("1370000001");
  auto clean = clerk.upload_file(files[0]);
  ASSERT_EQ(clean.status, 201) << clean.body;
  EXPECT_EQ(clean.json()["state"], "受付完了");
  EXPECT_EQ(clean.json()["processing_month"], "202605");
  EXPECT_EQ(clean.json()["errors"].size(), 0u);
  auto bad = clerk.upload("KK260502.CSV", with_bad_amount(w.files_of("1370000001")[0]));
  ASSERT_EQ(bad.status, 201) << bad.body;
  auto b = bad.json();
  EXPECT_EQ(b["state"], "様式エラー有");
  ASSERT_EQ(b["errors"].size(), 2u + b["statements"].get<std::size_t>());  // KC08, KP30, and ANN2 per 明細書
  EXPECT_EQ(b["errors"][0]["code"], "KC08");
  EXPECT_EQ(b["errors"][0]["line"], 2);
  EXPECT_EQ(b["errors"][0]["item_no"], 8);
  EXPECT_EQ(b["errors"][0]["item_name"], "サービス費用 単位数");
  EXPECT_EQ(b["errors"][0]["message_ja"], "数字項目に数字以外の文字があります");
  EXPECT_EQ(b["errors"][1]["code"], "KP30");

  // The 送信結果 list and one file with its error list, also as the seed's CSV.
  auto list = clerk.get("/api/submissions?month=202605").json();
  EXPECT_EQ(list["total"], 2);
  EXPECT_EQ(list["submissions"][0]["submission"], b["submission"]);  // newest first
  EXPECT_EQ(list["submissions"][0]["error_count"], b["errors"].size());
  auto one = clerk.get("/api/submissions/" + std::to_string(b["submission"].get<int>()));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["history"].back()["state"], "様式エラー有");
  auto csv = clerk.get("/api/submissions/" + std::to_string(b["submission"].get<int>()) + "/errors.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("KC08"), std::string::npos);
  EXPECT_NE(csv.body.find("," + b["errors"][0]["value"].get<std::string>() + ","), std::string::npos) << csv.body;

  // Cancel before the cut-off; after it, 409 with the reason.
  auto cancel = clerk.post_json("/api/submissions/" + std::to_string(b["submission"].get<int>()) + "/cancel", nlohmann::json::object());
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(cancel.json()["state"], "取消完了");
  auto again = clerk.upload_file(files[1]);
  ASSERT_EQ(again.status, 201);
  ApiClient anyone(w);
  ASSERT_EQ(anyone.post_json("/api/test/clock", {{"at", "2026-05-10T23:31:00"}}).status, 200);
  EXPECT_EQ(clerk.get("/api/session").status, 401);  // five days later the session has long expired
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto late = clerk.post_json("/api/submissions/" + std::to_string(again.json()["submission"].get<int>()) + "/cancel", nlohmann::json::object());
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.json()["error"]["message_ja"], "取消の受付は処理年月 202605 の10日 23:30 までです");

  // The operator reviews and settles; the clerk fetches the 7411 and the 7513.
  ASSERT_EQ(anyone.post_json("/api/test/clock", {{"at", "2026-05-11T01:00:00"}}).status, 200);
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto started = op.post_json("/api/months/202605/review", nlohmann::json::object());
  ASSERT_EQ(started.status, 202) << started.body;
  auto reviewed = wait_for_job(op, "202605");
  ASSERT_TRUE(reviewed["job"]["ok"].get<bool>()) << reviewed.dump();
  EXPECT_EQ(reviewed["state"], "審査済");
  ASSERT_EQ(op.post_json("/api/months/202605/results", {}).status, 202);
  auto settled = wait_for_job(op, "202605");
  ASSERT_TRUE(settled["job"]["ok"].get<bool>()) << settled.dump();
  EXPECT_EQ(settled["state"], "支払済");
  EXPECT_TRUE(settled["summary"].is_object());
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);  // the clock moved on again
  auto notices = clerk.get("/api/results/202605").json();
  std::set<std::string> forms;
  for (const auto& n : notices["notices"]) {
    EXPECT_EQ(n["office_no"], "1370000001");
    forms.insert(n["form"]);
  }
  EXPECT_TRUE(forms.count("7513")) << notices.dump();
  // The month's results were not printed: a notice is offered in every format and printed (and
  // kept) on its first download.
  const auto printed = w.dir() / "k.db.results" / "202605" / "1370000001" / "7513.pdf";
  EXPECT_FALSE(fs::exists(printed));
  for (const auto& n : notices["notices"]) {
    if (n["form"] == "7513") {
      EXPECT_EQ(n["formats"], nlohmann::json::array({"CSV", "html", "pdf"}));
    }
  }
  auto pdf = clerk.get("/api/results/202605/1370000001/7513.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf.headers["Content-Type"], "application/pdf");
  EXPECT_EQ(read_file(printed), pdf.body);
  EXPECT_EQ(clerk.get("/api/results/202605/1370000001/7513.pdf").body, pdf.body);
  EXPECT_EQ(clerk.get("/api/results/202605/1370000001/7599.pdf").status, 404);
  auto official = clerk.get("/api/results/202605/1370000001/7513.CSV");
  ASSERT_EQ(official.status, 200);
  EXPECT_EQ(official.body, read_file(w.dir() / "k.db.results" / "202605" / "1370000001" / "7513.CSV"));

  // The office sent its files over the internet (as KJ1370000001): it is a 伝送事業所 and gets its
  // 事業所別審査状況一覧表, one row per 明細書 decided, listed and printed like a notice; another
  // office is refused it.
  bool listed = false;
  for (const auto& n : notices["notices"]) {
    if (n["form"] != "review-status") continue;
    listed = true;
    EXPECT_EQ(n["title"], "事業所別審査状況一覧表");
    EXPECT_EQ(n["formats"], nlohmann::json::array({"csv", "html", "pdf"}));
  }
  EXPECT_TRUE(listed) << notices.dump();
  auto status_list = clerk.get("/api/results/202605/1370000001/review-status.csv");
  ASSERT_EQ(status_list.status, 200);
  EXPECT_EQ(status_list.headers["Content-Type"], "text/csv; charset=utf-8");
  EXPECT_EQ(status_list.body, read_file(w.dir() / "k.db.results" / "202605" / "1370000001" / "review-status.csv"));
  EXPECT_TRUE(status_list.body.starts_with("審査年月,事業所番号,証記載保険者番号,被保険者番号,"));
  std::int64_t decided = 0;
  for (const auto& o : settled["summary"]["offices"]) {
    if (o["office_no"] != "1370000001") continue;
    for (const char* k : {"paid", "cut", "held", "returned"}) decided += o["claims"][k].get<std::int64_t>();
  }
  EXPECT_GT(decided, 0);
  EXPECT_EQ(static_cast<std::int64_t>(std::count(status_list.body.begin(), status_list.body.end(), '\n')), decided + 1);
  auto status_pdf = clerk.get("/api/results/202605/1370000001/review-status.pdf");
  ASSERT_EQ(status_pdf.status, 200);
  EXPECT_EQ(status_pdf.body.substr(0, 5), "%PDF-");
  ApiClient other(w, "office2");
  ASSERT_EQ(other.login("KJ1370000002").status, 200);
  EXPECT_EQ(other.get("/api/results/202605/1370000001/review-status.csv").status, 403);
  EXPECT_EQ(other.get("/api/results/202605/1370000001/review-status.pdf").status, 403);
  EXPECT_EQ(clerk.get("/api/results/202605/1370000002/review-status.csv").status, 403);

  // Every step left its row in the audit trail, and the chain verifies.
  auto audit = op.get("/api/audit?limit=1000").json();
  std::multiset<std::string> actions;
  for (const auto& row : audit["rows"]) actions.insert(row["action"]);
  for (const char* a : {"login", "upload", "cancel", "cancel_refused", "review", "results", "download"}) {
    EXPECT_GT(actions.count(a), 0u) << a;
  }
  auto verify = run_kaigo("audit verify --db " + w.db());
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST(Server, AnOfficeNeverReachesAnotherOfficesFilesOrNotices) {
  ServerWorld w;
  ApiClient one(w, "office1");
  ApiClient two(w, "office2");
  ASSERT_EQ(one.login("KJ1370000001").status, 200);
  ASSERT_EQ(two.login("KJ1370000002").status, 200);
  auto mine = one.upload_file(w.files_of("1370000001")[0]);
  ASSERT_EQ(mine.status, 201);
  const auto id = std::to_string(mine.json()["submission"].get<int>());
  for (const std::string& path : std::vector<std::string>{"/api/submissions/" + id, "/api/submissions/" + id + "/errors.csv",
                                  "/api/submissions/999999", "/api/results/202605/1370000001/7513.pdf"}) {
    auto r = two.get(path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(r.error_code(), "KW03") << path;
    EXPECT_EQ(r.body.find("KK260501"), std::string::npos);
  }
  EXPECT_EQ(two.post_json("/api/submissions/" + id + "/cancel", {}).status, 403);
  EXPECT_EQ(two.get("/api/submissions?month=202605").json()["total"], 0);
  // Office 2 sending office 1's file: refused, naming the office; nothing stored.
  auto foreign = two.upload_file(w.files_of("1370000001")[0]);
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(foreign.error_code(), "KR04");
  EXPECT_NE(foreign.json()["error"]["message_ja"].get<std::string>().find("1370000001"), std::string::npos);
  EXPECT_EQ(one.get("/api/submissions").json()["total"], 1);
  // An office may not run the month.
  EXPECT_EQ(one.post_json("/api/months/202605/review", {}).status, 403);
  // 代理請求: one account and certificate for three offices sends for each of them.
  ApiClient group(w, "group");
  ASSERT_EQ(group.login("KJ9000000001").status, 200);
  EXPECT_EQ(group.upload_file(w.files_of("1370000003")[0]).status, 201);
  EXPECT_EQ(group.get("/api/submissions?month=202605").json()["total"], 2);  // office 1's and office 3's
}

TEST(Server, LockedAccountsAndBadCertificatesAreRefused) {
  ServerWorld w;
  ApiClient c(w, "office2");
  for (int i = 0; i < 5; ++i) {
    auto r = c.login("KJ1370000002", "wrong password " + std::to_string(i));
    EXPECT_EQ(r.status, i < 4 ? 401 : 423) << r.body;
  }
  auto locked = c.login("KJ1370000002");
  EXPECT_EQ(locked.status, 423);
  EXPECT_EQ(locked.error_code(), "KA21");
  EXPECT_TRUE(locked.json()["error"].contains("locked_until"));

  auto upload_with = [&](const std::string& cert) {
    ApiClient u(w, cert);
    EXPECT_EQ(u.login(cert == "expired" ? "KJ1370000003" : "KJ1370000001").status, 200);
    return u.upload_file(w.files_of(cert == "expired" ? "1370000003" : "1370000001")[0]);
  };
  auto expired = upload_with("expired");
  EXPECT_EQ(expired.status, 403);
  EXPECT_EQ(expired.error_code(), "KA45");
  auto revoked = upload_with("revoked");
  EXPECT_EQ(revoked.status, 403);
  EXPECT_EQ(revoked.error_code(), "KA47");
  ApiClient none(w);
  ASSERT_EQ(none.login("KJ1370000001").status, 200);
  auto no_cert = none.upload_file(w.files_of("1370000001")[0]);
  EXPECT_EQ(no_cert.status, 403);
  EXPECT_EQ(no_cert.error_code(), "KW05");
}

TEST(Server, AResetMailArrivesAndItsLinkWorksOnce) {
  ServerWorld w;
  ApiClient c(w);
  auto asked = c.post_json("/api/reset", {{"user", "KJ1370000001"}, {"email", "office1@example.jp"}});
  EXPECT_EQ(asked.status, 202);
  // An unknown address gets the same answer and no mail.
  EXPECT_EQ(c.post_json("/api/reset", {{"user", "KJ1370000001"}, {"email", "other@example.jp"}}).body, asked.body);
  ASSERT_TRUE(w.mail().wait_for(1, std::chrono::seconds(20)));
  auto mails = w.mail().messages();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"office1@example.jp"});
  auto text = mail_text(mails[0].data);
  auto at = text.find("#token=");
  ASSERT_NE(at, std::string::npos) << text;
  auto token = text.substr(at + 7, text.find_first_of("\r\n", at) - at - 7);
  auto done = c.post_json("/api/reset/complete", {{"token", token}, {"password", "a brand new passphrase"}});
  EXPECT_EQ(done.status, 200) << done.body;
  auto twice = c.post_json("/api/reset/complete", {{"token", token}, {"password", "another new passphrase"}});
  EXPECT_EQ(twice.status, 422);
  EXPECT_EQ(c.login("KJ1370000001", ServerWorld::kPassword).status, 401);
  EXPECT_EQ(c.login("KJ1370000001", "a brand new passphrase").status, 200);
}

TEST(Server, StateChangesNeedTheSessionsCsrfToken) {
  ServerWorld w;
  ApiClient c(w, "office1");
  ASSERT_EQ(c.login("KJ1370000001").status, 200);
  c.set_csrf("not-the-token");
  auto r = c.upload_file(w.files_of("1370000001")[0]);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.error_code(), "KW02");
  ApiClient nobody(w, "office1");
  EXPECT_EQ(nobody.upload_file(w.files_of("1370000001")[0]).status, 401);
  EXPECT_EQ(nobody.get("/api/submissions").status, 401);
}

TEST(Server, TheOpenApiDocumentDescribesExactlyTheRoutes) {
  ServerWorld w;
  ApiClient c(w);
  auto doc = c.get("/api/openapi.json");
  ASSERT_EQ(doc.status, 200);
  auto j = doc.json();
  EXPECT_EQ(j["openapi"], "3.0.3");
  std::set<std::string> described;
  for (auto p = j["paths"].begin(); p != j["paths"].end(); ++p) {
    for (auto m = p.value().begin(); m != p.value().end(); ++m) {
      std::string method = m.key();
      for (auto& ch : method) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      described.insert(method + " " + p.key());
    }
  }
  std::set<std::string> served;
  for (const auto& r : server::api_routes()) served.insert(r.method + " " + r.openapi_path);
  EXPECT_EQ(described, served);
}

}  // namespace
}  // namespace kaigo::testing
