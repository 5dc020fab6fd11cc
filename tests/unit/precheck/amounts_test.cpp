// 様式エラー found against the masters and ledgers and in the amounts: 事業所 / サービス (ADD0, ADD1, ADD3),
// 保険者 (ADD2, ADDA), サービス種類 of the 様式 (KP29), サービスコード and 単位数 (KP27, KP28), 単価 of
// the 地域区分, recomputed amounts (ASSA, ASS0), 生保単独 (ATT5), 様式第七, 給付管理票 totals (KP32)
// and the 請求書 against the 明細書 (KP30).
#include <gtest/gtest.h>

#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {
namespace {

using Codes = std::multiset<std::string>;

// The 7131 fixture checked against an office ledger of `rows` in place of the world's.
FileResult check_7131_with_offices(std::string_view rows) {
  auto offices = offices_from(rows);
  auto context = world().context();
  context.offices = &offices;
  return check_text(fixture_text("7131"), context);
}

// Replaces item `item_no` in every data record of the 明細書 of `insured` (7131 fixture).
std::string set_in_statement(std::string text, std::string_view insured, int item_no, std::string_view value) {
  auto ls = lines_of(text);
  for (std::size_t i = 0; i < ls.size(); ++i) {
    if (ls[i].find(std::string(",") + std::string(insured) + ",") != std::string::npos && ls[i].rfind("2,", 0) == 0) {
      text = with_item(text, i + 1, item_no, value);
    }
  }
  return text;
}

// ---- ledgers ------------------------------------------------------------------------------------

TEST(PrecheckLedgers, OfficeNotRegisteredInTheServiceMonth) {
  // Registered (so the control record passes) but only until 2026-03.
  auto r = check_7131_with_offices("1370000001,11,訪問介護ちよだ,1,20200401,20260331,1,131016,,,,,\n");
  expect_only_format_rows(r, {{"ADD0", 3, 4, "事業所番号", "1370000001"}, {"ADD0", 7, 4, "事業所番号", "1370000001"}});
}

TEST(PrecheckLedgers, ServiceNotRegisteredForTheOffice) {
  auto r = check_7131_with_offices("1370000001,13,訪問看護ちよだ,1,20200401,,1,131016,,,,,\n");
  expect_only_format_rows(r, {{"ADD1", 4, 7, "サービス種類コード", "11"}, {"ADD1", 8, 7, "サービス種類コード", "11"}});
}

TEST(PrecheckLedgers, PlanNamesAProviderWithoutThatService) {
  auto r = check_text(with_item(fixture_text("8222"), 3, 19, "15"), world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"ADD1", 3, 17, "事業所番号（サービス事業所）", "1370000013"}});
}

// ADD3: the 指定／基準該当 class written differs from the office ledger's (1 指定 there).
TEST(PrecheckLedgers, DesignationClassDiffersFromTheLedger) {
  auto fee = check_text(with_item(fixture_text("8124"), 3, 3, "2"), world().context());
  expect_only_format_rows(fee, {{"ADD3", 3, 3, "指定／基準該当等事業所区分コード", "2"}});
  EXPECT_EQ(row_at(fee, "ADD3", 3)->message_ja, "指定／基準該当サービス区分コードが誤り（事業所台帳では 1）");

  auto plan = check_text(with_item(fixture_text("8222"), 3, 18, "2"), world().context(), "KY260501.CSV");
  expect_only_format_rows(plan, {{"ADD3", 3, 18, "指定／基準該当／地域密着型サービス／総合事業識別コード", "2"}});
  // 6 総合事業 has no counterpart in the ledger: not compared.
  EXPECT_EQ(codes_of(check_text(with_item(fixture_text("8222"), 3, 18, "6"), world().context(), "KY260501.CSV")),
            Codes{});
}

TEST(PrecheckLedgers, InsurerUnknownOrOutOfItsPeriod) {
  auto r = check(set_in_statement(fixture_text("7131"), "0000012345", 5, "00139999"));
  expect_only_format_rows(r, {{"ADD2", 3, 5, "証記載保険者番号", "00139999"}});

  auto insurers = insurers_from("131011,千代田区,20000401,20260331\n131029,中央区,20000401,\n");
  auto context = world().context();
  context.insurers = &insurers;
  auto s = check_text(fixture_text("7131"), context);
  expect_only_format_rows(s, {{"ADDA", 3, 5, "証記載保険者番号", "00131011"}});
}

// ---- masters ------------------------------------------------------------------------------------

