// The platform's routes over the real server (loopback TLS, the office's certificate): every role
// reads through its route — an office's care manager, a clinic's doctor, the person, the
// municipality, a committee member — and every read is then in the audit chain and in the
// person's own list (GET /api/platform/reads, and kaigo platform audit); a refusal is 403 with
// the rule it applied.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

constexpr const char* kPersonPath = "/api/platform/people/131013/9000000001";

std::string linkage() {
  return "update_kind,insurer_no,insured_no,kind,record_id,effective_on\n"
         "1,131013,9000000001,person,P,20250401,ヤマダ タロウ,山田 太郎,19400101,1,123456789018,1,0\n"
         "1,131013,9000000001,certificate,C1,20250415,22,20250501,20270430,1370000001\n"
         "1,131013,9000000001,application,A1,20260501,2,1,1,\n"
         "1,131013,9000000001,survey,S1,20260501,20260501,調査 一郎,1,歩行に見守りが必要\n"
         "1,131013,9000000001,opinion,O1,20260503,20260501,20260501,1310000001,医師 花子,脳梗塞後遺症,\n"
         "1,131013,9000000001,housing,H1,20240910,1,40000,101000,0\n"
         "1,131013,9000000001,housing,H2,20240625,2,17000,100000,0\n";
}

TEST(PlatformRoutes, EveryRoleReadsThroughItsRouteAndEveryReadIsInTheLog) {
  ServerWorld w;
  const auto db = w.db();
  const auto pw = " < " + (w.dir() / "pw").string();
  for (const std::string add : {"--id KJ1310130001 --role municipality --insurer 131013",
                                "--id KJ1310130002 --role municipality --insurer 131013",
                                "--id KJ2000000001 --role insured --insurer 131013 --insured 9000000001",
                                "--id KJ1370000011 --role office --office 1370000001 --job care_manager",
                                "--id KJ1310000001 --role medical --medical 1310000001 --job doctor"}) {
    must(run_kaigo("user add --db " + db + " " + add + pw));
  }
  write_file(w.dir() / "golive.csv", "insurer_no,golive_on\n131013,20260401\n");
  must(run_kaigo("platform golive --db " + db + " " + (w.dir() / "golive.csv").string()));

  ApiClient city(w);
  ASSERT_EQ(city.login("KJ1310130001").status, 200);
  auto loaded = city.post_bytes("/api/platform/linkage", "daily.csv", linkage(), "text/csv");
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_EQ(loaded.json()["status"], "処理完了");
  EXPECT_EQ(loaded.json()["inserted"], 7);
  auto refused_file = city.post_bytes("/api/platform/linkage", "bad.csv", "kind\n", "text/csv");
  EXPECT_EQ(refused_file.status, 422);
  EXPECT_EQ(refused_file.json()["error"]["answer"]["status"], "処理不能");
  auto req = city.post_json(std::string(kPersonPath) + "/requests", {{"institution", "1310000001"}, {"applied_on", "20260501"}});
  ASSERT_EQ(req.status, 201) << req.body;

  // The care manager verifies the person and reads the survey (certificate office1 speaks for 1370000001).
  ApiClient office(w, "office1");
  ASSERT_EQ(office.login("KJ1370000011").status, 200);
  auto before = office.get(std::string(kPersonPath) + "/survey");
  EXPECT_EQ(before.status, 403);
  EXPECT_EQ(before.json()["error"]["rule"], "no-identification");
  EXPECT_EQ(before.json()["error"]["allowed"], false);
  auto id = office.post_json(std::string(kPersonPath) + "/identify", {{"method", "four_items"}, {"birth_date", "19400101"},
                                                                      {"name_kana", "ヤマダ タロウ"}});
  ASSERT_EQ(id.status, 200) << id.body;
  auto survey = office.get(std::string(kPersonPath) + "/survey");
  ASSERT_EQ(survey.status, 200) << survey.body;
  EXPECT_EQ(survey.json()["records"][0]["record_id"], "S1");
  // Without the certificate the same account reads nothing.
  ApiClient bare(w);
  ASSERT_EQ(bare.login("KJ1370000011").status, 200);
  EXPECT_EQ(bare.get(std::string(kPersonPath) + "/survey").status, 403);

  ApiClient doctor(w);
  ASSERT_EQ(doctor.login("KJ1310000001").status, 200);
  auto opinion = doctor.get(std::string(kPersonPath) + "/opinion");
  ASSERT_EQ(opinion.status, 200) << opinion.body;
  EXPECT_EQ(opinion.json()["note"], "※3");
  auto sent = doctor.post_json("/api/platform/opinions",
                               {{"insurer_no", "131013"}, {"insured_no", "9000000001"}, {"applied_on", "20260501"},
                                {"requested_on", "20260501"}, {"written_on", "20260505"}, {"doctor_name", "医師 花子"},
                                {"diagnosis", "脳梗塞後遺症"},
                                {"applicant", {{"name", "山田 太郎"}, {"kana", "ヤマダ タロウ"}, {"birth_date", "19400101"}, {"sex", "1"}}},
                                {"invoice", {{"opinion_fee", 4000}, {"first_visit_points", 291}}}});
  ASSERT_EQ(sent.status, 201) << sent.body;

  ApiClient person(w);
  ASSERT_EQ(person.login("KJ2000000001").status, 200);
  auto card = person.get(std::string(kPersonPath) + "/card");
  ASSERT_EQ(card.status, 200);
  EXPECT_EQ(card.json()["records"].size(), 2u);
  auto blank = person.get(std::string(kPersonPath) + "/survey");
  EXPECT_EQ(blank.status, 403);
  EXPECT_EQ(blank.json()["error"]["rule"], "blank-cell");
  EXPECT_EQ(person.get("/api/platform/people/131013/9000000002/card").json()["error"]["rule"], "not-the-person");

  auto housing = city.get(std::string(kPersonPath) + "/housing");
  ASSERT_EQ(housing.status, 200);
  EXPECT_EQ(housing.json()["summary"]["housing"]["remaining"], 143000);
  auto csv = city.get("/api/platform/invoices?from=20260501&to=20260531");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body, fmt::format("insurer_no,insured_no,requested_on,registered_on,institution_code,doctor_name,opinion_fee,"
                                  "first_visit_points,opinion_id\n131013,9000000001,20260501,20260505,1310000001,医師 花子,4000,291,{}\n",
                                  sent.json()["detail"]["record_id"].get<std::string>()));
  auto packet = city.post_json("/api/platform/packets", {{"insurer_no", "131013"}, {"insured_no", "9000000001"},
                                                         {"applied_on", "20260501"}, {"members", {"KJ1310130002"}}});
  ASSERT_EQ(packet.status, 201) << packet.body;
  const auto link = packet.json()["detail"]["link"].get<std::string>();
  ApiClient member(w);
  ASSERT_EQ(member.login("KJ1310130002").status, 200);
  auto pdf = member.get(link);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(member.get("/api/platform/packets/999").status, 404);
  EXPECT_EQ(person.get(link).status, 403);  // not a role of the route

  // The person's list: every read above about them, in order, with who and under which rule.
  auto reads = person.get("/api/platform/reads");
  ASSERT_EQ(reads.status, 200) << reads.body;
  const auto list = reads.json();
  std::vector<std::string> seen;
  for (const auto& r : list["reads"]) {
    seen.push_back(fmt::format("{} {} {} {}", r["actor"].get<std::string>(), r["action"].get<std::string>(),
                               r.value("kind", ""), r.value("rule", "")));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "KJ1370000011 platform_view_refused survey no-identification",
                      "KJ1370000011 platform_view survey cell",
                      "KJ1310000001 platform_view opinion cell",
                      "KJ2000000001 platform_view card cell",
                      "KJ2000000001 platform_view_refused survey blank-cell",
                      "KJ1310130001 platform_view housing cell",
                      "KJ1310130001 platform_invoice_read invoice invoices-listed",
                      "KJ1310130001 platform_packet committee cell",
                      "KJ1310130002 platform_packet_fetch committee cell",
                  }));
  // The same from the command line, and the chain is whole.
  auto cli = run_kaigo("platform audit --db " + db + " --insurer 131013 --insured 9000000001 --format json");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(nlohmann::json::parse(cli.out).size(), seen.size());
  EXPECT_EQ(run_kaigo("audit verify --db " + db).exit_code, 0);
  // The changes are audited too: the linkage files, the request, the identity check, the opinion.
  auto changes = run_kaigo("audit list --db " + db + " --insurer 131013 --insured 9000000001 --format json");
  std::vector<std::string> actions;
  for (const auto& r : nlohmann::json::parse(changes.out)) {
    auto a = r["action"].get<std::string>();
    if (a == "platform_request" || a == "platform_identify" || a == "platform_opinion" || a == "platform_read_log") actions.push_back(a);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"platform_request", "platform_identify", "platform_opinion", "platform_read_log"}));
  auto loads = run_kaigo("audit list --db " + db + " --action platform_load --format json");
  EXPECT_EQ(nlohmann::json::parse(loads.out).size(), 2u);
}

}  // namespace
}  // namespace kaigo::testing
