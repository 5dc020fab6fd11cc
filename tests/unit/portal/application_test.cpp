// 助成金 applications over the real store: the windows (令和7年度 from 2025-10-17 to 2026-03-13; an
// application after that refused for 令和7年度 and counted under 令和8年度 only for work done from
// 2026-04-01), the decision the next month and the payment the month after (the 3/1–3/13
// exception), one live application per applicant, who may apply, decide, pay, withdraw and see,
// every state visible to the applicant with who and when, and the audit rows.
#include <gtest/gtest.h>

#include "kaigo/auth/audit.hpp"
#include "support/portal_support.hpp"

namespace kaigo::testing {
namespace {

using portal::State;

std::vector<portal::ReceiptLine> readers_and_setup() {
  return {receipt(1, "20251015", "カードリーダー2台分", 15400), receipt(2, "20251015", "設定費用", 22000)};
}

std::string first_code(const auth::Refusals& r) { return r.empty() ? std::string() : r.front().code; }

TEST(PortalApplication, TheWindowOfReiwa7IsFrom17OctoberTo13March) {
  PortalWorld w;
  auto early = w.apply_office("1370000001", "2025-10-16T17:00:00", readers_and_setup());
  EXPECT_EQ(first_code(early.refusals), "KH02");
  EXPECT_EQ(early.refusals[0].message_ja,
            "令和7年10月16日 は助成金の申請受付期間外です（令和7年度: 令和7年10月17日〜令和8年3月13日、令和8年度: "
            "令和8年4月1日〜令和9年3月31日）");
  auto first_day = w.apply_office("1370000001", "2025-10-17T09:00:00", readers_and_setup());
  ASSERT_TRUE(first_day.refusals.empty()) << first_day.refusals[0].to_string();
  EXPECT_EQ(first_day.application->scheme, "R7-office");
  EXPECT_EQ(first_day.application->decision_month, (YearMonth{2025, 11}));
  EXPECT_EQ(first_day.application->payment_month, (YearMonth{2025, 12}));
  EXPECT_EQ(first_day.preview->amount, Yen{37400});
  auto last_day = w.apply_office("1370000002", "2026-03-13T23:59:59", readers_and_setup());
  ASSERT_TRUE(last_day.refusals.empty());
  // 3/1–3/13: the result by the end of March, the payment by the end of April (seed 003 4-1 ※).
  EXPECT_EQ(last_day.application->decision_month, (YearMonth{2026, 3}));
  EXPECT_EQ(last_day.application->payment_month, (YearMonth{2026, 4}));
}

TEST(PortalApplication, AfterThe13thOfMarchReiwa7RefusesAndReiwa8CountsOnlyAprilWork) {
  PortalWorld w;
  std::vector<portal::ReceiptLine> lines{receipt(1, "20260310", "カードリーダー1台", 20000),
                                         receipt(2, "20260403", "カードリーダー1台", 21000)};
  auto r7 = w.apply_office("1370000001", "2026-03-16T10:00:00", lines, {}, "R7-office");
  ASSERT_EQ(first_code(r7.refusals), "KH01");
  EXPECT_EQ(r7.refusals[0].message_ja,
            "令和7年度の申請受付は令和7年10月17日から令和8年3月13日までです（申請日 令和8年3月16日）");
  EXPECT_EQ(first_code(w.apply_office("1370000001", "2026-03-16T10:00:00", {lines[0]}).refusals), "KH02");
  auto r8 = w.apply_office("1370000001", "2026-04-10T10:00:00", lines);
  ASSERT_TRUE(r8.refusals.empty()) << r8.refusals[0].to_string();
  EXPECT_EQ(r8.application->scheme, "R8-office");
  EXPECT_EQ(r8.preview->amount, Yen{21000});
  ASSERT_EQ(r8.preview->findings.size(), 1u);
  EXPECT_EQ(r8.preview->findings[0].code, "KH20");
  auto decided = w.decide(r8.application->id, "2026-05-01T09:00:00");
  ASSERT_TRUE(decided.refusals.empty());
  EXPECT_EQ(decided.application->state, State::Decided);
  EXPECT_EQ(decided.application->decision->amount, Yen{21000});
  // Applying for 令和7年度 on 13 March, after the work and before the deadline, is counted whole.
  auto in_time = w.apply_office("1370000002", "2026-03-13T10:00:00", {lines[0]}, {}, "R7-office");
  ASSERT_TRUE(in_time.refusals.empty());
  EXPECT_EQ(in_time.preview->amount, Yen{20000});
}

TEST(PortalApplication, DecidedTheNextMonthAndPaidTheMonthAfter) {
  PortalWorld w;
  auto a = w.apply_office("1370000001", "2025-11-05T10:00:00", readers_and_setup());
  ASSERT_TRUE(a.refusals.empty());
  const auto id = a.application->id;
  auto early = w.decide(id, "2025-11-30T23:59:59");
  EXPECT_EQ(first_code(early.refusals), "KH42");
  EXPECT_EQ(early.refusals[0].message_ja, "申請番号 1 の審査は令和7年12月からです");
  auto by_office = portal::decide(*w.store, id, std::nullopt, w.user("KJ1370000001"),
                                  w.caller("KJ1370000001", "2025-12-01T09:00:00"));
  EXPECT_EQ(first_code(by_office.refusals), "KH44");
  auto decided = w.decide(id, "2025-12-01T09:00:00");
  ASSERT_TRUE(decided.refusals.empty());
  EXPECT_EQ(decided.application->state, State::Decided);
  EXPECT_EQ(decided.application->decision->amount, Yen{37400});
  EXPECT_EQ(first_code(w.decide(id, "2025-12-02T09:00:00").refusals), "KH41");
  EXPECT_EQ(first_code(w.pay(id, "2025-12-31T23:59:59").refusals), "KH43");
  auto paid = w.pay(id, "2026-01-15T09:00:00");
  ASSERT_TRUE(paid.refusals.empty());
  EXPECT_EQ(paid.application->state, State::Paid);
  EXPECT_EQ(paid.application->payment->paid_on, (Date{2026, 1, 15}));
  EXPECT_EQ(paid.application->payment->amount, Yen{37400});

  // The applicant sees every state with who and when; the decision's steps are kept.
  auto seen = portal::visible_application(*w.store, id, w.user("KJ1370000001"));
  ASSERT_TRUE(seen.refusals.empty());
  const auto& h = seen.application->history;
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].state, State::Received);
  EXPECT_EQ(h[0].by, "KJ1370000001");
  EXPECT_EQ(h[0].at.str(), "2025-11-05T10:00:00");
  EXPECT_EQ(h[1].state, State::Decided);
  EXPECT_EQ(h[1].by, PortalWorld::kOperator);
  EXPECT_EQ(h[2].state, State::Paid);
  EXPECT_EQ(h[2].at.str(), "2026-01-15T09:00:00");
  ASSERT_EQ(seen.application->decision->steps.size(), 8u);
  EXPECT_EQ(seen.application->decision->steps[2].formula, "2台（限度 3台）: 15,400 円");
  EXPECT_EQ(seen.application->lines.size(), 2u);

