// The 助成金 computation with the seeds' numbers (issue 17 "Done when"; seed 000 §2, seed 003,
// seed 004 §5): the 訪問系 office with 4 readers at 20,000 円 and 10,000 円 of set-up (70,000 円
// capped to 64,000 円), 訪問 + 居住 up to 119,000 円, the 250-bed hospital (1,400,000 円 → 550,000 円),
// the clinic (400,000 円 → 300,000 円), the 15,400 円 receipt read as 14,000 + 1,400, a receipt
// without purpose returned, and work before 2026-04-01 left out of 令和8年度 — each with its steps.
#include <gtest/gtest.h>

#include "kaigo/portal/computation.hpp"
#include "support/portal_support.hpp"

namespace kaigo::portal {
namespace {

using testing::receipt;

const Schemes& all() { return Schemes::bundled(); }
const Scheme& r7_office() { return *all().find("R7-office"); }
const Scheme& r7_medical() { return *all().find("R7-medical"); }

Applicant office(std::vector<std::string> services) {
  Applicant a;
  a.program = Program::Office;
  a.number = "1370000001";
  a.services = std::move(services);
  return a;
}

Applicant medical(Facility f, int beds) {
  Applicant a;
  a.program = Program::Medical;
  a.number = "1310000099";
  a.facility = f;
  a.beds = beds;
  return a;
}

const Step& step(const Computation& c, std::string_view code) {
  for (const auto& s : c.steps) {
    if (s.code == code) return s;
  }
  throw std::runtime_error("no step " + std::string(code));
}

std::vector<std::string> codes(const Findings& f) {
  std::vector<std::string> out;
  for (const auto& x : f) out.push_back(x.code);
  return out;
}

TEST(PortalComputation, FourReadersAndSetUpOfAVisitOfficeAreCappedTo64000) {
  std::vector<ReceiptLine> lines{receipt(1, "20251020", "カードリーダー4台分", 80000),
                                 receipt(2, "20251020", "設定費用", 10000)};
  auto c = compute(r7_office(), office({"43"}), lines, {2025, 11, 5}, all());
  EXPECT_EQ(c.outcome, Outcome::Granted);
  EXPECT_EQ(c.reader_cap, 3);
  EXPECT_EQ(step(c, "readers").amount, Yen{60000});
  EXPECT_EQ(step(c, "readers").formula, "4台（限度 3台、1台は対象外）: 80,000 円 × 3台 ÷ 4台 = 60,000 円");
  EXPECT_EQ(step(c, "support").amount, Yen{10000});
  EXPECT_EQ(c.cost, Yen{70000});
  EXPECT_EQ(step(c, "cost").formula, "60,000 円＋10,000 円 = 70,000 円");
  EXPECT_EQ(step(c, "rate").formula, "70,000 円 × 1/1 = 70,000 円（1円未満切捨て）");
  EXPECT_EQ(step(c, "limit").formula, "訪問・通所・短期滞在系 64,000 円");
  EXPECT_EQ(c.amount, Yen{64000});
  EXPECT_EQ(step(c, "amount").amount, Yen{64000});
  EXPECT_EQ(codes(c.findings), (std::vector<std::string>{"KH21", "KH22"}));
  // The steps in the order the notice prints them.
  std::vector<std::string> order;
  for (const auto& s : c.steps) order.push_back(s.code);
  EXPECT_EQ(order, (std::vector<std::string>{"line", "line", "readers", "support", "cost", "rate", "limit", "amount"}));
}

TEST(PortalComputation, FourReceiptsOfOneReaderEachCountTheFirstThree) {
  std::vector<ReceiptLine> lines;
  for (int i = 1; i <= 4; ++i) lines.push_back(receipt(i, "20251020", "カードリーダー1台", 20000));
  lines.push_back(receipt(5, "20251021", "接続サポート（端末設定）", 10000));
  auto c = compute(r7_office(), office({"11"}), lines, {2025, 11, 5}, all());
  EXPECT_EQ(step(c, "readers").amount, Yen{60000});
  EXPECT_EQ(step(c, "readers").formula, "4台（限度 3台、1台は対象外）: 20,000 円＋20,000 円＋20,000 円 = 60,000 円");
  EXPECT_EQ(c.lines[3].readers_counted, 0);
  EXPECT_EQ(c.cost, Yen{70000});
  EXPECT_EQ(c.amount, Yen{64000});
}

TEST(PortalComputation, TheDearestReadersAreCountedFirst) {
  // Cap 3: two readers at 15,000 each (30,000), then one of two at 5,000 each: floor(10,000 × 1 ÷ 2).
  std::vector<ReceiptLine> lines{receipt(1, "20251020", "カードリーダー2台", 10000),
                                 receipt(2, "20251020", "カードリーダー2台", 30000)};
  auto c = compute(r7_office(), office({"11"}), lines, {2025, 11, 5}, all());
  EXPECT_EQ(c.lines[1].readers_counted, 2);
  EXPECT_EQ(c.lines[0].readers_counted, 1);
  EXPECT_EQ(step(c, "readers").amount, Yen{35000});
  EXPECT_EQ(step(c, "readers").formula,
            "4台（限度 3台、1台は対象外）: 30,000 円＋（10,000 円 × 1台 ÷ 2台 = 5,000 円） = 35,000 円");
}

TEST(PortalComputation, AVisitAndResidentialOfficeGetsUpTo119000) {
  std::vector<ReceiptLine> lines{receipt(1, "20251101", "カードリーダー5台", 100000),
                                 receipt(2, "20251101", "設定費用", 30000),
                                 receipt(3, "20251101", "カードリーダー1台", 20000)};
  auto c = compute(r7_office(), office({"11", "32"}), lines, {2025, 11, 10}, all());
  EXPECT_EQ(c.reader_cap, 5);
  EXPECT_EQ(c.limit, Yen{119000});
  EXPECT_EQ(step(c, "limit").formula, "訪問・通所・短期滞在系 64,000 円＋居住・入所系 55,000 円 = 119,000 円");
  EXPECT_EQ(step(c, "readers").amount,
            Yen{100000});  // 6 readers, the 5 at 20,000 of receipt 1 (receipt order on a tie)
  EXPECT_EQ(step(c, "readers").formula, "6台（限度 5台、1台は対象外）: 100,000 円");
  EXPECT_EQ(c.cost, Yen{130000});
  EXPECT_EQ(c.amount, Yen{119000});
  // Below the limit the cost is granted as it is.
  std::vector<ReceiptLine> small{receipt(1, "20251101", "カードリーダー2台分", 15400),
                                 receipt(2, "20251101", "設定費用", 22000)};
  EXPECT_EQ(compute(r7_office(), office({"11", "32"}), small, {2025, 11, 10}, all()).amount, Yen{37400});
}

TEST(PortalComputation, TwoServicesOfOneClassCountThatClassOnce) {
  auto both_visit = office({"11", "15"});
  std::vector<ReceiptLine> lines{receipt(1, "20251101", "カードリーダー6台", 120000)};
  auto c = compute(r7_office(), both_visit, lines, {2025, 11, 10}, all());
  EXPECT_EQ(c.reader_cap, 3);
  EXPECT_EQ(c.limit, Yen{64000});
  EXPECT_EQ(c.amount, Yen{60000});
  auto other = compute(r7_office(), office({"17"}), lines, {2025, 11, 10}, all());
  EXPECT_EQ(other.reader_cap, 1);
  EXPECT_EQ(other.amount, Yen{20000});
}

TEST(PortalComputation, AHospitalOf250BedsGetsHalfUpTo550000) {
  std::vector<ReceiptLine> lines{
      receipt(1, "20251201", "電子カルテ改修（主治医意見書の電子的送信機能の追加）", 1400000)};
  auto c = compute(r7_medical(), medical(Facility::Hospital, 250), lines, {2025, 12, 10}, all());
  EXPECT_EQ(c.cost, Yen{1400000});
  EXPECT_EQ(c.after_rate, Yen{700000});
  EXPECT_EQ(step(c, "rate").label_ja, "補助率 1/2");
  EXPECT_EQ(step(c, "rate").formula, "1,400,000 円 × 1/2 = 700,000 円（1円未満切捨て）");
  EXPECT_EQ(step(c, "limit").formula, "病院（250床）: 200床以上の病院 550,000 円");
  EXPECT_EQ(c.amount, Yen{550000});
}

TEST(PortalComputation, AClinicWith400000GetsThreeQuarters) {
  std::vector<ReceiptLine> lines{receipt(1, "20251201", "文書作成ソフト改修", 400000)};
  auto c = compute(r7_medical(), medical(Facility::Clinic, 0), lines, {2025, 12, 10}, all());
  EXPECT_EQ(c.after_rate, Yen{300000});
  EXPECT_EQ(c.limit, Yen{398000});
  EXPECT_EQ(c.amount, Yen{300000});
  EXPECT_TRUE(c.findings.empty());
  // A small hospital: 3/4 rounded down to the yen (100,001 × 3/4 = 75,000.75).
  std::vector<ReceiptLine> odd{receipt(1, "20251201", "改修", 100001)};
  EXPECT_EQ(compute(r7_medical(), medical(Facility::Hospital, 199), odd, {2025, 12, 10}, all()).amount, Yen{75000});
}

TEST(PortalComputation, CardReadersAreNotAMedicalInstitutionsItem) {
  std::vector<ReceiptLine> lines{receipt(1, "20251201", "カードリーダー1台", 20000),
                                 receipt(2, "20251201", "改修", 40000)};
  auto c = compute(r7_medical(), medical(Facility::Clinic, 5), lines, {2025, 12, 10}, all());
  EXPECT_EQ(codes(c.findings), std::vector<std::string>{"KH16"});
  EXPECT_FALSE(c.lines[0].eligible);
  EXPECT_EQ(c.cost, Yen{40000});
  EXPECT_EQ(c.amount, Yen{30000});
}

TEST(PortalComputation, The15400ReceiptIsReadAs14000Plus1400) {
  auto r = receipt(1, "20251010", "カードリーダー2台分", 15400);
  auto read = read_line(r, 1, all(), 10);
  EXPECT_EQ(read.kind, ItemKind::CardReader);
  EXPECT_EQ(read.count, 2);
  EXPECT_EQ(read.net, Yen{14000});
  EXPECT_EQ(read.tax, Yen{1400});
  EXPECT_TRUE(read.derived);
  EXPECT_TRUE(read.findings.empty());
  // As printed on the receipt (内訳 税抜 14,000, 消費税等 1,400), the same.
  r.net = Yen{14000};
  r.tax = Yen{1400};
  read = read_line(r, 1, all(), 10);
  EXPECT_FALSE(read.derived);
  EXPECT_TRUE(read.findings.empty());
  // A breakdown that does not add up is returned.
  r.tax = Yen{1500};
  read = read_line(r, 1, all(), 10);
  EXPECT_EQ(codes(read.findings), std::vector<std::string>{"KH14"});
  EXPECT_EQ(read.findings[0].message_ja,
            "領収書1の内訳（税抜 14,000 円＋消費税等 1,500 円）が金額 15,400 円と合いません");
  EXPECT_EQ(tax_included(Yen{22000}, 10), Yen{2000});
  EXPECT_EQ(tax_included(Yen{1}, 10), Yen{0});
}

TEST(PortalComputation, AReceiptWithoutPurposeIsReturnedWithThatReason) {
  std::vector<ReceiptLine> lines{receipt(1, "20251020", "", 15400), receipt(2, "20251020", "設定費用", 22000)};
  auto c = compute(r7_office(), office({"43"}), lines, {2025, 11, 5}, all());
  EXPECT_EQ(c.outcome, Outcome::Returned);
  EXPECT_EQ(c.amount, Yen{});
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].code, "KH10");
  EXPECT_EQ(c.findings[0].effect, Effect::Return);
  EXPECT_EQ(c.findings[0].line, 1);
  EXPECT_EQ(c.findings[0].message_ja, "領収書1に用途（カードリーダー、台数、設定費用など）の記載がありません");
  EXPECT_EQ(step(c, "amount").formula, "返戻（理由は下記）");
  // 「お品代」 names nothing the subsidy knows: returned too.
  lines[0].purpose = "お品代として";
  EXPECT_EQ(codes(compute(r7_office(), office({"43"}), lines, {2025, 11, 5}, all()).findings),
            std::vector<std::string>{"KH10"});
}

