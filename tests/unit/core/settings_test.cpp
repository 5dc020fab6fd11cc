// kokuhoren.toml (DESIGN §3.3): defaults, the hold schedule in force per review month, and every
// kind of bad value refused with the key named.
#include <gtest/gtest.h>

#include "kaigo/core/settings.hpp"

namespace kaigo {
namespace {

TEST(Settings, DesignExampleParses) {
  auto r = parse_settings(R"(name = "○○県国民健康保険団体連合会"
[reception]
deadline_day = 10          # last day of the window
deadline_time = "23:59"
cancel_cutoff = "23:30"
[review]
plan_mismatch = "return"
hold = [ { from = "200004", months = 3 }, { from = "202604", months = 1 } ]
)",
                          "kokuhoren.toml");
  ASSERT_TRUE(r.settings) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.settings->name, "○○県国民健康保険団体連合会");
  EXPECT_EQ(r.settings->reception.deadline_day, 10);
  EXPECT_EQ(r.settings->reception.deadline_time, (ClockTime{23, 59}));
  EXPECT_EQ(r.settings->reception.cancel_cutoff, (ClockTime{23, 30}));
  EXPECT_EQ(r.settings->review.plan_mismatch, PlanMismatch::Return);
  ASSERT_EQ(r.settings->review.hold.size(), 2u);
}

TEST(Settings, HoldScheduleInForcePerReviewMonth) {
  ReviewSettings r;  // defaults: 3 months from 2000-04, 1 month from the 2026-04 review (seed 000 §4)
  EXPECT_EQ(r.hold_months({2026, 3}), 3);
  EXPECT_EQ(r.hold_months({2026, 4}), 1);
  EXPECT_EQ(r.hold_months({2030, 1}), 1);
  EXPECT_EQ(r.hold_months({1999, 12}), std::nullopt);
  // Entries may be given in any order: the latest `from` ≤ R is in force.
  r.hold = {{{2026, 4}, 1}, {{2000, 4}, 3}, {{2010, 1}, 2}};
  EXPECT_EQ(r.hold_months({2009, 12}), 3);
  EXPECT_EQ(r.hold_months({2010, 1}), 2);
  EXPECT_EQ(r.hold_months({2026, 5}), 1);
}

TEST(Settings, EmptyTextKeepsEveryDefault) {
  auto r = parse_settings("", "k.toml");
  ASSERT_TRUE(r.settings);
  EXPECT_EQ(r.settings->reception.deadline_day, 10);
  EXPECT_EQ(r.settings->review.plan_mismatch, PlanMismatch::Cut);
}

struct BadSetting {
  const char* toml;
  const char* code;
  const char* item;
};

class SettingsRefuses : public ::testing::TestWithParam<BadSetting> {};

TEST_P(SettingsRefuses, NamesTheKey) {
  auto r = parse_settings(GetParam().toml, "k.toml");
  EXPECT_FALSE(r.settings);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, GetParam().code);
  EXPECT_EQ(r.diagnostics[0].item_name, GetParam().item);
  EXPECT_EQ(r.diagnostics[0].file, "k.toml");
}

INSTANTIATE_TEST_SUITE_P(
    Values, SettingsRefuses,
    ::testing::Values(BadSetting{"name = ", "KS01", ""},
                      BadSetting{"[reception]\ndeadline_day = 31\n", "KS02", "reception.deadline_day"},
                      BadSetting{"[reception]\ndeadline_time = \"24:00\"\n", "KS02", "reception.deadline_time"},
                      BadSetting{"[reception]\ncancel_cutoff = 2330\n", "KS02", "reception.cancel_cutoff"},
                      BadSetting{"[review]\nplan_mismatch = \"cutt\"\n", "KS02", "review.plan_mismatch"},
                      BadSetting{"[review]\nhold = [ { from = \"2026-04\", months = 1 } ]\n", "KS02",
                                 "review.hold[0].from"},
                      BadSetting{"[review]\nhold = [ { from = \"202604\", months = 0 } ]\n", "KS02",
                                 "review.hold[0].months"},
                      BadSetting{"[review]\nhold = []\n", "KS02", "review.hold"},
                      BadSetting{"reception = 1\n", "KS02", "reception"},
                      BadSetting{"[settlement]\nnegative = \"pay\"\n", "KS02", "settlement.negative"},
                      BadSetting{"[settlement]\nfees = 1\n", "KS02", "settlement.fees"},
                      BadSetting{"[settlement]\nfees = [ { kind = \"stamp\", from = \"20260401\", yen = 1 } ]\n", "KS02",
                                 "settlement.fees[0].kind"},
                      BadSetting{"[settlement]\nfees = [ { kind = \"certificate\", from = \"202604\", yen = 1 } ]\n", "KS02",
                                 "settlement.fees[0].from"},
                      BadSetting{"[settlement]\nfees = [ { kind = \"certificate\", from = \"20260401\", yen = -1 } ]\n",
                                 "KS02", "settlement.fees[0].yen"},
                      BadSetting{"[settlement]\nfees = [ { kind = \"certificate\", from = \"20260401\" } ]\n", "KS02",
                                 "settlement.fees[0]"},
                      BadSetting{"[settlement]\nfees = [ { kind = \"certificate\", from = \"20260401\", yen = 1 },"
                                 " { kind = \"certificate\", from = \"20260401\", yen = 2 } ]\n",
                                 "KS02", "settlement.fees"},
                      BadSetting{"settlement = \"x\"\n", "KS02", "settlement"},
                      BadSetting{"[auth]\nmax_offices = 101\n", "KS02", "auth.max_offices"},
                      BadSetting{"[auth]\npassword_min_length = 7\n", "KS02", "auth.password_min_length"},
                      BadSetting{"[auth]\npassword_mem_kib = 512\n", "KS02", "auth.password_mem_kib"},
                      BadSetting{"[auth]\nmax_failed_logins = 0\n", "KS02", "auth.max_failed_logins"},
                      BadSetting{"[auth]\nsession_idle_minutes = \"30\"\n", "KS02", "auth.session_idle_minutes"},
                      BadSetting{"[auth]\nreset_base_url = \"ftp://x\"\n", "KS02", "auth.reset_base_url"},
                      BadSetting{"[auth]\nmail_relay = \"localhost\"\n", "KS02", "auth.mail_relay"},
                      BadSetting{"[auth]\nmail_relay = \"localhost:99999\"\n", "KS02", "auth.mail_relay"},
                      BadSetting{"[auth]\nmail_relay = \"localhost:25x\"\n", "KS02", "auth.mail_relay"},
                      BadSetting{"[auth]\nmail_from = \"nobody\"\n", "KS02", "auth.mail_from"},
                      BadSetting{"[auth]\nmail_starttls = \"yes\"\n", "KS02", "auth.mail_starttls"},
                      BadSetting{"auth = 3\n", "KS02", "auth"}));

