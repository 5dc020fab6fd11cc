// Ledgers (offices, insurers, recipients) and services.csv: effective-dated lookups, and the strict
// all-or-nothing loading with the exact Diagnostic (file, line, item, message) for each defect.
#include <gtest/gtest.h>

#include "kaigo/master/masters.hpp"
#include "unit/master/shared_data.hpp"

namespace kaigo::master {
namespace {

const ServiceTypeMaster& types() {
  static const ServiceTypeMaster t = load_bundled_masters().table->service_types;
  return t;
}

constexpr std::string_view kOfficeHeader =
    "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,"
    "address,owner_name,bank_name,bank_branch\n";
constexpr std::string_view kRecipientHeader =
    "insurer_no,insured_no,name_kana,birth_date,sex,care_level,cert_from,cert_to,change_pending,benefit_rate,"
    "limit_units,plan_kind,support_office_no,valid_from,valid_to\n";
constexpr std::string_view kServicesHeader =
    "service_type,item_code,name,units,unit_kind,limit_target,valid_from,valid_to\n";

std::string offices(std::string_view rows) { return std::string(kOfficeHeader) + std::string(rows); }
std::string recipients(std::string_view rows) { return std::string(kRecipientHeader) + std::string(rows); }

TEST(MasterLedgers, OfficeLookupByTypeAndMonth) {
  auto r = load_offices(offices("1210000001,11,ちばヘルパー,1,20200401,20260630,3,121002,260-0001,千葉市,法人,銀行,支店\n"
                                "1210000001,11,ちばヘルパー,1,20260701,,3,121002,260-0001,千葉市,法人,銀行,支店\n"
                                "1210000001,13,ちば訪看,1,20200401,,3,121002,,,,,\n"),
                        "offices.csv", &types());
  ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  const auto& l = *r.table;
  EXPECT_EQ(l.size(), 3u);
  EXPECT_EQ(l.find("1210000001", "11", {2026, 6})->line, 2u);
  EXPECT_EQ(l.find("1210000001", "11", {2026, 7})->line, 3u);
  EXPECT_EQ(l.find("1210000001", "13", {2026, 7})->region_class, 3);
  EXPECT_EQ(l.find("1210000001", "15", {2026, 7}), nullptr);
  EXPECT_NE(l.find_any("1210000001", {2026, 7}), nullptr);
  EXPECT_EQ(l.find_any("1210000001", {2019, 1}), nullptr);
  EXPECT_EQ(l.find_any("9999999999", {2026, 7}), nullptr);
  EXPECT_TRUE(l.known("1210000001"));  // registered, even though not in 2019-01
  EXPECT_FALSE(l.known("9999999999"));
}

TEST(MasterLedgers, InsurerLookupAcceptsEightDigitNumber) {
  auto r = load_insurers("insurer_no,name,valid_from,valid_to\n122283,四街道市,20000401,\n", "insurers.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.table->find("122283", {2026, 6}), nullptr);
  EXPECT_NE(r.table->find("00122283", {2026, 6}), nullptr);
  EXPECT_EQ(r.table->find("122283", {1999, 6}), nullptr);
  EXPECT_TRUE(r.table->known("122283"));
  EXPECT_FALSE(r.table->known("122284"));
}

TEST(MasterLedgers, RecipientVersionsByDayAndMonth) {
  auto r = load_recipients(
      recipients("122283,0000000001,ﾔﾏﾀﾞ ﾀﾛｳ,19400101,1,21,20250401,20270331,0,90,,1,1210000009,20250401,20260614\n"
                 "122283,0000000001,ﾔﾏﾀﾞ ﾀﾛｳ,19400101,1,23,20260615,20280331,0,90,,1,1210000009,20260615,\n"
                 "122283,H000000002,ｽｽﾞｷ ﾊﾅ,19500505,2,12,20260101,20261231,,,,4,,20260101,\n"),
      "recipients.csv");
  ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  const auto& l = *r.table;
  EXPECT_EQ(l.people(), 2u);
  EXPECT_EQ(l.at("122283", "0000000001", {2026, 6, 14})->care_level, "21");
  EXPECT_EQ(l.at("00122283", "0000000001", {2026, 6, 15})->care_level, "23");
  auto june = l.in_month("122283", "0000000001", {2026, 6});
  ASSERT_EQ(june.size(), 2u);
  EXPECT_EQ(june[0]->care_level, "21");
  EXPECT_EQ(june[1]->care_level, "23");
  const auto* h = l.at("122283", "H000000002", {2026, 6, 1});
  ASSERT_NE(h, nullptr);
  EXPECT_FALSE(h->benefit_rate.has_value());
  EXPECT_EQ(h->plan_kind, 4);
  EXPECT_EQ(l.at("122283", "0000000003", {2026, 6, 1}), nullptr);
}

// The 負担限度額認定 段階 (optional column burden_stage): absent = the ledger says nothing; empty = no 認定.
TEST(MasterLedgers, RecipientBurdenStageIsKnownOnlyWithItsColumn) {
  auto without = load_recipients(
      recipients("122283,0000000001,ﾔﾏﾀﾞ,19400101,1,21,20250401,20270331,0,90,,1,1210000009,20250401,\n"), "recipients.csv");
  ASSERT_TRUE(without.ok());
  EXPECT_FALSE(without.table->at("122283", "0000000001", {2026, 6, 1})->burden_stage.has_value());
  std::string header(kRecipientHeader);
  header.insert(header.size() - 1, ",burden_stage");
  auto with = load_recipients(header + "122283,0000000001,ﾔﾏﾀﾞ,19400101,1,21,20250401,20270331,0,90,,1,1210000009,20250401,,3a\n"
                                       "122283,0000000002,ｽｽﾞｷ,19400101,1,21,20250401,20270331,0,90,,1,1210000009,20250401,,\n",
                              "recipients.csv");
  ASSERT_TRUE(with.ok()) << with.diagnostics[0].to_string();
  EXPECT_EQ(with.table->at("122283", "0000000001", {2026, 6, 1})->burden_stage, "3a");
  EXPECT_EQ(with.table->at("122283", "0000000002", {2026, 6, 1})->burden_stage, "");
  auto bad = load_recipients(header + "122283,0000000001,ﾔﾏﾀﾞ,19400101,1,21,20250401,20270331,0,90,,1,1210000009,20250401,,4\n",
                             "recipients.csv");
  EXPECT_FALSE(bad.ok());
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].code, "KM07");
  EXPECT_EQ(bad.diagnostics[0].item_no, 16);
  EXPECT_EQ(bad.diagnostics[0].item_name, "負担限度額段階");
  EXPECT_EQ(bad.diagnostics[0].message_ja, "負担限度額段階のコードが不正です（1 2 3a 3b）");
}

// ---- strict loading: each defect → one exact Diagnostic, nothing loaded -------------------------

using testing::expect_single;

TEST(MasterLoader, OverlappingRecipientVersionsAreRefused) {
  auto r = load_recipients(
      recipients("122283,0000000001,ﾔﾏﾀﾞ,19400101,1,21,20250401,20270331,0,90,,1,1210000009,20250401,20260630\n"
                 "122283,0000000002,ｽｽﾞｷ,19400101,1,22,20250401,20270331,0,90,,1,1210000009,20250401,\n"
                 "122283,0000000001,ﾔﾏﾀﾞ,19400101,1,23,20260615,20280331,0,90,,1,1210000009,20260615,\n"),
      "recipients.csv");
  EXPECT_FALSE(r.ok());
  expect_single(r.diagnostics, "KM08", 4, 14, "有効期間開始", "122283 0000000001",
                "同じキー（122283 0000000001）の有効期間が2行目（20250401〜20260630）と重複しています");
  EXPECT_EQ(r.diagnostics[0].file, "recipients.csv");
}

TEST(MasterLoader, UnknownCareLevelIsRefused) {
  auto r = load_recipients(
      recipients("122283,0000000001,ﾔﾏﾀﾞ,19400101,1,21,20250401,20270331,0,90,,1,1210000009,20250401,\n"
                 "122283,0000000002,ｽｽﾞｷ,19400101,2,26,20250401,20270331,0,90,,1,1210000009,20250401,\n"),
      "recipients.csv");
  EXPECT_FALSE(r.ok());
  expect_single(r.diagnostics, "KM07", 3, 6, "要介護状態区分コード", "26",
                "要介護状態区分コードが不正です（01 06 11 12 13 21〜25）");
  EXPECT_NE(r.diagnostics[0].message_en.find("care_level"), std::string::npos);
}

TEST(MasterLoader, BadDateIsRefused) {
  auto r = load_recipients(
      recipients("122283,0000000001,ﾔﾏﾀﾞ,19400231,1,21,20250401,20270331,0,90,,1,1210000009,20250401,\n"),
      "recipients.csv");
  EXPECT_FALSE(r.ok());
  expect_single(r.diagnostics, "KM06", 2, 4, "生年月日", "19400231", "生年月日が日付(YYYYMMDD)として不正です");
}

TEST(MasterLoader, WrongColumnCountIsRefused) {
  auto r = load_offices(offices("1210000001,11,ちばヘルパー,1,20200401,,3,121002,,,,,\n"
                                "1210000002,11,ちばヘルパー2,1,20200401,,3,121002,,,,\n"),
                        "offices.csv", &types());
  EXPECT_FALSE(r.ok());
  expect_single(r.diagnostics, "KM03", 3, 0, "", "12", "列数が12です（13列であるべきです）");
}

TEST(MasterLoader, UnknownServiceTypeInOfficesIsRefused) {
  auto r = load_offices(offices("1210000001,99,ちばヘルパー,1,20200401,,3,121002,,,,,\n"), "offices.csv", &types());
  EXPECT_FALSE(r.ok());
  expect_single(r.diagnostics, "KM07", 2, 2, "サービス種類コード", "99",
                "サービス種類コードがサービス種類マスタにありません");
}

TEST(MasterLoader, ValidToBeforeValidFromIsRefused) {
  auto r = load_insurers("insurer_no,name,valid_from,valid_to\n122283,四街道市,20200401,20200331\n", "insurers.csv");
  EXPECT_FALSE(r.ok());
  expect_single(r.diagnostics, "KM09", 2, 4, "有効期間終了", "20200331", "有効期間の終了日が開始日より前です");
}

TEST(MasterLoader, WrongHeaderIsRefused) {
  auto r = load_insurers("insurer,name,valid_from,valid_to\n122283,四街道市,20200401,\n", "insurers.csv");
  EXPECT_FALSE(r.ok());
  expect_single(r.diagnostics, "KM02", 1, 1, "保険者番号(insurer_no)", "insurer",
                "ヘッダー行の1列目は「insurer_no」でなければなりません");
}

TEST(MasterLoader, EveryBadRowIsReportedAndNothingLoaded) {
  auto r = load_insurers("insurer_no,name,valid_from,valid_to\n12228,四街道市,20200401,\n"
                         "122283,,20200401,\n122284,市,2020-04-01,\n",
                         "insurers.csv");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 3u);
  EXPECT_EQ(r.diagnostics[0].code, "KM07");
  EXPECT_EQ(r.diagnostics[0].message_ja, "保険者番号は数字6桁でなければなりません");
  EXPECT_EQ(r.diagnostics[1].code, "KM04");
  EXPECT_EQ(r.diagnostics[1].line, 3u);
  EXPECT_EQ(r.diagnostics[1].message_ja, "保険者名が未設定です");
  EXPECT_EQ(r.diagnostics[2].code, "KM06");
  EXPECT_EQ(r.diagnostics[2].line, 4u);
}

