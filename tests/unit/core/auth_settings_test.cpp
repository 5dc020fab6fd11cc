// kokuhoren.toml [auth] (docs/auth.md): the defaults, every key read, and an unknown key warned about
// (KS03) — its bad values, refused with the key named (KS02), are rows of settings_test.cpp's table; and
// the seconds arithmetic of core/clock that sessions, lockouts and certificates count with.
#include <gtest/gtest.h>

#include "kaigo/core/settings.hpp"

namespace kaigo {
namespace {

TEST(AuthSettings, DefaultsFollowTheSeedsWhereTheySaySomething) {
  AuthSettings a;
  EXPECT_EQ(a.max_offices, 100);        // seed 001: 代理請求 100 事業所まで
  EXPECT_EQ(a.certificate_days, 1095);  // seed 001: 有効期間3年
  EXPECT_EQ(a.max_failed_logins, 5);    // issue 13
  EXPECT_EQ(a.password_ops, 2);
  EXPECT_EQ(a.password_mem_kib, 32768);
  EXPECT_EQ(a.password_min_length, 12);
  EXPECT_EQ(a.session_idle_minutes, 30);
  EXPECT_EQ(a.session_max_hours, 8);
  EXPECT_EQ(a.reset_minutes, 30);
  EXPECT_EQ(a.mail_relay, "127.0.0.1:25");
}

TEST(AuthSettings, EveryKeyIsRead) {
  auto r = parse_settings(R"([auth]
password_min_length = 14
security_code_min_length = 10
password_ops = 3
password_mem_kib = 65536
max_failed_logins = 3
lock_minutes = 15
session_idle_minutes = 20
session_max_hours = 4
reset_minutes = 10
reset_base_url = "https://kaigo.example.jp/"
mail_relay = "mail.example.jp:587"
mail_from = "noreply@example.jp"
mail_starttls = true
mail_timeout_seconds = 5
certificate_days = 365
ca_days = 3650
server_certificate_days = 90
max_offices = 50
)",
                          "k.toml");
  ASSERT_TRUE(r.settings) << r.diagnostics[0].to_string();
  EXPECT_TRUE(r.diagnostics.empty());
  const auto& a = r.settings->auth;
  EXPECT_EQ(a.password_min_length, 14);
  EXPECT_EQ(a.security_code_min_length, 10);
  EXPECT_EQ(a.password_ops, 3);
  EXPECT_EQ(a.password_mem_kib, 65536);
  EXPECT_EQ(a.max_failed_logins, 3);
  EXPECT_EQ(a.lock_minutes, 15);
  EXPECT_EQ(a.session_idle_minutes, 20);
  EXPECT_EQ(a.session_max_hours, 4);
  EXPECT_EQ(a.reset_minutes, 10);
  EXPECT_EQ(a.reset_base_url, "https://kaigo.example.jp");  // the trailing slash dropped
  EXPECT_EQ(a.mail_relay, "mail.example.jp:587");
  EXPECT_EQ(a.mail_from, "noreply@example.jp");
  EXPECT_TRUE(a.mail_starttls);
  EXPECT_EQ(a.mail_timeout_seconds, 5);
  EXPECT_EQ(a.certificate_days, 365);
  EXPECT_EQ(a.ca_days, 3650);
  EXPECT_EQ(a.server_certificate_days, 90);
  EXPECT_EQ(a.max_offices, 50);
}

TEST(AuthSettings, UnknownKeyIsWarnedAbout) {
  auto r = parse_settings("[auth]\nlockout_minutes = 5\n", "k.toml");
  ASSERT_TRUE(r.settings);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "KS03");
  EXPECT_EQ(r.diagnostics[0].item_name, "auth.lockout_minutes");
}

TEST(ClockSeconds, AcrossDaysMonthsAndYears) {
  auto t = *LocalDateTime::parse("2026-03-31T23:59:30");
  EXPECT_EQ(t.plus_seconds(30).str(), "2026-04-01T00:00:00");
  EXPECT_EQ(t.plus_seconds(-86400).str(), "2026-03-30T23:59:30");
  EXPECT_EQ(LocalDateTime::parse("2028-02-28T12:00:00")->plus_seconds(86400).str(), "2028-02-29T12:00:00");
  EXPECT_EQ(LocalDateTime::parse("1970-01-01T00:00:00")->serial_seconds(), 0);
  EXPECT_EQ(LocalDateTime::parse("1969-12-31T23:59:59")->serial_seconds(), -1);
  EXPECT_EQ(LocalDateTime::from_serial_seconds(-1).str(), "1969-12-31T23:59:59");
  EXPECT_EQ(LocalDateTime::parse("2026-04-01T09:00:00")->unix_time(), 1775001600);  // 00:00 UTC
}

}  // namespace
}  // namespace kaigo
