// settlement/payment and the results folder: fees by application date, the negative-payment
// policy, a carried shortfall, the 7513 items they show in, the balance check catching a wrong
// figure, and write_results / summary.json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/report/render_all.hpp"
#include "kaigo/report/results_dir.hpp"
#include "kaigo/settlement/settle.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"
#include "support/test_support.hpp"

namespace kaigo::settlement {
namespace {

using Lines = std::vector<std::string>;

constexpr const char* kPayee = "3070000000";
constexpr YearMonth kMarch2026{2026, 3}, kApril2026{2026, 4};

// One office paid 2,700 円 this month (300 units, 10.00 円, 1割).
struct PaidMonth : testing::OneClaimMonth {
  PaidMonth()
      : OneClaimMonth(kPayee, kMarch2026, 300, {{"11", "9001"}},
                      [](testing::Story& story) { story.code("11", "9001", "訪問介護３００", 300); }) {}
  SettlementInput input() const { return OneClaimMonth::input(kApril2026); }
};

TEST(SettlementPayment, CertificateFeeIsOnThe7513AndTheLicenseIsPrintedBesideIt) {
  PaidMonth m;
  auto in = m.input();
  in.charges = {{FeeKind::Certificate, kPayee, {2026, 3, 31}}, {FeeKind::CarePlanLicense, kPayee, {2026, 4, 2}}};
  const auto r = settle_month(in, m.s.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, r), Lines{});
  const auto& pay = testing::office_of(r, kPayee).payment;
  EXPECT_EQ(pay.certificate_fee, Yen{13200});  // applied before 2026-04-01 (seed 000 §3(1))
  EXPECT_EQ(pay.license_fee, Yen{21000});
  EXPECT_EQ(pay.total, Yen{2700 - 13200});
  EXPECT_EQ(pay.carried_out, Yen{13200 + 21000 - 2700});
  const auto h = testing::official(r, kPayee, "7513").records.front();
  EXPECT_EQ(h.item(10), "0");       // 振込金額
  EXPECT_EQ(h.item(11), "2700");    // 介護給付費支払額
  EXPECT_EQ(h.item(17), "13200");   // 電子証明書発行手数料（税込）
  EXPECT_EQ(h.item(18), "-10500");  // 合計金額
  // The license and the shortfall carried are printed beside the 22 items (seed 002's 7513 has a
  // row for the license), so that the paper adds up: −10,500 − 21,000 = −31,500 carried.
  const auto n = report::notice_7513(testing::office_of(r, kPayee), kApril2026, testing::seed_issue());
  EXPECT_EQ(n.print_values, (std::map<std::string, std::string>{
                                {"billed", "0"}, {"careplan_license", "21000"}, {"carried_in", "0"}, {"carried_out", "31500"}}));
  testing::TempDir dir;
  report::write_results(dir.path(), r, testing::seed_issue());
  report::render_all(dir.path(), 1);
  const auto html = testing::read_file(dir / kPayee / "7513.html");
  EXPECT_NE(html.find("ケアプランデータ連携システムライセンス料（消費税を含む）"), std::string::npos);
  EXPECT_NE(html.find("21,000"), std::string::npos);
  EXPECT_NE(html.find("31,500"), std::string::npos);
}

TEST(SettlementPayment, NegativeIsBilledWhenSoSet) {
  PaidMonth m;
  auto in = m.input();
  in.charges = {{FeeKind::Certificate, kPayee, {2026, 4, 1}}};  // 7,800 円 from 2026-04-01 applications
  SettlementSettings settings;
  settings.negative = NegativePayment::Bill;
  const auto r = settle_month(in, m.s.context(), settings);
  const auto& pay = testing::office_of(r, kPayee).payment;
  EXPECT_EQ(pay.certificate_fee, Yen{7800});
  EXPECT_EQ(pay.transfer, Yen{0});
  EXPECT_EQ(pay.billed, Yen{5100});
  EXPECT_EQ(pay.carried_out, Yen{0});
  EXPECT_EQ(check_balance(in, r), Lines{});
}

TEST(SettlementPayment, ACarriedShortfallIsDeductedNextMonth) {
  PaidMonth m;
  auto in = m.input();
  in.carried_in[kPayee] = Yen{500};
  const auto r = settle_month(in, m.s.context(), SettlementSettings{});
  const auto& pay = testing::office_of(r, kPayee).payment;
  EXPECT_EQ(pay.total, Yen{2700});
  EXPECT_EQ(pay.transfer, Yen{2200});
  EXPECT_EQ(testing::official(r, kPayee, "7513").records.front().item(10), "2200");
  EXPECT_EQ(check_balance(in, r), Lines{});
}

TEST(SettlementPayment, AFeeWithNoRuleForItsDateIsNotChargedButNoted) {
  PaidMonth m;
  auto in = m.input();
  in.charges = {{FeeKind::Certificate, kPayee, {1999, 1, 1}}};
  const auto r = settle_month(in, m.s.context(), SettlementSettings{});
  EXPECT_EQ(testing::office_of(r, kPayee).payment.certificate_fee, Yen{0});
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].office_no, kPayee);
  EXPECT_EQ(r.notes[0].message_ja, "手数料 certificate の 19990101 時点の金額が設定にありません");
}

