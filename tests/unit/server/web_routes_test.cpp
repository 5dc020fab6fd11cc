// The routes the web pages read (issue 14), against a real `kaigo serve`: one file's errors
// sorted, filtered and paged with its cancel deadline; the code texts; the decisions of an office,
// a person and a file with their reasons; an office's month and a notice shown in the page; the
// operator's month at a glance and its decisions by code; accounts and certificates; the paged
// audit; and the pages themselves (login redirect, security headers, refusals, static files).
// Every office-facing route refuses another office with 403.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <set>
#include <sstream>

#include "kaigo/core/error_codes.hpp"
#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

// The office's claim file with a non-digit in the 請求書's 単位数 (KC08, KP30), as the server tests.
std::string id_of(const ApiResponse& r) { return std::to_string(r.json()["submission"].get<int>()); }

// Runs a month job and waits for it (bounded).
nlohmann::json run(ApiClient& op, const std::string& what) {
  auto started = op.post_json("/api/months/202605/" + what, nlohmann::json::object());
  EXPECT_EQ(started.status, 202) << started.body;
  return wait_for_job(op, "202605");
}

TEST(ServerWeb, OneFilesErrorsAreSortedFilteredAndPagedWithTheCancelDeadline) {
  ServerWorld w;
  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  ASSERT_EQ(clerk.upload_file(w.files_of("1370000001")[0]).status, 201);
  auto bad = clerk.upload("KK260502.CSV", with_bad_amount(w.files_of("1370000001")[0]));
  ASSERT_EQ(bad.status, 201);
  const auto id = id_of(bad);
  const auto all = bad.json()["errors"];

  auto first = clerk.get("/api/submissions/" + id + "/errors?per_page=2");
  ASSERT_EQ(first.status, 200) << first.body;
  auto j = first.json();
  EXPECT_EQ(j["total"], all.size());
  EXPECT_EQ(j["file_total"], all.size());
  ASSERT_EQ(j["rows"].size(), 2u);
  EXPECT_EQ(j["rows"][0]["seq"], 1);
  EXPECT_EQ(j["rows"][0]["code"], "KC08");
  EXPECT_EQ(j["rows"][0]["item_name"], "サービス費用 単位数");
  EXPECT_EQ(j["rows"][0]["line"], 2);
  EXPECT_EQ(j["rows"][0]["file"], "KK260502.CSV");
  EXPECT_EQ(j["submission"]["state"], "様式エラー有");
  EXPECT_EQ(j["submission"]["office_no"], "1370000001");
  EXPECT_EQ(j["submission"]["cancel_until"], "2026-05-10T23:30:00");
  EXPECT_EQ(j["submission"]["cancellable"], true);
  // The codes of the file with their counts: KC08 1, KP30 1, ANN2 one per 明細書.
  std::map<std::string, int> codes;
  for (const auto& c : j["codes"]) codes[c["code"]] = c["count"];
  EXPECT_EQ(codes, (std::map<std::string, int>{{"ANN2", static_cast<int>(all.size()) - 2}, {"KC08", 1}, {"KP30", 1}}));

  auto kp30 = clerk.get("/api/submissions/" + id + "/errors?code=KP30").json();
  EXPECT_EQ(kp30["total"], 1);
  EXPECT_EQ(kp30["rows"][0]["code"], "KP30");
  auto desc = clerk.get("/api/submissions/" + id + "/errors?sort=code&order=desc&per_page=1").json();
  EXPECT_EQ(desc["rows"][0]["code"], "KP30");
  auto asc = clerk.get("/api/submissions/" + id + "/errors?sort=code&per_page=1").json();
  EXPECT_EQ(asc["rows"][0]["code"], "ANN2");
  // A substring of one person's 被保険者番号 finds that person's row only.
  const std::string person = all[2]["insured_no"];
  auto by_person = clerk.get("/api/submissions/" + id + "/errors?q=" + person).json();
  EXPECT_EQ(by_person["total"], 1);
  EXPECT_EQ(by_person["rows"][0]["insured_no"], person);
  // An unknown sort column falls back to the file's order (never text into SQL).
  auto odd = clerk.get("/api/submissions/" + id + "/errors?sort=seq;DROP&per_page=1").json();
  EXPECT_EQ(odd["rows"][0]["seq"], 1);
  // Page 2 of 2-row pages starts at the third row.
  auto page2 = clerk.get("/api/submissions/" + id + "/errors?per_page=2&page=2").json();
  EXPECT_EQ(page2["page"], 2);
  EXPECT_EQ(page2["rows"][0]["seq"], 3);

  ApiClient other(w, "office2");
  ASSERT_EQ(other.login("KJ1370000002").status, 200);
  EXPECT_EQ(other.get("/api/submissions/" + id + "/errors").status, 403);
  EXPECT_EQ(other.get("/api/submissions/999999/errors").status, 403);
  // After the cut-off the file is no longer cancellable, and the page says so.
  ApiClient anyone(w);
  ASSERT_EQ(anyone.post_json("/api/test/clock", {{"at", "2026-05-10T23:31:00"}}).status, 200);
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  EXPECT_EQ(clerk.get("/api/submissions/" + id + "/errors").json()["submission"]["cancellable"], false);
}