TEST(PrecheckMasters, ServiceTypeOfAnotherForm) {
  // 63 介護予防訪問看護 belongs on 様式第二の二 (7132), not on 様式第二.
  auto r = check(with_item(fixture_text("7131"), 4, 7, "63"));
  expect_row(r, Level::Format, "KP29", 4, 7, "サービス種類コード", "63");
  expect_message(r, "KP29", 4, "この様式で請求できないサービス種類（介護予防訪問看護の様式は 7132）");
  EXPECT_NE(row_at(r, "KP23", 4), nullptr);  // 63 has no 集計 record
  EXPECT_NE(row_at(r, "ADD1", 4), nullptr);  // nor a registration for the office
}

TEST(PrecheckMasters, UnknownServiceCode) {
  auto r = check(with_item(fixture_text("7131"), 4, 8, "9999"));
  expect_only_format_rows(r, {{"KP27", 4, 8, "サービス項目コード", "9999"}});
  expect_message(r, "KP27", 4, "サービスコードがマスタにない（サービスコード 119999（202604））");
}

TEST(PrecheckMasters, CodesOfATypeTheMasterDoesNotCoverAreNotJudged) {
  // The bundled master has no 介護予防 (6x) codes: 7132's 631111 is not called unknown.
  EXPECT_EQ(check(fixture_text("7132")).error_count, 0u);
}

TEST(PrecheckMasters, UnitsDifferFromTheMaster) {
  // 身体介護１ written with 245 units (and the line multiplied out with them).
  auto r = check(replace_once(fixture_text("7131"), "11,1111,244,9,,,,2196", "11,1111,245,9,,,,2205"));
  expect_row(r, Level::Format, "KP28", 4, 9, "単位数", "245");
  expect_message(r, "KP28", 4, "単位数がサービスコード表と相違（身体介護１ は 244単位）");
  // The totals were left as they were: they no longer add up to the lines.
  expect_row(r, Level::Format, "ASS0", 6, 10, "限度額管理対象単位数", "3744");
}

// ---- amounts ------------------------------------------------------------------------------------

TEST(PrecheckAmounts, ClaimAboveTheComputedOne) {
  // 保険請求額 of the 集計 one yen too high: floor(floor(3744 × 11.40) × 90%) = 38412.
  auto r = check(with_item(fixture_text("7131"), 6, 16, "38413"));
  expect_row(r, Level::Format, "ASSA", 6, 16, "保険 請求額", "38413");
  const ErrorRow* row = row_at(r, "ASSA", 6);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->message_ja, "記載された値が計算値を超過（計算値 38412）");
  EXPECT_EQ(row->message_en, "written value exceeds the computed value (computed 38412)");
  EXPECT_EQ(row->service_type, "11");
  EXPECT_EQ(codes_of(r), Codes{"ASSA"}) << dump(r);
}

TEST(PrecheckAmounts, ClaimBelowTheComputedOne) {
  auto r = check(with_item(fixture_text("7131"), 6, 17, "4268"));
  expect_only_format_rows(r, {{"ASS0", 6, 17, "保険 利用者負担額", "4268"}});
}

TEST(PrecheckAmounts, BasicTotalsAreTheSumOfTheTotals) {
  auto r = check(with_item(fixture_text("7131"), 7, 33, "5108"));
  expect_row(r, Level::Format, "ASSA", 7, 33, "合計 保険 サービス単位数", "5108");
  // The 請求書 sums the 基本情報 totals as written, so it no longer matches them either.
  expect_row(r, Level::Format, "KP30", 2, 8, "サービス費用 単位数", "8851");
  EXPECT_EQ(codes_of(r), (Codes{"ASSA", "KP30"})) << dump(r);
}

TEST(PrecheckAmounts, UnitPriceOfTheRegionClass) {
  // The ledger puts the office in 2級地 (70 %: 11.12): the written 11.40 is above it.
  auto r = check_7131_with_offices("1370000001,11,訪問介護ちよだ,1,20200401,,2,131016,,,,,\n");
  expect_row(r, Level::Format, "ASSA", 6, 15, "保険 単位数単価", "1140");
  expect_row(r, Level::Format, "ASSA", 10, 15, "保険 単位数単価", "1140");
  expect_message(r, "ASSA", 6, "記載された値が計算値を超過（地域区分 2級地 の単価 1112）");
  // The rest is computed with the written 単価, so nothing else follows from it.
  EXPECT_EQ(codes_of(r), (Codes{"ASSA", "ASSA"})) << dump(r);
}