TEST(SettlementPayment, TheBalanceCheckNamesAWrongFigure) {
  PaidMonth m;
  const auto in = m.input();
  auto r = settle_month(in, m.s.context(), SettlementSettings{});
  r.offices[0].payment.transfer += Yen{1};
  r.offices[0].care_breakdown.decided.service.benefit -= Yen{1};
  const auto problems = check_balance(in, r);
  ASSERT_EQ(problems.size(), 4u) << ::testing::PrintToString(problems);
  EXPECT_EQ(problems[0], "3070000000: 振込 − 繰越 − 返納 2701 ≠ 2700 / 3070000000: transfer - carried - billed 2701 != 2700");
  EXPECT_EQ(problems[1], "3070000000: 内訳書 T3（T1 − T2） 2699 ≠ 2700 / 3070000000: breakdown T3 (T1 - T2) 2699 != 2700");
  EXPECT_EQ(problems[2], "3070000000: 介護給付費 T3 2699 ≠ 2700 / 3070000000: care T3 2699 != 2700");
  EXPECT_EQ(problems[3], "全体: 振込 − 繰越 − 返納 2701 ≠ 2700 / total: transfer - carried - billed 2701 != 2700");
}

TEST(SettlementResults, FolderHasTheNoticesAndTheSummary) {
  PaidMonth m;
  const auto r = settle_month(m.input(), m.s.context(), SettlementSettings{});
  testing::TempDir dir;
  const auto files = report::write_results(dir.path(), r, testing::seed_issue());
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(std::filesystem::relative(f, dir.path()).string());
  EXPECT_EQ(names, (Lines{"3070000000/7211.CSV", "3070000000/7513.values.tsv", "3070000000/7513.CSV",
                          "3070000000/7521.CSV", "summary.json"}));
  EXPECT_EQ(testing::read_file(dir / "3070000000" / "7513.values.tsv"),
            "name\tvalue\nbilled\t0\ncareplan_license\t0\ncarried_in\t0\ncarried_out\t0\n");
  const auto summary = nlohmann::json::parse(testing::read_file(dir / "summary.json"));
  EXPECT_EQ(summary["month"], "202604");
  EXPECT_EQ(summary["offices"][0]["office_no"], kPayee);
  EXPECT_EQ(summary["offices"][0]["claims"]["paid"], 1);
  EXPECT_EQ(summary["offices"][0]["care"]["payment"], 2700);
  EXPECT_EQ(summary["offices"][0]["claim_difference"]["care"]["count"], 0);
  EXPECT_EQ(summary["offices"][0]["transfer"], 2700);
  EXPECT_EQ(summary["totals"]["transfer"], 2700);
  // The 居宅介護支援事業所 that made the plan is in the summary (a plan registered), with no notice.
  EXPECT_EQ(summary["totals"]["offices"], 2);
  EXPECT_EQ(summary["offices"][1]["office_no"], testing::kSupportOffice);
  EXPECT_EQ(summary["offices"][1]["plans"]["registered"], 1);
  EXPECT_EQ(summary["offices"][1]["notices"], nlohmann::json::array());
  EXPECT_EQ(report::summary_json(r, testing::seed_issue()), testing::read_file(dir / "summary.json"));
  // Printed next to each file, as `kaigo results` does after writing them.
  const auto printed = report::render_all(dir.path(), 1);
  EXPECT_EQ(printed.size(), 6u);
  EXPECT_NE(testing::read_file(dir / "3070000000" / "7513.html").find("2,700"), std::string::npos);
}

}  // namespace
}  // namespace kaigo::settlement