  // Another office neither sees nor can tell it exists.
  auto other = portal::visible_application(*w.store, id, w.user("KJ1370000002"));
  EXPECT_EQ(first_code(other.refusals), "KH40");
  EXPECT_EQ(first_code(portal::visible_application(*w.store, 999, w.user("KJ1370000002")).refusals), "KH40");
  EXPECT_TRUE(portal::visible_applications(*w.store, w.user("KJ1370000002"), {}).empty());
  EXPECT_EQ(portal::visible_applications(*w.store, w.user(PortalWorld::kOperator), {}).size(), 1u);

  // Each change is in the audit trail, and the chain holds.
  EXPECT_EQ(w.auth.audit_count("subsidy_apply"), 1);
  EXPECT_EQ(w.auth.audit_count("subsidy_decide"), 1);
  EXPECT_EQ(w.auth.audit_count("subsidy_pay"), 1);
  EXPECT_TRUE(auth::verify_audit(*w.auth.store).ok());
}

TEST(PortalApplication, AReceiptWithoutPurposeIsReturnedAndTheOfficeAppliesAgain) {
  PortalWorld w;
  auto a = w.apply_office("1370000001", "2025-11-05T10:00:00", {receipt(1, "20251020", "", 15400)});
  ASSERT_TRUE(a.refusals.empty());
  EXPECT_EQ(a.preview->outcome, portal::Outcome::Returned);  // the applicant is told at once
  // One live application per office and fiscal year.
  EXPECT_EQ(first_code(w.apply_office("1370000001", "2025-11-06T10:00:00", readers_and_setup()).refusals), "KH03");
  auto returned = w.decide(a.application->id, "2025-12-01T09:00:00");
  ASSERT_TRUE(returned.refusals.empty());
  EXPECT_EQ(returned.application->state, State::Returned);
  ASSERT_EQ(returned.application->decision->findings.size(), 1u);
  EXPECT_EQ(returned.application->decision->findings[0].code, "KH10");
  EXPECT_EQ(returned.application->decision->amount, Yen{});
  EXPECT_EQ(first_code(w.pay(a.application->id, "2026-01-15T09:00:00").refusals), "KH41");
  auto again = w.apply_office("1370000001", "2025-12-02T10:00:00", readers_and_setup());
  ASSERT_TRUE(again.refusals.empty());
  EXPECT_EQ(again.application->decision_month, (YearMonth{2026, 1}));
}