TEST(ServerWeb, CodesCarryTheirCauseAndRemedyFromTheOneTable) {
  ServerWorld w;
  ApiClient c(w);
  EXPECT_EQ(c.get("/api/codes").status, 401);
  ASSERT_EQ(c.login("KJ1370000002").status, 200);
  auto some = c.get("/api/codes?code=ANN2,KC08").json()["codes"];
  ASSERT_EQ(some.size(), 2u);
  for (const auto& code : some) {
    const auto* text = find_error_code(code["code"].get<std::string>());
    ASSERT_NE(text, nullptr);
    EXPECT_EQ(code["title_ja"], text->title_ja);
    EXPECT_EQ(code["cause_ja"], text->cause_ja);
    EXPECT_EQ(code["action_ja"], text->action_ja);
  }
  EXPECT_EQ(c.get("/api/codes").json()["codes"].size(), error_codes().size());
}

TEST(ServerWeb, OfficesActForOneOfTheirOfficesOnly) {
  ServerWorld w;
  ApiClient group(w, "group");
  ASSERT_EQ(group.login("KJ9000000001").status, 200);
  ASSERT_EQ(group.upload_file(w.files_of("1370000001")[0]).status, 201);
  ASSERT_EQ(group.upload_file(w.files_of("1370000003")[0]).status, 201);
  auto three = group.get("/api/submissions?month=202605&office=1370000003").json();
  EXPECT_EQ(three["total"], 1);
  EXPECT_EQ(three["submissions"][0]["office_no"], "1370000003");
  EXPECT_EQ(group.get("/api/submissions?office=1370000004").status, 403);
  // The office chosen in the page and the file's office differ: refused before anything is kept.
  auto wrong = group.send("POST", "/api/submissions", {{"X-File-Name", "KK.CSV"}, {"X-Acting-Office", "1370000002"}},
                          read_file(w.files_of("1370000001")[0]), "application/octet-stream");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.error_code(), "KW22");
  EXPECT_EQ(group.get("/api/submissions?month=202605").json()["total"], 2);
}