TEST(Settings, SettlementDefaultsAreTheSeedFees) {
  SettlementSettings s;  // seed 000 §3(1): 13,200 円, 7,800 円 from applications of 2026-04-01; seed 001 §7
  EXPECT_EQ(s.negative, NegativePayment::Carry);
  EXPECT_EQ(s.fee(FeeKind::Certificate, {2026, 3, 31}), Yen{13200});
  EXPECT_EQ(s.fee(FeeKind::Certificate, {2026, 4, 1}), Yen{7800});
  EXPECT_EQ(s.fee(FeeKind::CarePlanLicense, {2026, 4, 1}), Yen{21000});
  EXPECT_EQ(s.fee(FeeKind::CarePlanLicense, {2023, 3, 31}), std::nullopt);
  EXPECT_EQ(s.committee, "介護給付費等審査委員会");
}

TEST(Settings, SettlementSectionParses) {
  auto r = parse_settings(R"([settlement]
negative = "bill"
committee = "○○県介護給付費等審査委員会"
message = "査定の内容に疑義がある場合は、再審査の申立てを行ってください。"
fees = [ { kind = "certificate", from = "20260401", yen = 7800 },
         { kind = "certificate", from = "20200401", yen = 13200 },
         { kind = "careplan_license", from = "20230401", yen = 21000 } ]
)",
                          "k.toml");
  ASSERT_TRUE(r.settings) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  EXPECT_TRUE(r.diagnostics.empty());
  const auto& s = r.settings->settlement;
  EXPECT_EQ(s.negative, NegativePayment::Bill);
  EXPECT_EQ(s.committee, "○○県介護給付費等審査委員会");
  EXPECT_EQ(s.message, "査定の内容に疑義がある場合は、再審査の申立てを行ってください。");
  ASSERT_EQ(s.fees.size(), 3u);
  EXPECT_EQ(s.fee(FeeKind::Certificate, {2026, 3, 13}), Yen{13200});
  EXPECT_EQ(s.fee(FeeKind::Certificate, {2026, 4, 1}), Yen{7800});
  EXPECT_EQ(s.fee(FeeKind::Certificate, {2020, 3, 31}), std::nullopt);  // before the first rule given
  EXPECT_EQ(s.fee(FeeKind::CarePlanLicense, {2027, 1, 5}), Yen{21000});
}

TEST(Settings, UnknownKeyIsAWarningNotAFailure) {
  auto r = parse_settings("[reception]\ndeadline_dya = 12\n", "k.toml");
  ASSERT_TRUE(r.settings);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "KS03");
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(r.diagnostics[0].item_name, "reception.deadline_dya");
  EXPECT_EQ(r.settings->reception.deadline_day, 10);
}

TEST(Clock, ParsesIsoLocalTimeInJst) {
  auto t = LocalDateTime::parse("2026-05-10T23:59:59");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->str(), "2026-05-10T23:59:59");
  EXPECT_EQ(LocalDateTime::parse("2026-05-10 23:59")->str(), "2026-05-10T23:59:00");
  EXPECT_EQ(LocalDateTime::parse("2026-05-10T23:59:00+09:00")->str(), "2026-05-10T23:59:00");
  EXPECT_FALSE(LocalDateTime::parse("2026-05-10T23:59:00Z"));  // every rule is in Japan time
  EXPECT_FALSE(LocalDateTime::parse("2026-02-30T10:00"));
  EXPECT_FALSE(LocalDateTime::parse("2026-05-10T24:00"));
  EXPECT_TRUE(t->within_minute({23, 59}));
  EXPECT_FALSE(t->within_minute({23, 58}));
}

TEST(Clock, NowIsAValidJstMoment) {
  auto now = now_jst();
  EXPECT_GE(now.date.year, 2024);
  EXPECT_TRUE(LocalDateTime::parse(now.str()));
}

}  // namespace
}  // namespace kaigo
