// The platform's pure parts: the 個人番号 check digit and the PMH outcome, 包括同意 from a person's
// records, the housing sums (seed 004 §4: 住宅改修費支給限度額（残額） 143,000円), and the tables.
#include <gtest/gtest.h>

#include "kaigo/platform/access.hpp"
#include "kaigo/platform/consent.hpp"
#include "kaigo/platform/housing.hpp"
#include "kaigo/platform/matrix.hpp"
#include "kaigo/platform/pmh.hpp"

namespace kaigo::platform {
namespace {

Record rec(std::int64_t id, const char* kind, const char* record_id, const char* on, const char* data, int version = 1,
           UpdateKind update = UpdateKind::New) {
  Record r;
  r.id = id;
  r.person = {"131013", "9000000001"};
  r.kind = kind;
  r.record_id = record_id;
  r.version = version;
  r.update = update;
  r.effective_on = *Date::parse(on);
  r.data = data;
  return r;
}

Date day(const char* s) { return *Date::parse(s); }

TEST(MyNumber, TheCheckDigitOfTheOrdinance) {
  EXPECT_EQ(my_number_check_digit("12345678901"), '8');
  EXPECT_TRUE(my_number_ok("123456789018"));
  EXPECT_FALSE(my_number_ok("123456789012"));
  EXPECT_FALSE(my_number_ok("12345678901"));
  // A sum with remainder 0 or 1 gives 0: 00000000000 → 0.
  EXPECT_TRUE(my_number_ok("000000000000"));
  EXPECT_EQ(my_number_check_digit("00000000010"), '8');  // P2 = 1, Q2 = 3: the sum 3 gives 11 − 3
}

TEST(Pmh, TheOutcomeOfARow) {
  EXPECT_EQ(link_person("", "1", "salt").error_code, "PL41");
  EXPECT_EQ(link_person("123456789018", "2", "salt").error_code, "PL42");
  EXPECT_EQ(link_person("123456789018", "3", "salt").error_code, "PL42");
  auto a = link_person("123456789018", "1", "salt");
  EXPECT_TRUE(a.linked());
  EXPECT_EQ(a.key.size(), 64u);
  EXPECT_EQ(a.key, link_person("123456789018", "1", "salt").key);
  EXPECT_NE(a.key, link_person("123456789018", "1", "pepper").key);
  EXPECT_EQ(a.key.find("123456789018"), std::string::npos);
}

TEST(ConsentPeriods, FromTheTable) {
  EXPECT_EQ(consent_refusal(day("20260331"), "1"), "consent-before-2026-04");
  EXPECT_EQ(consent_refusal(day("20260331"), "2"), "consent-before-2026-04");
  EXPECT_EQ(consent_refusal(day("20260401"), "2"), "consent-old-form");
  EXPECT_EQ(consent_refusal(day("20260401"), "1"), std::nullopt);
}

TEST(ConsentOn, TheLatestVersionOfEachRecordAndTheOrderOfEvents) {
  std::vector<Record> rs{
      rec(1, "application", "A1", "20260501", R"({"application_kind":"2","consent":"1","form":"1"})"),
      rec(2, "consent", "C1", "20260901", R"({"form":"1","given":"0"})"),
      rec(3, "consent", "C2", "20261001", R"({"form":"1","given":"1","applied_on":"20261001"})"),
  };
  EXPECT_EQ(consent_on(rs, day("20260430")).rule, "consent-none");
  EXPECT_TRUE(consent_on(rs, day("20260501")).in_force);
  EXPECT_EQ(consent_on(rs, day("20260901")).rule, "consent-revoked");
  EXPECT_TRUE(consent_on(rs, day("20261001")).in_force);
  EXPECT_EQ(consent_on(rs, day("20261001")).record, "consent:C2");
  // The revocation deleted: consent stands again from May.
  rs.push_back(rec(4, "consent", "C1", "20260901", R"({"form":"1","given":"0"})", 2, UpdateKind::Delete));
  EXPECT_TRUE(consent_on(rs, day("20260915")).in_force);
  // A renewal with 同意なし ends it; a 新規 after the certification lapses it.
  rs.push_back(rec(5, "application", "A2", "20271101", R"({"application_kind":"2","consent":"0","form":"1"})"));
  EXPECT_EQ(consent_on(rs, day("20271101")).rule, "consent-none");
  std::vector<Record> lapse{rec(1, "application", "A1", "20260501", R"({"application_kind":"1","consent":"1","form":"1"})"),
                            rec(2, "application", "A2", "20280501", R"({"application_kind":"1","consent":"0","form":"1"})")};
  EXPECT_EQ(consent_on(lapse, day("20280501")).rule, "consent-lapsed");
}

// seed 004 §4 住宅改修: 介護給付分 (直近 2024/09/10: 手すりの取付, 床材の変更) and 予防給付分 (直近
// 2024/06/25: 手すりの取付) leave 143,000円 of the 200,000円.
TEST(HousingSummary, TheSeedsScreenLeaves143000Yen) {
  std::vector<Record> rs{
      rec(1, "housing", "H1", "20240625", R"({"benefit":"2","cost":"17000","works":"100000","reset":"0"})"),
      rec(2, "housing", "H2", "20240910", R"({"benefit":"1","cost":"40000","works":"101000","reset":"0"})"),
      rec(3, "equipment", "E1", "20250610", R"({"benefit":"1","item":"4","cost":"25000"})"),
      rec(4, "equipment", "E2", "20250320", R"({"benefit":"1","item":"1","cost":"30000"})"),
  };
  auto s = housing_summary(rs, day("20250701"));
  EXPECT_EQ(s.housing_limit, Yen{200000});
  EXPECT_EQ(s.housing_used, Yen{57000});
  EXPECT_EQ(s.housing_remaining, Yen{143000});
  EXPECT_EQ(s.care.latest_paid_on->str(), "20240910");
  EXPECT_EQ(s.care.works, (std::array<bool, 6>{true, false, true, false, false, false}));
  EXPECT_EQ(s.prevention.latest_paid_on->str(), "20240625");
  EXPECT_EQ(s.prevention.works, (std::array<bool, 6>{true, false, false, false, false, false}));
  EXPECT_EQ(s.fiscal_year, 2025);
  EXPECT_EQ(s.equipment_used, Yen{25000});  // the March purchase was the year before
  EXPECT_EQ(s.equipment_remaining, Yen{75000});
  ASSERT_EQ(s.equipment.size(), 2u);
  EXPECT_EQ(s.equipment[0].purchased_on.str(), "20250610");
  auto j = to_json(s);
  EXPECT_EQ(j["housing"]["care"]["works"], nlohmann::json::array({"手すりの取付", "床材の変更"}));
  EXPECT_EQ(j["equipment"]["history"][0]["item_ja"], "入浴補助用具");
}

TEST(HousingSummary, AMoveStartsTheAllowanceAgain) {
  std::vector<Record> rs{
      rec(1, "housing", "H1", "20240910", R"({"benefit":"1","cost":"190000","works":"100000","reset":"0"})"),
      rec(2, "housing", "H2", "20250910", R"({"benefit":"1","cost":"30000","works":"010000","reset":"1"})"),
  };
  auto s = housing_summary(rs, day("20251001"));
  EXPECT_EQ(s.housing_used, Yen{30000});
  EXPECT_EQ(s.housing_remaining, Yen{170000});
  EXPECT_EQ(s.care.works, (std::array<bool, 6>{false, true, false, false, false, false}));
  EXPECT_EQ(housing_summary(rs, day("20250101")).housing_remaining, Yen{10000});
}

TEST(MatrixTable, EveryCellAndRuleIsThere) {
  for (auto kind : kViewKinds) {
    for (auto v : {Viewer::Person, Viewer::Municipality, Viewer::SupportOffice, Viewer::Facility, Viewer::Office, Viewer::Medical}) {
      const auto& cell = matrix_cell(kind, v, auth::Job::Other);
      EXPECT_EQ(cell.kind, kind);
      EXPECT_EQ(cell.viewer, v);
    }
  }
  EXPECT_EQ(matrix_cell(ViewKind::Survey, Viewer::Medical, auth::Job::Clerk).note, "※3");
  EXPECT_EQ(find_note("※3")->window_days, 30);
  EXPECT_EQ(office_viewer({"11", "52"}), Viewer::Facility);
  EXPECT_EQ(office_viewer({"43", "52"}), Viewer::SupportOffice);
  EXPECT_EQ(office_viewer({"11"}), Viewer::Office);
  for (const char* id : {"cell", "not-a-viewer", "not-the-person", "other-insurer", "no-office", "not-your-office", "unknown-office",
                         "platform-not-started", "not-live", "blank-cell", "job-not-allowed", "cell-not-yet", "no-request",
                         "outside-window", "no-identification", "not-serving", "consent-none", "consent-before-2026-04",
                         "consent-old-form", "consent-revoked", "consent-lapsed"}) {
    EXPECT_NO_THROW(rule(id)) << id;
  }
}

TEST(Serving, UntilTheEndOfTheMonthsAfterTheLaterOfIdentityAndClaims) {
  Identification id{"1370000001", {"131013", "9000000001"}, *LocalDateTime::parse("2026-04-02T10:00:00"), "card", "u"};
  EXPECT_EQ(serving_until(id, std::nullopt, 3).str(), "20260731");
  EXPECT_EQ(serving_until(id, YearMonth{2026, 7}, 3).str(), "20261031");
  EXPECT_EQ(serving_until(id, YearMonth{2026, 1}, 3).str(), "20260731");
  EXPECT_EQ(serving_until(id, YearMonth{2026, 11}, 3).str(), "20270228");
}

}  // namespace
}  // namespace kaigo::platform