TEST(PrecheckAmounts, WelfareOnlyWithAnInsuranceClaim) {
  // 被保険者番号 H…: 生活保護単独, whose insurance claim must be 0.
  auto r = check(set_in_statement(fixture_text("7131"), "0000023456", 6, "H000023456"));
  expect_row(r, Level::Format, "ATT5", 7, 34, "合計 保険 請求額", "52397");
  for (const auto& e : r.errors) EXPECT_TRUE(e.code == "ATT5" || e.code == "KP30") << dump(r);
}

TEST(PrecheckAmounts, TenPercentBenefitForms) {
  // 8171 介護予防ケアマネジメント is paid 10割 with 保険給付率 empty; one yen more is above it.
  EXPECT_EQ(check(fixture_text("8171")).error_count, 0u);
  auto r = check(with_item(fixture_text("8171"), 6, 16, "7940"));
  expect_row(r, Level::Format, "ASSA", 6, 16, "保険 請求額", "7940");
}

TEST(PrecheckAmounts, CarePlanLineAndClaim) {
  auto t = with_item(fixture_text("8124"), 3, 20, "1087");  // 1086 × 1
  t = with_item(t, 5, 22, "12379");                          // floor(1086 × 11.40) = 12380
  auto r = check(t);
  expect_row(r, Level::Format, "ASSA", 3, 20, "サービス単位数", "1087");
  expect_row(r, Level::Format, "ASS0", 5, 22, "請求金額", "12379");
  // The line's own 単位数 differs from the master too.
  auto u = check(with_item(fixture_text("8124"), 5, 18, "1085"));
  expect_row(u, Level::Format, "KP28", 5, 18, "単位数", "1085");
}

TEST(PrecheckAmounts, PlanTotalIsTheSumOfItsLines) {
  auto r = check_text(with_item(fixture_text("8222"), 4, 24, "5001"), world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"KP32", 4, 24, "給付計画合計単位数／日数", "5001"}});
}

// ---- 請求書 ---------------------------------------------------------------------------------------

TEST(PrecheckInvoice, CountAndAmountsDifferFromTheStatements) {
  auto t = with_item(fixture_text("7131"), 2, 7, "3");
  t = with_item(t, 2, 10, "90810");
  auto r = check(t);
  expect_row(r, Level::Format, "KP30", 2, 7, "サービス費用 件数", "3");
  expect_row(r, Level::Format, "KP30", 2, 10, "サービス費用 保険請求額", "90810");
  const ErrorRow* row = row_at(r, "KP30", 2, 7);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->message_ja, "請求書と明細書の集計が一致しない（明細書の合計 2）");
  EXPECT_EQ(row->form_kind, "請求");
  EXPECT_EQ(row->service_month, "202604");
  EXPECT_EQ(codes_of(r), (Codes{"KP30", "KP30"})) << dump(r);
}

TEST(PrecheckInvoice, MissingInvoiceRow) {
  auto ls = lines_of(fixture_text("7131"));
  ls.erase(ls.begin() + 1);
  auto r = check(renumber(text_of(ls)));
  const ErrorRow* row = row_at(r, "KP30", 0);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->message_ja, "請求書と明細書の集計が一致しない（請求書に 202604 保険請求 法別00 請求情報区分01 の行がありません）");
  EXPECT_EQ(row->service_month, "202604");
  EXPECT_EQ(codes_of(r), Codes{"KP30"}) << dump(r);
}

TEST(PrecheckInvoice, InvoiceRowWithoutStatementsAndTwiceTheSameRow) {
  auto ls = lines_of(fixture_text("7131"));
  ls.insert(ls.begin() + 2, "2,2,7111,202604,1370000001,2,12,01,1,100,1000,0,1000,0,0,0,0,0,0,0");
  ls.insert(ls.begin() + 2, "2,2,7111,202604,1370000001,1,00,01,2,8851,100900,90809,0,10091,0,0,0,0,0,0");
  auto r = check(renumber(text_of(ls)));
  expect_row(r, Level::Format, "KP30", 3, 4, "保険・公費等区分コード", "1");    // the same class again
  expect_row(r, Level::Format, "KP30", 4, 0, "", "");                         // 公費 row, no 明細書
  EXPECT_EQ(codes_of(r), (Codes{"KP30", "KP30"})) << dump(r);
}

}  // namespace
}  // namespace kaigo::precheck::testing