TEST(PortalComputation, ReadersWithoutTheirCountOrWithTwoPurposesAreReturned) {
  auto c = compute(r7_office(), office({"43"}),
                   std::vector<ReceiptLine>{receipt(1, "20251020", "カードリーダー", 15400)}, {2025, 11, 5}, all());
  EXPECT_EQ(codes(c.findings), std::vector<std::string>{"KH12"});
  auto given = receipt(1, "20251020", "カードリーダー", 15400);
  given.count = 2;
  EXPECT_EQ(compute(r7_office(), office({"43"}), std::vector<ReceiptLine>{given}, {2025, 11, 5}, all()).amount,
            Yen{15400});
  given.purpose = "カードリーダー3台";
  EXPECT_EQ(codes(compute(r7_office(), office({"43"}), std::vector<ReceiptLine>{given}, {2025, 11, 5}, all()).findings),
            std::vector<std::string>{"KH13"});
  auto both = compute(r7_office(), office({"43"}),
                      std::vector<ReceiptLine>{receipt(1, "20251020", "カードリーダー2台・設定費用", 37400)},
                      {2025, 11, 5}, all());
  EXPECT_EQ(codes(both.findings), std::vector<std::string>{"KH11"});
  EXPECT_EQ(both.outcome, Outcome::Returned);
}

