// What the care-plan hub's pages read from the server (docs/web.md, docs/careplan.md): the inbox and
// outbox 50 a page (page, per_page, total, newest first) and only the user's own; a set refused for
// its files' contents (CH15) answers with each file's check rows — file, line, item, value, code and
// message — which the send page lists; every state change of the hub needs the CSRF token.
#include <gtest/gtest.h>

#include "kaigo/careplan/file_name.hpp"
#include "support/base64.hpp"
#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

// The generated 予定 of the care manager 1370000001 to 1370000002 or 1370000003 (B), with B's
// certificate; C is the other one.
struct Route {
  std::filesystem::path file;
  std::string b, b_cert, c, c_cert;
};

Route route_of(const ServerWorld& w) {
  for (const auto& e : std::filesystem::directory_iterator(w.month_dir() / "careplan" / "1370000001")) {
    auto n = careplan::parse_file_name(e.path().filename().string()).name;
    if (!n || n->kind->prefix != "UPPLAN") continue;
    if (n->receiver.office_no == "1370000002") return {e.path(), "1370000002", "office2", "1370000003", "office3"};
    if (n->receiver.office_no == "1370000003") return {e.path(), "1370000003", "office3", "1370000002", "office2"};
  }
  throw std::logic_error("no 予定 from 1370000001 to 1370000002 or 1370000003");
}

nlohmann::json set_of(const std::string& name, const std::string& bytes, const std::string& message) {
  return {{"files", nlohmann::json::array({{{"name", name}, {"content_base64", base64(bytes)}}})}, {"message", message}};
}

void license(ServerWorld& w, std::initializer_list<std::string> offices) {
  ApiClient staff(w);
  ASSERT_EQ(staff.login("KJ0000000001").status, 200);
  for (const auto& o : offices) {
    ASSERT_EQ(staff.post_json("/api/careplan/licences", {{"office", o}, {"applied_on", "20260401"}}).status, 201);
  }
}

std::vector<int> ids_of(const nlohmann::json& page) {
  std::vector<int> ids;
  for (const auto& s : page["sets"]) ids.push_back(s["id"].get<int>());
  return ids;
}

TEST(CarePlanPagesRoutes, MailboxesComeAPageAtATimeNewestFirstAndOnlyTheUsersOwn) {
  ServerWorld w;
  const auto r = route_of(w);
  license(w, {"1370000001", r.b});
  ApiClient a(w, "office1"), b(w, r.b_cert), c(w, r.c_cert);
  ASSERT_EQ(a.login("KJ1370000001").status, 200);
  ASSERT_EQ(b.login("KJ" + r.b).status, 200);
  ASSERT_EQ(c.login("KJ" + r.c).status, 200);
  std::vector<int> sent;
  for (int i = 1; i <= 3; ++i) {
    auto s = a.post_json("/api/careplan/sets", set_of(r.file.filename().string(), read_file(r.file), "第" + std::to_string(i) + "便"));
    ASSERT_EQ(s.status, 201) << s.body;
    sent.push_back(s.json()["id"].get<int>());
  }

  auto first = b.get("/api/careplan/inbox");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["total"], 3);
  EXPECT_EQ(first.json()["page"], 1);
  EXPECT_EQ(first.json()["per_page"], 50);
  EXPECT_EQ(ids_of(first.json()), (std::vector<int>{sent[2], sent[1], sent[0]}));
  EXPECT_EQ(first.json()["sets"][0]["message"], "第3便");
  EXPECT_EQ(first.json()["sets"][0]["office"], r.b);
  EXPECT_EQ(first.json()["sets"][0]["received"], false);

  auto second = b.get("/api/careplan/inbox?page=2&per_page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.json()["total"], 3);
  EXPECT_EQ(second.json()["page"], 2);
  EXPECT_EQ(second.json()["per_page"], 2);
  EXPECT_EQ(ids_of(second.json()), std::vector<int>{sent[0]});
  EXPECT_EQ(ids_of(b.get("/api/careplan/inbox?page=9").json()), std::vector<int>{});
  EXPECT_EQ(b.get("/api/careplan/inbox?per_page=1000").json()["per_page"], 200);
  EXPECT_EQ(b.get("/api/careplan/inbox?per_page=0&page=-3").json()["per_page"], 1);

  auto out = a.get("/api/careplan/outbox?per_page=1");
  ASSERT_EQ(out.status, 200);
  EXPECT_EQ(out.json()["total"], 3);
  EXPECT_EQ(ids_of(out.json()), std::vector<int>{sent[2]});
  EXPECT_EQ(out.json()["sets"][0]["receipts"], nlohmann::json::parse(R"([{"office":")" + r.b +
                                                                    R"(","received":false,"received_at":null,"received_by":""}])"));

  // Another office: nothing in its boxes, 403 for the set as for one that does not exist.
  EXPECT_EQ(c.get("/api/careplan/inbox").json(), nlohmann::json::parse(R"({"total":0,"page":1,"per_page":50,"sets":[]})"));
  EXPECT_EQ(c.get("/api/careplan/outbox").json()["total"], 0);
  auto theirs = c.post_json("/api/careplan/sets/" + std::to_string(sent[0]) + "/receive", nlohmann::json::object());
  auto none = c.post_json("/api/careplan/sets/99999/receive", nlohmann::json::object());
  EXPECT_EQ(theirs.status, 403);
  EXPECT_EQ(theirs.body, none.body);
  // The receiver's boxes are not the sender's: B has sent nothing, A received nothing.
  EXPECT_EQ(b.get("/api/careplan/outbox").json()["total"], 0);
  EXPECT_EQ(a.get("/api/careplan/inbox").json()["total"], 0);
}