TEST(ServerWeb, DecisionsAndTheOfficesMonthAfterReviewAndResults) {
  ServerWorld w;
  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto clean = clerk.upload_file(w.files_of("1370000001")[0]);
  ASSERT_EQ(clean.status, 201);
  const int statements = clean.json()["statements"];
  // The same claims again (with a bad 請求書): every 明細書 is ANN2 and will be returned.
  auto dup = clerk.upload("KK260502.CSV", with_bad_amount(w.files_of("1370000001")[0]));
  ASSERT_EQ(dup.status, 201);
  ApiClient anyone(w);
  ASSERT_EQ(anyone.post_json("/api/test/clock", {{"at", "2026-05-11T01:00:00"}}).status, 200);
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  ASSERT_TRUE(run(op, "review")["job"]["ok"].get<bool>());
  ASSERT_TRUE(run(op, "results")["job"]["ok"].get<bool>());

  auto reasons = op.get("/api/months/202605/reasons").json();
  EXPECT_EQ(reasons["state"], "支払済");
  EXPECT_EQ(reasons["claims"]["returned"], statements);
  bool ann2 = false;
  for (const auto& r : reasons["reasons"]) {
    if (r["kind"] == "error" && r["code"] == "ANN2") {
      ann2 = true;
      EXPECT_EQ(r["documents"], statements);
      EXPECT_EQ(r["title_ja"], "同月に同じ請求明細書を提出済");
    }
  }
  EXPECT_TRUE(ann2) << reasons.dump();

  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  auto summary = clerk.get("/api/results/202605/1370000001/summary");
  ASSERT_EQ(summary.status, 200) << summary.body;
  auto s = summary.json();
  EXPECT_EQ(s["claims"]["returned"]["count"], statements);
  EXPECT_EQ(s["claims"]["returned"]["decided_claim"], 0);
  EXPECT_GT(s["claims"]["returned"]["written_claim"].get<std::int64_t>(), 0);
  EXPECT_TRUE(s["payment"].is_object());
  EXPECT_EQ(s["office_name"], "さくら居宅介護支援事業所1");

  auto decisions = clerk.get("/api/decisions?office=1370000001&month=202605&outcome=returned&per_page=5");
  ASSERT_EQ(decisions.status, 200) << decisions.body;
  auto d = decisions.json();
  EXPECT_EQ(d["total"], statements);
  ASSERT_EQ(d["rows"].size(), 5u);
  EXPECT_EQ(d["rows"][0]["outcome"], "returned");
  EXPECT_EQ(d["rows"][0]["submission"], dup.json()["submission"]);
  EXPECT_EQ(d["rows"][0]["findings"][0]["code"], "ANN2");
  // A person: every decision on their 明細書, and the read is in the audit trail.
  const std::string person = d["rows"][0]["insured_no"];
  auto mine = op.get("/api/decisions?insured_no=" + person).json();
  EXPECT_EQ(mine["total"], 2);  // the 明細書 held (no 給付管理票) and its duplicate returned
  for (const auto& row : mine["rows"]) EXPECT_EQ(row["insured_no"], person);
  auto audit = op.get("/api/audit?action=view_decisions&insured_no=" + person).json();
  EXPECT_EQ(audit["total"], 1);
  // A file: the decisions on its documents.
  EXPECT_EQ(op.get("/api/decisions?submission=" + id_of(clean)).json()["total"], statements);
  EXPECT_EQ(op.get("/api/decisions?month=202605").error_code(), "KW14");

  // The 7411 shown in the page: sandboxed, framed by this server only.
  auto view = clerk.get("/api/results/202605/1370000001/7411/view");
  ASSERT_EQ(view.status, 200);
  EXPECT_NE(view.headers["Content-Security-Policy"].find("sandbox"), std::string::npos);
  EXPECT_NE(view.headers["Content-Security-Policy"].find("frame-ancestors 'self'"), std::string::npos);
  EXPECT_NE(view.body.find("ＡＮＮ２"), std::string::npos);
  auto list = clerk.get("/api/results/202605?office=1370000001").json();
  std::set<std::string> forms;
  for (const auto& n : list["notices"]) forms.insert(n["form"]);
  EXPECT_TRUE(forms.count("7411"));

  ApiClient other(w, "office2");
  ASSERT_EQ(other.login("KJ1370000002").status, 200);
  for (const std::string& path : {std::string("/api/results/202605/1370000001/summary"),
                                  std::string("/api/results/202605/1370000001/7411/view"),
                                  std::string("/api/decisions?office=1370000001"), std::string("/api/decisions?insured_no=") + person,
                                  std::string("/api/results/202605?office=1370000001")}) {
    auto r = other.get(path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(r.body.find(person), std::string::npos) << path;
  }
}

TEST(ServerWeb, TheMonthAtAGlanceCountsFilesByDayAndOfficesNotSent) {
  ServerWorld w;
  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  for (const auto& f : w.files_of("1370000001")) ASSERT_EQ(clerk.upload_file(f).status, 201);
  ApiClient office(w, "office1");
  ASSERT_EQ(office.login("KJ1370000001").status, 200);
  EXPECT_EQ(office.get("/api/months/202605/overview").status, 403);
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto o = op.get("/api/months/202605/overview?per_page=2");
  ASSERT_EQ(o.status, 200) << o.body;
  auto j = o.json();
  EXPECT_EQ(j["state"], "受付中");
  EXPECT_EQ(j["window"]["from"], "2026-05-01T00:00:00");
  EXPECT_EQ(j["window"]["to"], "2026-05-10T23:59:59");
  ASSERT_EQ(j["files_by_day"].size(), 1u);
  EXPECT_EQ(j["files_by_day"][0]["day"], "2026-05-05");
  EXPECT_EQ(j["files_by_day"][0]["state"], "受付完了");
  EXPECT_EQ(j["files_by_day"][0]["count"], w.files_of("1370000001").size());
  // Every office of the ledger but office 1, two a page, in number order.
  std::set<std::string> ledger;
  std::istringstream offices(read_file(w.month_dir() / "offices.csv"));
  std::string line;
  std::getline(offices, line);
  while (std::getline(offices, line)) ledger.insert(line.substr(0, line.find(',')));
  EXPECT_EQ(j["offices_not_sent"]["total"], ledger.size() - 1);
  ASSERT_EQ(j["offices_not_sent"]["rows"].size(), 2u);
  EXPECT_EQ(j["offices_not_sent"]["rows"][0]["office_no"], "1370000002");
  EXPECT_TRUE(j["job"].is_null());
  EXPECT_EQ(op.get("/api/months/202605/reasons").json()["claims"], nlohmann::json::object());

  ApiClient anyone(w);
  ASSERT_EQ(anyone.post_json("/api/test/clock", {{"at", "2026-05-11T01:00:00"}}).status, 200);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto reviewed = run(op, "review");
  ASSERT_TRUE(reviewed["job"]["ok"].get<bool>());
  auto after = op.get("/api/months/202605/overview").json();
  EXPECT_EQ(after["job"]["kind"], "review");
  EXPECT_EQ(after["job"]["progress"], (nlohmann::json{{"done", 1}, {"of", 1}}));
  EXPECT_EQ(after["files_by_day"][0]["state"], "送信完了");
  auto reasons = op.get("/api/months/202605/reasons").json();
  EXPECT_EQ(reasons["state"], "審査済");
  std::int64_t claims = 0;
  for (const auto& [k, v] : reasons["claims"].items()) claims += v.get<std::int64_t>();
  EXPECT_EQ(claims, 30);
  EXPECT_EQ(reasons["plans"]["registered"], 30);
}

TEST(ServerWeb, AccountsAndCertificatesByTheAdministrator) {
  ServerWorld w;
  ApiClient admin(w);
  ASSERT_EQ(admin.login("KJ0000000002").status, 200);
  auto offices = admin.get("/api/accounts?role=office").json();
  EXPECT_EQ(offices["total"], 4);
  EXPECT_EQ(admin.get("/api/accounts?q=1370000003").json()["total"], 2);  // its own and the group's
  auto added = admin.post_json("/api/accounts", {{"id", "KJ1370000004"}, {"role", "office"}, {"offices", {"1370000004"}},
                                                 {"password", "a long enough passphrase"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(admin.post_json("/api/accounts", {{"id", "XX1"}, {"role", "office"}, {"password", "a long enough passphrase"}}).error_code(),
            "KA01");
  ASSERT_EQ(admin.post_json("/api/accounts/KJ1370000004/lock", nlohmann::json::object()).status, 200);
  ApiClient newcomer(w);
  EXPECT_EQ(newcomer.login("KJ1370000004", "a long enough passphrase").error_code(), "KA22");
  auto row = admin.get("/api/accounts?q=KJ1370000004").json()["rows"][0];
  EXPECT_EQ(row["disabled"], true);
  ASSERT_EQ(admin.post_json("/api/accounts/KJ1370000004/unlock", nlohmann::json::object()).status, 200);
  EXPECT_EQ(newcomer.login("KJ1370000004", "a long enough passphrase").status, 200);
  EXPECT_EQ(admin.post_json("/api/accounts/KJ9999999999/lock", nlohmann::json::object()).status, 404);
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  EXPECT_EQ(op.get("/api/accounts").status, 200);
  EXPECT_EQ(op.post_json("/api/accounts/KJ1370000002/lock", nlohmann::json::object()).status, 403);
  EXPECT_EQ(newcomer.get("/api/accounts").status, 403);

  // Certificates: office 1 has its own, the group's and the revoked one.
  auto certs = admin.get("/api/certificates?office=1370000001").json();
  EXPECT_EQ(certs["total"], 3);
  auto issued = admin.post_json("/api/certificates", {{"office_no", "1370000005"}, {"applied_on", "20260505"},
                                                      {"passphrase", "p12 passphrase"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto i = issued.json();
  EXPECT_EQ(i["fee_yen"], 7800);
  EXPECT_EQ(i["fee_month"], "202605");
  EXPECT_EQ(i["certificate"]["state"], "valid");
  EXPECT_EQ(i["certificate"]["offices"], nlohmann::json::array({"1370000005"}));
  const std::string b64 = i["p12_base64"];
  std::string der(b64.size(), '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(der.data()), reinterpret_cast<const unsigned char*>(b64.data()),
                                static_cast<int>(b64.size()));
  ASSERT_GT(n, 100);
  EXPECT_EQ(static_cast<unsigned char>(der[0]), 0x30);  // a DER SEQUENCE: the PKCS#12
  EXPECT_EQ(admin.post_json("/api/certificates", {{"office_no", "1370000005"}, {"applied_on", "20260505"}, {"passphrase", "short"}})
                .error_code(),
            "KW18");
  const std::string serial = i["certificate"]["serial"];
  auto revoked = admin.post_json("/api/certificates/" + serial + "/revoke", {{"reason", "紛失"}});
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json()["state"], "revoked");
  EXPECT_EQ(admin.post_json("/api/certificates/" + serial + "/revoke", nlohmann::json::object()).error_code(), "KA51");
  EXPECT_EQ(op.post_json("/api/certificates", {{"office_no", "1370000005"}}).status, 403);
  auto verify = run_kaigo("audit verify --db " + w.db());
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST(ServerWeb, TheAuditTrailComesNewestFirstAPageAtATime) {
  ServerWorld w;
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto all = op.get("/api/audit?per_page=1000").json();
  const std::int64_t total = all["total"];
  ASSERT_GE(total, 3);
  auto page = op.get("/api/audit?per_page=2&page=2").json();
  EXPECT_EQ(page["total"], total);
  ASSERT_EQ(page["rows"].size(), 2u);
  EXPECT_EQ(page["rows"][0]["seq"], total - 2);
  EXPECT_EQ(page["rows"][1]["seq"], total - 3);
  auto logins = op.get("/api/audit?action=login&user=KJ0000000001").json();
  EXPECT_EQ(logins["total"], 2);
  EXPECT_EQ(op.get("/api/audit?from=yesterday").error_code(), "KW13");
}

// The audit page's filter: every action of auth::kAuditActions, with its Japanese name; the trail and
// its actions are for the 国保連's staff only.
TEST(ServerWeb, TheAuditActionsAreTheOneTableWithTheirJapaneseNames) {
  ServerWorld w;
  ApiClient op(w);
  ASSERT_EQ(op.login("KJ0000000001").status, 200);
  auto r = op.get("/api/audit/actions");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto actions = r.json()["actions"];
  ASSERT_EQ(actions.size(), 58u);
  EXPECT_EQ(actions[0], (nlohmann::json{{"code", "login"}, {"ja", "ログイン"}, {"en", "sign-in"}}));
  bool platform_view = false;
  for (const auto& a : actions) {
    if (a["code"] == "platform_view") platform_view = a["ja"] == "介護情報の閲覧";
  }
  EXPECT_TRUE(platform_view);
  ApiClient office(w, "office1");
  ASSERT_EQ(office.login("KJ1370000001").status, 200);
  for (const char* path : {"/api/audit", "/api/audit/actions"}) EXPECT_EQ(office.get(path).status, 403) << path;
}

TEST(ServerWeb, PagesNeedALoginCarryAStrictPolicyAndRefuseWhatIsNotTheUsers) {
  ServerWorld w;
  ApiClient nobody(w);
  auto redirect = nobody.get("/results");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.headers["Location"], "/login?next=/results");
  auto login = nobody.get("/login");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.headers["Content-Security-Policy"],
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "font-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  EXPECT_EQ(login.headers["X-Frame-Options"], "DENY");
  EXPECT_EQ(login.headers["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(login.headers["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(login.body.find("<script>"), std::string::npos);  // no inline script
  EXPECT_EQ(nobody.get("/").headers["Location"], "/login");

  ApiClient clerk(w, "office1");
  ASSERT_EQ(clerk.login("KJ1370000001").status, 200);
  EXPECT_EQ(clerk.get("/").headers["Location"], "/results");
  auto results = clerk.get("/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("content=\"" + clerk.csrf() + "\""), std::string::npos);
  EXPECT_NE(results.body.find("<a href=\"/send\">"), std::string::npos);
  EXPECT_EQ(results.body.find("<a href=\"/month\">"), std::string::npos);  // not in an office's menu
  EXPECT_EQ(results.headers["Cache-Control"], "no-store");
  EXPECT_EQ(clerk.get("/month").status, 403);
  auto mine = clerk.upload_file(w.files_of("1370000001")[0]);
  EXPECT_EQ(clerk.get("/submissions/" + id_of(mine)).status, 200);
  ApiClient other(w, "office2");
  ASSERT_EQ(other.login("KJ1370000002").status, 200);
  auto refused = other.get("/submissions/" + id_of(mine));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body.find("KK260501"), std::string::npos);
  EXPECT_EQ(other.get("/submissions/999999").status, 403);
  EXPECT_EQ(other.get("/notices?office=1370000001").status, 403);
  auto notices_page = other.get("/notices?office=1370000002");
  EXPECT_EQ(notices_page.status, 200);
  // The office choice is a part the page shares with /mypage ({{part:office_choice}}), in its place.
  EXPECT_NE(notices_page.body.find("<label id=\"office-select-box\" hidden>事業所"), std::string::npos);
  EXPECT_NE(notices_page.body.find("<input id=\"office-input\" inputmode=\"numeric\""), std::string::npos);
  EXPECT_EQ(notices_page.body.find("{{part:"), std::string::npos);

  auto js = nobody.get("/static/js/common.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.headers["Content-Type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(js.headers["Cache-Control"], "no-cache");
  auto again = nobody.send("GET", "/static/js/common.js", {{"If-None-Match", js.headers["ETag"]}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(nobody.get("/static/kaigo.css").headers["Content-Type"], "text/css; charset=utf-8");
  EXPECT_EQ(nobody.get("/static/js/nothing.js").status, 404);
  EXPECT_EQ(nobody.get("/static/../pages.tsv").status, 404);
}

}  // namespace
}  // namespace kaigo::testing
