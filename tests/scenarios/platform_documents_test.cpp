// The doctors' documents of seed 004 §4: a 主治医意見書 sent by a clinic in Tokyo for an insurer in
// Osaka (依頼元保険者番号, §8 主治医意見書 No.3) with its 請求書, turned into that insurer's CSV
// (No.2); the 認定審査会資料 as one PDF behind a link for the committee's accounts (§8 参照可能な情報
// No.5, システム操作 No.7); the 居宅サービス計画作成依頼届出 filed and withdrawn on the person's
// behalf; and care plans fed through the seam the care-plan hub will use.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "kaigo/platform/careplan_feed.hpp"
#include "support/platform_world.hpp"
#include "unit/report/report_support.hpp"

namespace kaigo::testing {
namespace {

using platform::ViewKind;

const master::PersonId kOsaka{"272000", "0000012345"};

nlohmann::json opinion_json() {
  return nlohmann::json::parse(R"({
    "insurer_no": "272000", "insured_no": "0000012345",
    "applied_on": "20260701", "requested_on": "20260704", "written_on": "20260708",
    "doctor_name": "医師 花子", "diagnosis": "脳梗塞後遺症",
    "applicant": {"name": "訪問 三郎", "kana": "ホウモン サブロウ", "birth_date": "19751215", "sex": "1"},
    "sections": {"disease": "右片麻痺", "notes": "通院は家族の付き添いが必要"},
    "invoice": {"opinion_fee": 5000, "first_visit_points": 288}
  })");
}

TEST(PlatformOpinion, AClinicInTokyoSendsAnOpinionForAnOsakaInsurerAndItsInvoiceBecomesTheCsv) {
  PlatformWorld w;
  w.golive("272000", "20260601");
  auto& p = w.platform();
  const auto& doctor = w.user("KJ0000000601");
  const auth::Caller at{doctor.id, "test", jst("2026-07-10T15:00:00")};
  // Without a request to the clinic the opinion is refused.
  auto early = p.submit_opinion(doctor, at, opinion_json());
  EXPECT_FALSE(early.ok);
  EXPECT_EQ(early.rule, "no-request");
  auto req = p.record_request(operator_at("2026-07-04T09:00:00"), &w.user("KJ0000000202"), kOsaka,
                              {PlatformWorld::kClinic, *Date::parse("20260701"), *Date::parse("20260704")});
  ASSERT_TRUE(req.ok) << req.rule;
  auto sent = p.submit_opinion(doctor, at, opinion_json());
  ASSERT_TRUE(sent.ok) << sent.rule << " " << sent.detail.dump();
  EXPECT_EQ(sent.rule, "opinion-received");
  const auto record_id = sent.detail["record_id"].get<std::string>();
  // The clerk of the clinic may not send it; a malformed one is refused item by item.
  EXPECT_EQ(p.submit_opinion(w.user("KJ0000000602"), at, opinion_json()).rule, "opinion-not-doctor");
  auto bad = opinion_json();
  bad["written_on"] = "20260702";
  bad["invoice"]["opinion_fee"] = 123456789;
  auto refused = p.submit_opinion(doctor, at, bad);
  EXPECT_EQ(refused.rule, "bad-input");
  ASSERT_EQ(refused.detail["errors"].size(), 2u);
  EXPECT_EQ(refused.detail["errors"][0]["field"], "written_on");
  EXPECT_EQ(refused.detail["errors"][1]["field"], "opinion_fee");
  EXPECT_EQ(refused.detail["errors"][1]["message_ja"], "意見書作成料は半角数字8桁までです");
  // The insurer in Osaka has it; the opinion is its record (seen by the Osaka municipality).
  auto csv = p.invoices_csv(&w.user("KJ0000000202"), operator_at("2026-07-31T09:00:00"), "272000", *Date::parse("20260701"),
                            *Date::parse("20260731"));
  ASSERT_TRUE(csv);
  EXPECT_EQ(*csv, fmt::format("insurer_no,insured_no,requested_on,registered_on,institution_code,doctor_name,opinion_fee,"
                              "first_visit_points,opinion_id\n272000,0000012345,20260704,20260710,1310000001,医師 花子,5000,288,{}\n",
                              record_id));
  auto tokyo = p.invoices_csv(nullptr, operator_at("2026-07-31T09:00:00"), "131013", *Date::parse("20260701"), *Date::parse("20260731"));
  EXPECT_EQ(std::count(tokyo->begin(), tokyo->end(), '\n'), 1);
  platform::Outcome why;
  EXPECT_FALSE(p.invoices_csv(&w.user("KJ0000000201"), operator_at("2026-07-31T09:00:00"), "272000", *Date::parse("20260701"),
                              *Date::parse("20260731"), &why));
  EXPECT_EQ(why.rule, "not-the-municipality");
  auto view = w.view("KJ0000000202", kOsaka, ViewKind::Opinion, "2026-07-11T09:00:00");
  ASSERT_EQ(view.records.size(), 1u);
  EXPECT_EQ(view.records[0].source, "doctor:KJ0000000601");
  auto data = nlohmann::json::parse(view.records[0].data);
  EXPECT_EQ(data["institution_code"], "1310000001");
  EXPECT_EQ(data["sections"]["disease"], "右片麻痺");
  // The invoice list is a read of the person's information: it is in their log.
  EXPECT_EQ(w.audit_count(enum_code(auth::AuditAction::PlatformInvoiceRead), kOsaka), 1);
}

TEST(PlatformPacket, TheCommitteePapersAreOnePdfBehindALinkForTheirMembers) {
  PlatformWorld w;
  w.golive("131013", "20260601");
  ASSERT_EQ(w.load(linkage_file(full_person(kPerson, "20261001")), "2026-10-01T18:00:00").status, platform::FileStatus::Done);
  auto& p = w.platform();
  const auth::User outsider = w.add_user("KJ0000000204", auth::Role::Municipality, auth::Job::None, "131013");
  const std::vector<auth::User> members{w.user("KJ0000000203")};
  const auth::Caller at{"KJ0000000201", "test", jst("2026-10-20T09:00:00")};
  EXPECT_EQ(p.send_packet(w.user("KJ0000000201"), at, kPerson, *Date::parse("20260901"), members).rule, "packet-no-records");
  const std::vector<auth::User> wrong{w.user("KJ0000000202")};
  EXPECT_EQ(p.send_packet(w.user("KJ0000000201"), at, kPerson, *Date::parse("20261001"), wrong).rule, "packet-bad-member");
  auto sent = p.send_packet(w.user("KJ0000000201"), at, kPerson, *Date::parse("20261001"), members);
  ASSERT_TRUE(sent.ok) << sent.rule;
  const auto id = sent.detail["packet"].get<std::int64_t>();
  EXPECT_EQ(sent.detail["link"], fmt::format("/api/platform/packets/{}", id));
  EXPECT_EQ(sent.detail["pages"], 1);
  platform::Outcome why;
  EXPECT_FALSE(p.fetch_packet(outsider, {outsider.id, "test", jst("2026-10-21T09:00:00")}, id, &why));
  EXPECT_EQ(why.rule, "packet-not-member");
  auto pdf = p.fetch_packet(w.user("KJ0000000203"), {"KJ0000000203", "test", jst("2026-10-21T09:00:00")}, id);
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_EQ(w.audit_count(enum_code(auth::AuditAction::PlatformPacket), kPerson), 1);
  EXPECT_EQ(w.audit_count(enum_code(auth::AuditAction::PlatformPacketFetch), kPerson), 1);
  if (!report::testing::have_poppler()) GTEST_SKIP() << "pdftotext がありません / poppler-utils not installed";
  TempDir tmp;
  write_file(tmp / "p.pdf", *pdf);
  auto text = report::testing::run("pdftotext -enc UTF-8 " + (tmp / "p.pdf").string() + " -");
  EXPECT_EQ(text.exit_code, 0);
  for (const char* s : {"介護認定審査会資料", "被保険者番号: 9000000001", "氏名カナ: ヤマダ タロウ", "認定調査票（S1", "歩行に見守りが必要",
                        "主治医意見書（O1", "脳梗塞後遺症", "要介護認定審査進捗状況（G1", "申請受理"}) {
    EXPECT_NE(text.out.find(s), std::string::npos) << s << "\n" << text.out;
  }
}

TEST(PlatformNotification, ACareManagementOfficeFilesAndWithdrawsTheNoticeOnThePersonsBehalf) {
  PlatformWorld w;
  w.golive("131013", "20260601");
  ASSERT_EQ(w.load(linkage_file(full_person(kPerson, "20260701"))).status, platform::FileStatus::Done);
  auto& p = w.platform();
  auto notify = [&](const char* user, bool withdraw, const char* at) {
    const auto& u = w.user(user);
    return p.notify(u, {u.id, "test", jst(at)}, kPerson, {"1", Date{2026, 7, 10}, withdraw});
  };
  EXPECT_EQ(notify("KJ0000000301", false, "2026-07-10T10:00:00").rule, "no-identification");
  ASSERT_TRUE(w.identify("KJ0000000301", kPerson, "2026-07-10T09:00:00").ok);
  ASSERT_TRUE(w.identify("KJ0000000502", kPerson, "2026-07-10T09:00:00").ok);
  EXPECT_EQ(notify("KJ0000000502", false, "2026-07-10T10:00:00").rule, "not-a-support-office");
  auto filed = notify("KJ0000000301", false, "2026-07-10T10:00:00");
  ASSERT_TRUE(filed.ok) << filed.rule;
  EXPECT_EQ(filed.rule, "notification-filed");
  auto card = w.view("KJ0000000201", kPerson, ViewKind::Card, "2026-07-11T09:00:00");
  auto find = [](const platform::ViewResult& v) -> std::string {
    for (const auto& r : v.records) {
      if (r.kind == "notification") return r.data + " v" + std::to_string(r.version);
    }
    return "";
  };
  EXPECT_EQ(find(card), R"({"action":"1","office_no":"1370000001","plan":"1"} v1)");
  auto withdrawn = notify("KJ0000000301", true, "2026-07-20T10:00:00");
  ASSERT_TRUE(withdrawn.ok);
  EXPECT_EQ(find(w.view("KJ0000000201", kPerson, ViewKind::Card, "2026-07-21T09:00:00")),
            R"({"action":"2","office_no":"1370000001","plan":"1"} v2)");
  EXPECT_EQ(notify("KJ0000000301", true, "2026-07-21T10:00:00").rule, "notification-not-filed");
}

TEST(PlatformCarePlanFeed, ThePlansTheHubWillSendBecomeRecordsLikeTheLinkagesOnes) {
  PlatformWorld w;
  w.golive("131013", "20260601");
  platform::RecordsCarePlanFeed feed(w.repo(), w.auth());
  platform::CarePlanTable t{kPerson, "HUB-1", platform::UpdateKind::New, "1", "6", "1370000001", Date{2026, 6, 25}, YearMonth{2026, 7},
                            "7月の訪問介護 週3回"};
  const auth::Caller hub{"careplan-hub", "test", jst("2026-06-25T10:00:00")};
  EXPECT_EQ(feed.put(t, hub), platform::PutOutcome::Inserted);
  EXPECT_EQ(feed.put(t, hub), platform::PutOutcome::Unchanged);
  auto v = w.view("KJ0000000201", kPerson, ViewKind::CarePlan, "2026-07-01T09:00:00");
  ASSERT_EQ(v.records.size(), 1u);
  EXPECT_EQ(v.records[0].data,
            R"({"content":"7月の訪問介護 週3回","office_no":"1370000001","plan_kind":"1","service_month":"202607","table":"6"})");
  EXPECT_EQ(v.records[0].source, "careplan_hub:careplan-hub");
}

}  // namespace
}  // namespace kaigo::testing