TEST(CarePlanPagesRoutes, ASetRefusedForItsContentsAnswersWithTheRowsAndStateChangesNeedTheCsrfToken) {
  ServerWorld w;
  const auto r = route_of(w);
  license(w, {"1370000001", r.b});
  ApiClient a(w, "office1"), b(w, r.b_cert);
  ASSERT_EQ(a.login("KJ1370000001").status, 200);
  ASSERT_EQ(b.login("KJ" + r.b).status, 200);

  // The first service day moved into the next month: CP50 on line 1, item 10.
  auto bytes = read_file(r.file);
  const auto at = bytes.find(",20260401,");
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 10, ",20260501,");
  const auto first_line = bytes.substr(0, bytes.find('\n'));
  const auto insured = first_line.substr(14, 10);  // 202407,131013,<被保険者番号>
  const auto name = r.file.filename().string();
  auto refused = a.post_json("/api/careplan/sets", set_of(name, bytes, ""));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.error_code(), "CH15");
  const auto checks = refused.json()["error"]["checks"];
  ASSERT_EQ(checks.size(), 1u) << refused.body;
  EXPECT_EQ(checks[0]["file"], name);
  EXPECT_EQ(checks[0]["error_count"], 1);
  EXPECT_EQ(checks[0]["warning_count"], 0);
  EXPECT_EQ(checks[0]["rows"], nlohmann::json::array({{{"severity", "error"},
                                                        {"code", "CP50"},
                                                        {"file", name},
                                                        {"line", 1},
                                                        {"item_no", 10},
                                                        {"item_name", "サービス利用日"},
                                                        {"value", "20260501"},
                                                        {"insurer_no", "131013"},
                                                        {"insured_no", insured},
                                                        {"month", "202604"},
                                                        {"message_ja", "サービス利用日が対象年月の外（対象年月は 202604）"},
                                                        {"message_en", "service date outside the service month: the service month is 202604"}}}));
  // A refusal that is not about the contents carries no rows: a receiver not in the 事業所台帳 with
  // that service type (CH20).
  auto wrong = careplan::parse_file_name(name).name.value();
  wrong.receiver.service_type = "15";
  const auto wrong_name = wrong.str();
  auto unregistered = a.post_json("/api/careplan/sets", set_of(wrong_name, read_file(r.file), ""));
  EXPECT_EQ(unregistered.status, 422) << unregistered.body;
  EXPECT_EQ(unregistered.error_code(), "CH20");
  EXPECT_EQ(unregistered.json()["error"]["message_ja"],
            wrong_name + ": 送信先 " + r.b + "（サービス種類 15）は 202604 の事業所台帳に登録されていません");
  EXPECT_EQ(unregistered.json()["error"]["checks"], nlohmann::json::array());
  EXPECT_EQ(b.get("/api/careplan/inbox").json()["total"], 0);

  // Without the session's CSRF token no state changes: send, keep, send a draft, receive.
  auto draft = a.post_json("/api/careplan/sets", {{"files", set_of(name, read_file(r.file), "")["files"]}, {"draft", true}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  const auto id = std::to_string(draft.json()["id"].get<int>());
  const auto token = a.csrf();
  a.set_csrf("not-the-token");
  b.set_csrf("not-the-token");
  const std::vector<ApiResponse> without_token{
      a.post_json("/api/careplan/sets", set_of(name, read_file(r.file), "")),
      a.post_json("/api/careplan/drafts/" + id + "/send", nlohmann::json::object()),
      b.post_json("/api/careplan/sets/" + id + "/receive", nlohmann::json::object())};
  for (const auto& res : without_token) {
    EXPECT_EQ(res.status, 403) << res.body;
    EXPECT_EQ(res.error_code(), "KW02");
  }
  EXPECT_EQ(a.get("/api/careplan/outbox").json()["sets"][0]["state"], "draft");
  EXPECT_EQ(b.get("/api/careplan/inbox").json()["total"], 0);
  a.set_csrf(token);
  EXPECT_EQ(a.post_json("/api/careplan/drafts/" + id + "/send", nlohmann::json::object()).status, 200);
  EXPECT_EQ(b.get("/api/careplan/inbox").json()["total"], 1);
}

}  // namespace
}  // namespace kaigo::testing