TEST(PortalApplication, TheStaffReturnWithTheirReasonAndNothingEligibleIsRejected) {
  PortalWorld w;
  auto a = w.apply_office("1370000001", "2025-11-05T10:00:00", readers_and_setup());
  EXPECT_EQ(first_code(w.decide(a.application->id, "2025-12-01T09:00:00", std::string("  ")).refusals), "KH30");
  auto returned = w.decide(a.application->id, "2025-12-01T09:00:00", std::string("通帳の写しが読めません"));
  ASSERT_TRUE(returned.refusals.empty());
  EXPECT_EQ(returned.application->state, State::Returned);
  EXPECT_EQ(returned.application->decision->findings[0].message_ja, "審査の結果、返戻します: 通帳の写しが読めません");
  EXPECT_EQ(returned.application->history.back().note, "通帳の写しが読めません");

  auto hospital = w.apply_medical(portal::Facility::Hospital, 250, "2025-11-05T10:00:00",
                                  {receipt(1, "20251101", "カードリーダー1台", 20000)});
  ASSERT_TRUE(hospital.refusals.empty()) << hospital.refusals[0].to_string();
  auto rejected = w.decide(hospital.application->id, "2025-12-01T09:00:00");
  EXPECT_EQ(rejected.application->state, State::Rejected);
  EXPECT_EQ(first_code(w.pay(hospital.application->id, "2026-01-15T09:00:00").refusals), "KH41");
}

