// 公費受給者台帳 (kohi.csv, docs/masters.md): lookups by 公費負担者番号 × 公費受給者番号 and month, and
// the strict all-or-nothing loading with the exact Diagnostic (file, line, item, message) of each defect.
#include <gtest/gtest.h>

#include "kaigo/master/public_funds.hpp"
#include "unit/master/shared_data.hpp"

namespace kaigo::master {
namespace {

constexpr std::string_view kKohiHeader =
    "payer_no,recipient_no,insurer_no,insured_no,benefit_rate,self_pay,valid_from,valid_to\n";

std::string kohi(std::string_view rows) { return std::string(kKohiHeader) + std::string(rows); }

// One defect: one Diagnostic naming kohi.csv, line, column and value.
void expect_only(const Diagnostics& d, std::string_view code, std::uint64_t line, int item_no,
                 std::string_view item_name, std::string_view value, std::string_view ja) {
  testing::expect_single(d, code, line, item_no, item_name, value, ja);
  if (!d.empty()) {
    EXPECT_EQ(d[0].file, "kohi.csv");
  }
}

TEST(MasterPublicFunds, VersionsByPayerRecipientAndMonth) {
  auto r = load_fund_recipients(kohi("12300007,1234567,300000,H000000001,100,0,20230401,20231014\n"
                                     "12300007,1234567,300000,H000000001,100,5000,20231015,\n"
                                     "21300005,7654321,300000,0000000002,100,,20230401,\n"),
                                "kohi.csv");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].to_string();
  const auto& l = *r.table;
  EXPECT_EQ(l.size(), 3u);
  // The month's version is the latest valid on some day of it.
  EXPECT_EQ(l.find("12300007", "1234567", {2023, 10})->self_pay, Yen{5000});
  EXPECT_EQ(l.find("12300007", "1234567", {2023, 9})->self_pay, Yen{0});
  EXPECT_EQ(l.find("12300007", "1234567", {2023, 3}), nullptr);
  EXPECT_EQ(l.find("12300007", "7654321", {2023, 10}), nullptr);
  const auto* disabled = l.find("21300005", "7654321", {2024, 1});
  ASSERT_NE(disabled, nullptr);
  EXPECT_EQ(disabled->law_no(), "21");
  EXPECT_EQ(disabled->insured_no, "0000000002");
  EXPECT_EQ(disabled->rate, 100);
  EXPECT_EQ(disabled->self_pay, Yen{0});  // empty = none
  // An item longer than its width is simply not there.
  EXPECT_EQ(l.find("123000070", "1234567", {2023, 10}), nullptr);
}

// A file with one defect and the one Diagnostic it gets.
struct BadKohi {
  const char* name;
  std::string text;  // the whole file, header included
  const char* code;
  std::uint64_t line;
  int item_no;
  const char* item_name;
  const char* value;
  const char* ja;
};

class MasterPublicFundsRefuses : public ::testing::TestWithParam<BadKohi> {};

TEST_P(MasterPublicFundsRefuses, WithOneDiagnostic) {
  const auto& c = GetParam();
  auto r = load_fund_recipients(c.text, "kohi.csv");
  EXPECT_FALSE(r.ok());
  expect_only(r.diagnostics, c.code, c.line, c.item_no, c.item_name, c.value, c.ja);
}

INSTANTIATE_TEST_SUITE_P(
    Files, MasterPublicFundsRefuses,
    ::testing::Values(BadKohi{"WrongColumnCount", kohi("12300007,1234567,300000,H000000001,100,0,20230401\n"), "KM03",
                              2, 0, "", "7", "列数が7です（8列であるべきです）"},
                      BadKohi{"WrongHeader",
                              "payer,recipient_no,insurer_no,insured_no,benefit_rate,self_pay,valid_from,valid_to\n",
                              "KM02", 1, 1, "公費負担者番号(payer_no)", "payer",
                              "ヘッダー行の1列目は「payer_no」でなければなりません"},
                      BadKohi{"PayerNumberOfSevenDigits", kohi("1230000,1234567,300000,H000000001,100,0,20230401,\n"),
                              "KM07", 2, 1, "公費負担者番号", "1230000", "公費負担者番号は数字8桁でなければなりません"},
                      BadKohi{"RateOutsideOneToHundred", kohi("12300007,1234567,300000,H000000001,101,0,20230401,\n"),
                              "KM05", 2, 5, "公費給付率", "101", "公費給付率は1〜100の整数でなければなりません"},
                      BadKohi{"SelfPayThatIsNotANumber", kohi("12300007,1234567,300000,H000000001,100,5千,20230401,\n"),
                              "KM05", 2, 6, "公費本人負担額", "5千",
                              "公費本人負担額は0〜9999999の整数でなければなりません"},
                      BadKohi{"BadDate", kohi("12300007,1234567,300000,H000000001,100,0,20230231,\n"), "KM06", 2, 7,
                              "有効期間開始", "20230231", "有効期間開始が日付(YYYYMMDD)として不正です"},
                      BadKohi{"OverlappingVersionsOfOneRecipient",
                              kohi("12300007,1234567,300000,H000000001,100,0,20230401,\n"
                                   "12300007,1234567,300000,H000000001,100,0,20231001,\n"),
                              "KM08", 3, 7, "有効期間開始", "12300007 1234567",
                              "同じキー（12300007 1234567）の有効期間が2行目（20230401〜）と重複しています"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(MasterPublicFunds, EveryBadRowIsReportedAndNothingLoaded) {
  auto r = load_fund_recipients(kohi("12300007,1234567,300000,H000000001,100,0,20230401,\n"
                                     "12300007,,300000,H000000001,100,0,20230401,\n"
                                     "21300005,7654321,30000,0000000002,0,0,20230401,20230301\n"),
                                "kohi.csv");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(r.diagnostics[0].code, "KM04");
  EXPECT_EQ(r.diagnostics[0].message_ja, "公費受給者番号が未設定です");
  EXPECT_EQ(r.diagnostics[1].message_ja, "保険者番号は数字6桁でなければなりません");
  EXPECT_EQ(r.diagnostics[2].message_ja, "公費給付率は1〜100の整数でなければなりません");
  EXPECT_EQ(r.diagnostics[3].code, "KM09");
  EXPECT_EQ(r.diagnostics[3].line, 4u);
}

}  // namespace
}  // namespace kaigo::master