TEST(PortalComputation, TheCountIsReadFromTheText) {
  EXPECT_EQ(count_in_text("カードリーダー2台分"), 2);
  EXPECT_EQ(count_in_text("カードリーダー２台分"), 2);
  EXPECT_EQ(count_in_text("カードリーダー 12 台"), 12);
  EXPECT_EQ(count_in_text("カードリーダー　３台"), 3);
  EXPECT_EQ(count_in_text("カードリーダー"), std::nullopt);
  EXPECT_EQ(count_in_text("カードリーダー2台と3台"), std::nullopt);
  EXPECT_EQ(count_in_text("2台（計2台）"), 2);
  EXPECT_EQ(count_in_text("台"), std::nullopt);
}

TEST(PortalComputation, Reiwa8CountsOnlyWorkDoneFromApril2026) {
  const auto& r8 = *all().find("R8-office");
  std::vector<ReceiptLine> lines{receipt(1, "20260310", "カードリーダー1台", 20000),
                                 receipt(2, "20260403", "カードリーダー1台", 21000),
                                 receipt(3, "20260403", "設定費用", 11000)};
  auto c = compute(r8, office({"43"}), lines, {2026, 4, 10}, all());
  EXPECT_EQ(c.outcome, Outcome::Granted);
  ASSERT_EQ(codes(c.findings), std::vector<std::string>{"KH20"});
  EXPECT_EQ(c.findings[0].effect, Effect::Exclude);
  EXPECT_EQ(c.findings[0].line, 1);
  EXPECT_EQ(
      c.findings[0].message_ja,
      "令和8年度の助成は令和8年4月1日以降に実施した事業（購入・設定）が対象です（領収書1の実施日 令和8年3月10日）");
  EXPECT_FALSE(c.lines[0].eligible);
  EXPECT_EQ(c.cost, Yen{32000});
  EXPECT_EQ(c.amount, Yen{32000});
  // The 実施日, when given apart from the 発行日, decides.
  lines[0].done_on = Date{2026, 4, 1};
  EXPECT_EQ(compute(r8, office({"43"}), lines, {2026, 4, 10}, all()).amount, Yen{52000});
  // Nothing done from April: nothing granted (不交付).
  std::vector<ReceiptLine> early{receipt(1, "20260331", "カードリーダー1台", 20000)};
  auto none = compute(r8, office({"43"}), early, {2026, 4, 10}, all());
  EXPECT_EQ(none.outcome, Outcome::Nothing);
  EXPECT_EQ(none.amount, Yen{});
}

TEST(PortalComputation, WorkAfterTheApplicationDayIsReturned) {
  std::vector<ReceiptLine> lines{receipt(1, "20251120", "カードリーダー1台", 20000)};
  auto c = compute(r7_office(), office({"43"}), lines, {2025, 11, 5}, all());
  EXPECT_EQ(codes(c.findings), std::vector<std::string>{"KH15"});
  EXPECT_EQ(c.outcome, Outcome::Returned);
}

}  // namespace
}  // namespace kaigo::portal