TEST(PortalApplication, AMedicalInstitutionAppliesAsItself) {
  PortalWorld w;
  auto a = w.apply_medical(portal::Facility::Hospital, 250, "2025-12-10T10:00:00",
                           {receipt(1, "20251201", "電子カルテ改修（主治医意見書の電子的送信機能）", 1400000)});
  ASSERT_TRUE(a.refusals.empty());
  EXPECT_EQ(a.application->scheme, "R7-medical");
  EXPECT_EQ(a.application->applicant.name, "国保総合病院");
  auto d = w.decide(a.application->id, "2026-01-05T09:00:00");
  EXPECT_EQ(d.application->decision->amount, Yen{550000});
  EXPECT_EQ(first_code(w.apply_medical(portal::Facility::Clinic, 20, "2025-12-10T10:00:00",
                                       {receipt(1, "20251201", "改修", 1)})
                           .refusals),
            "KH07");
  EXPECT_EQ(first_code(w.apply_medical(portal::Facility::Hospital, 19, "2025-12-10T10:00:00",
                                       {receipt(1, "20251201", "改修", 1)})
                           .refusals),
            "KH07");
  // An office account cannot apply for the hospital, nor the hospital's clerk for an office.
  portal::ApplyRequest r;
  r.program = portal::Program::Medical;
  r.applicant_no = PortalWorld::kHospitalCode;
  r.lines = {receipt(1, "20251201", "改修", 1000)};
  EXPECT_EQ(first_code(portal::apply(*w.store, w.offices, r, w.user("KJ1370000001"),
                                     w.caller("KJ1370000001", "2025-12-10T10:00:00"))
                           .refusals),
            "KH04");
  r.program = portal::Program::Office;
  r.applicant_no = "1370000001";
  EXPECT_EQ(first_code(portal::apply(*w.store, w.offices, r, w.user(PortalWorld::kHospital),
                                     w.caller(PortalWorld::kHospital, "2025-12-10T10:00:00"))
                           .refusals),
            "KH04");
}

TEST(PortalApplication, TheServicesComeFromTheOfficeLedger) {
  PortalWorld w;
  auto both =
      w.apply_office("1370000002", "2025-11-05T10:00:00",
                     {receipt(1, "20251101", "カードリーダー5台", 100000), receipt(2, "20251101", "設定費用", 30000)});
  ASSERT_TRUE(both.refusals.empty());
  EXPECT_EQ(both.application->applicant.services, (std::vector<std::string>{"11", "32"}));
  EXPECT_EQ(both.preview->amount, Yen{119000});
  EXPECT_EQ(both.application->applicant.name, "ひまわり訪問介護");
  // Only the visit service asked for: its class alone.
  PortalWorld w2;
  auto one = w2.apply_office("1370000002", "2025-11-05T10:00:00", {receipt(1, "20251101", "カードリーダー5台", 100000)},
                             {"11"});
  EXPECT_EQ(one.preview->amount, Yen{60000});
  EXPECT_EQ(first_code(w2.apply_office("1370000003", "2025-11-05T10:00:00", readers_and_setup(), {"11"}).refusals),
            "KH05");
  EXPECT_EQ(first_code(w2.apply_office("1311234567", "2025-11-05T10:00:00", readers_and_setup()).refusals), "");
  EXPECT_EQ(first_code(w2.apply_office("1370000004", "2025-11-05T10:00:00", {}).refusals), "KH08");
}

TEST(PortalApplication, TheApplicantWithdrawsBeforeTheDecisionOnly) {
  PortalWorld w;
  auto a = w.apply_office("1370000001", "2025-11-05T10:00:00", readers_and_setup());
  const auto id = a.application->id;
  EXPECT_EQ(
      first_code(portal::withdraw(*w.store, id, w.user("KJ1370000002"), w.caller("KJ1370000002", "2025-11-06T10:00:00"))
                     .refusals),
      "KH40");
  auto gone = portal::withdraw(*w.store, id, w.user("KJ1370000001"), w.caller("KJ1370000001", "2025-11-06T10:00:00"));
  ASSERT_TRUE(gone.refusals.empty());
  EXPECT_EQ(gone.application->state, State::Withdrawn);
  EXPECT_EQ(first_code(w.decide(id, "2025-12-01T09:00:00").refusals), "KH41");
  EXPECT_TRUE(w.apply_office("1370000001", "2025-11-07T10:00:00", readers_and_setup()).refusals.empty());
  portal::ApplicationFilter f;
  f.state = State::Withdrawn;
  EXPECT_EQ(portal::visible_applications(*w.store, w.user("KJ1370000001"), f).size(), 1u);
}

}  // namespace
}  // namespace kaigo::testing