TEST(MasterLoader, ServicesCsvStrictness) {
  std::string good = std::string(kServicesHeader) + "11,1111,身体介護１,244,1,1,20240401,\n";
  auto ok = load_service_codes(good, "services.csv", &types());
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.table->find("111111", {2026, 6})->units, Units{244});

  auto overlap = load_service_codes(good + "11,1111,身体介護１,250,1,1,20240101,20240401\n", "services.csv", &types());
  EXPECT_FALSE(overlap.ok());
  expect_single(overlap.diagnostics, "KM08", 3, 7, "有効期間開始", "111111",
                "同じキー（111111）の有効期間が2行目（20240401〜）と重複しています");

  auto kind = load_service_codes(std::string(kServicesHeader) + "11,1111,身体介護１,244,4,1,20240401,\n",
                                 "services.csv", &types());
  EXPECT_FALSE(kind.ok());
  expect_single(kind.diagnostics, "KM07", 2, 5, "算定単位", "4", "算定単位のコードが不正です（1 2 3）");

  auto quoted = load_service_codes(std::string(kServicesHeader) + "\"11\",\"1111\",\"身体介護１, 夜\",244,1,1,20240401,\n",
                                   "services.csv", &types());
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(quoted.table->find("111111", {2026, 6})->name, "身体介護１, 夜");

  auto unknown_column = load_service_codes(
      "service_type,item_code,name,units,unit_kind,limit_target,valid_from,valid_to,colour\n", "services.csv", &types());
  EXPECT_FALSE(unknown_column.ok());
  EXPECT_EQ(unknown_column.diagnostics[0].code, "KM02");
}

}  // namespace
}  // namespace kaigo::master

namespace kaigo::master {
namespace {

TEST(MasterLedgers, ZeroMeansNotSetInOptionalRecipientNumerics) {
  auto r = load_recipients(
      std::string(kRecipientHeader) + "122283,0000000001,ﾔﾏﾀﾞ,19400101,1,21,20250401,20270331,0,90,0,0,0,20250401,\n",
      "recipients.csv");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].to_string();
  const auto* p = r.table->at("122283", "0000000001", {2026, 6, 1});
  EXPECT_FALSE(p->limit_units.has_value());
  EXPECT_FALSE(p->plan_kind.has_value());
  EXPECT_TRUE(p->support_office_no.empty());
}

}  // namespace
}  // namespace kaigo::master
