// Reset by security e-mail (seed 000 §3(2)) through a real SMTP hand-off: libcurl to the tests'
// SMTP sink on 127.0.0.1. The mail carries a one-time link; the link sets the new password once,
// before it expires; a request that does not match an account mails nothing; security codes and
// user-ID reminders go the same way.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <regex>

#include "kaigo/auth/mail.hpp"
#include "support/auth_support.hpp"
#include "support/smtp_sink.hpp"

namespace kaigo::testing {
namespace {

using auth::LoginStatus;
using auth::ResetPurpose;

constexpr const char* kResetPassword = "correct horse battery";

struct MailWorld : AuthWorld {
  SmtpSink sink{SmtpSink::Limits{20, 1 << 20, std::chrono::seconds(30), std::chrono::seconds(5)}};
  std::unique_ptr<auth::SmtpMailer> mailer;
  MailWorld() {
    settings.auth.mail_relay = "127.0.0.1:" + std::to_string(sink.port());
    settings.auth.mail_from = "kaigo@kokuhoren.example";
    settings.auth.reset_base_url = "https://127.0.0.1:8443";
    mailer = std::make_unique<auth::SmtpMailer>(settings.auth);
    add_office_user("KJ1370000001", "1370000001", kResetPassword, "Office@Example.JP");
  }
  auth::Caller visitor(const char* at) { return {"", "198.51.100.7", jst(at)}; }
  // The token of the link in the n-th mail.
  std::string token_in(std::size_t n) {
    EXPECT_TRUE(sink.wait_for(n + 1, std::chrono::seconds(5)));
    auto body = mail_body(sink.messages().at(n).data);
    std::smatch m;
    std::regex link("https://127\\.0\\.0\\.1:8443/reset#token=([A-Za-z0-9_-]{43})\r?\n");
    EXPECT_TRUE(std::regex_search(body, m, link)) << body;
    return m.size() > 1 ? m[1].str() : std::string();
  }
};

TEST(AuthReset, TheMailedLinkSetsANewPasswordOnce) {
  MailWorld w;
  auto acc = w.accounts(w.mailer.get());
  auto sent =
      acc.request_reset("KJ1370000001", "office@example.jp", ResetPurpose::Password, w.visitor("2026-04-01T10:00:00"));
  EXPECT_TRUE(sent.mailed);
  EXPECT_FALSE(sent.error);
  ASSERT_TRUE(w.sink.wait_for(1, std::chrono::seconds(5)));
  const auto mail = w.sink.messages()[0];
  EXPECT_EQ(mail.from, "kaigo@kokuhoren.example");
  EXPECT_EQ(mail.to, std::vector<std::string>{"office@example.jp"});
  EXPECT_NE(mail.data.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(mail.data.find("Date: Wed, 01 Apr 2026 10:00:00 +0900\r\n"), std::string::npos);
  const auto body = mail_body(mail.data);
  EXPECT_NE(body.find("ユーザID KJ1370000001 のパスワードの再設定を受け付けました。"), std::string::npos) << body;
  EXPECT_NE(body.find("30 分以内（2026-04-01T10:30:00 まで）"), std::string::npos) << body;
  EXPECT_NE(body.find("模擬県国民健康保険団体連合会"), std::string::npos);
  const auto token = w.token_in(0);

  // A password the policy refuses leaves the link usable.
  auto weak = acc.complete_reset(token, "short", w.visitor("2026-04-01T10:05:00"));
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_EQ(weak[0].code, "KA10");
  EXPECT_TRUE(acc.complete_reset(token, "a new secret phrase", w.visitor("2026-04-01T10:06:00")).empty());
  auto again = acc.complete_reset(token, "another new secret", w.visitor("2026-04-01T10:07:00"));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].code, "KA30");

  EXPECT_EQ(acc.login("KJ1370000001", kResetPassword, jst("2026-04-01T10:08:00"), "x").status, LoginStatus::Wrong);
  EXPECT_EQ(acc.login("KJ1370000001", "a new secret phrase", jst("2026-04-01T10:08:00"), "x").status, LoginStatus::Ok);
  EXPECT_EQ(w.audit_count("reset_request"), 1);
  EXPECT_EQ(w.audit_count("reset_done"), 1);
}

TEST(AuthReset, TheLinkExpiresAndAnEarlierLinkIsReplaced) {
  MailWorld w;
  auto acc = w.accounts(w.mailer.get());
  acc.request_reset("KJ1370000001", "office@example.jp", ResetPurpose::Password, w.visitor("2026-04-01T10:00:00"));
  auto first = w.token_in(0);
  acc.request_reset("KJ1370000001", "office@example.jp", ResetPurpose::Password, w.visitor("2026-04-01T10:01:00"));
  auto second = w.token_in(1);
  EXPECT_NE(first, second);
  EXPECT_EQ(acc.complete_reset(first, "a new secret phrase", w.visitor("2026-04-01T10:02:00"))[0].code, "KA30");
  EXPECT_EQ(acc.complete_reset(second, "a new secret phrase", w.visitor("2026-04-01T10:31:00"))[0].code, "KA30");
  EXPECT_EQ(acc.complete_reset("", "a new secret phrase", w.visitor("2026-04-01T10:02:00"))[0].code, "KA30");
}

TEST(AuthReset, AResetEndsALockoutAndEverySession) {
  MailWorld w;
  auto acc = w.accounts(w.mailer.get());
  auto session = acc.login("KJ1370000001", kResetPassword, jst("2026-04-01T09:59:00"), "x");
  for (int i = 0; i < 5; ++i) acc.login("KJ1370000001", "wrong password!", jst("2026-04-01T10:00:00"), "x");
  ASSERT_EQ(acc.login("KJ1370000001", kResetPassword, jst("2026-04-01T10:00:00"), "x").status, LoginStatus::Locked);
  acc.request_reset("KJ1370000001", "office@example.jp", ResetPurpose::Password, w.visitor("2026-04-01T10:00:00"));
  ASSERT_TRUE(acc.complete_reset(w.token_in(0), "a new secret phrase", w.visitor("2026-04-01T10:02:00")).empty());
  EXPECT_FALSE(acc.session(session.token, jst("2026-04-01T10:03:00")));
  EXPECT_EQ(acc.login("KJ1370000001", "a new secret phrase", jst("2026-04-01T10:03:00"), "x").status, LoginStatus::Ok);
}

TEST(AuthReset, NoMailUnlessTheIdAndItsSecurityEmailMatch) {
  MailWorld w;
  w.add_office_user("KJ1370000002", "1370000002", kResetPassword);  // no security e-mail
  auto acc = w.accounts(w.mailer.get());
  const auto at = w.visitor("2026-04-01T10:00:00");
  EXPECT_FALSE(acc.request_reset("KJ1370000001", "someone@example.jp", ResetPurpose::Password, at).mailed);
  EXPECT_FALSE(acc.request_reset("KJ9999999999", "office@example.jp", ResetPurpose::Password, at).mailed);
  EXPECT_FALSE(acc.request_reset("KJ1370000002", "", ResetPurpose::Password, at).mailed);
  EXPECT_FALSE(w.sink.wait_for(1, std::chrono::milliseconds(300)));
  std::vector<std::string> reasons;
  for (const auto& row : w.audit_rows("reset_request")) reasons.push_back(row.target + " " + row.detail);
  EXPECT_EQ(reasons, (std::vector<std::string>{
                         "KJ1370000001 {\"mailed\":false,\"purpose\":\"password\",\"reason\":\"email_mismatch\"}",
                         "KJ9999999999 {\"mailed\":false,\"purpose\":\"password\",\"reason\":\"unknown_user\"}",
                         "KJ1370000002 {\"mailed\":false,\"purpose\":\"password\",\"reason\":\"no_security_email\"}"}));
}

TEST(AuthReset, SecurityCodeIsResetTheSameWay) {
  MailWorld w;
  auto acc = w.accounts(w.mailer.get());
  ASSERT_TRUE(acc.set_security_code("KJ1370000001", "old code 1234", operator_at("2026-04-01T09:00:00")).empty());
  EXPECT_TRUE(acc.security_code_matches("KJ1370000001", "old code 1234"));
  acc.request_reset("KJ1370000001", "office@example.jp", ResetPurpose::SecurityCode, w.visitor("2026-04-01T10:00:00"));
  ASSERT_TRUE(w.sink.wait_for(1, std::chrono::seconds(5)));
  EXPECT_NE(mail_body(w.sink.messages()[0].data).find("セキュリティコードの再設定"), std::string::npos);
  auto refused = acc.complete_reset(w.token_in(0), "abc", w.visitor("2026-04-01T10:01:00"));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].message_en, "the security code must have at least 8 characters");
  EXPECT_TRUE(acc.complete_reset(w.token_in(0), "new code 5678", w.visitor("2026-04-01T10:02:00")).empty());
  EXPECT_TRUE(acc.security_code_matches("KJ1370000001", "new code 5678"));
  EXPECT_FALSE(acc.security_code_matches("KJ1370000001", "old code 1234"));
  // The password is unchanged.
  EXPECT_EQ(acc.login("KJ1370000001", kResetPassword, jst("2026-04-01T10:03:00"), "x").status, LoginStatus::Ok);
}

TEST(AuthReset, UserIdReminderListsTheIdsOfTheAddress) {
  MailWorld w;
  w.add_office_user("KJ1370000009", "1370000009", kResetPassword, "office@example.jp");
  auto acc = w.accounts(w.mailer.get());
  EXPECT_TRUE(acc.remind_user_ids("OFFICE@example.jp", w.visitor("2026-04-01T10:00:00")).mailed);
  EXPECT_FALSE(acc.remind_user_ids("nobody@example.jp", w.visitor("2026-04-01T10:00:00")).mailed);
  ASSERT_TRUE(w.sink.wait_for(1, std::chrono::seconds(5)));
  auto body = mail_body(w.sink.messages()[0].data);
  EXPECT_NE(body.find("  KJ1370000001\r\n  KJ1370000009\r\n"), std::string::npos) << body;
  EXPECT_EQ(w.sink.messages().size(), 1u);
}

TEST(AuthReset, AnUnreachableRelayIsReportedNotHidden) {
  MailWorld w;
  int port = 0;
  {
    SmtpSink gone;  // a port that was free a moment ago and is closed now
    port = gone.port();
  }
  w.settings.auth.mail_relay = "127.0.0.1:" + std::to_string(port);
  w.settings.auth.mail_timeout_seconds = 2;
  auth::SmtpMailer mailer(w.settings.auth);
  auto acc = w.accounts(&mailer);
  auto r =
      acc.request_reset("KJ1370000001", "office@example.jp", ResetPurpose::Password, w.visitor("2026-04-01T10:00:00"));
  EXPECT_FALSE(r.mailed);
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->find("relay 127.0.0.1:" + std::to_string(port)), std::string::npos) << *r.error;
  std::vector<std::string> details;
  for (const auto& row : w.audit_rows("reset_request")) details.push_back(row.detail);
  ASSERT_EQ(details.size(), 2u);
  EXPECT_EQ(details[1], "{\"mailed\":false,\"reason\":\"relay_failed\"}");
}

TEST(AuthMail, MimeTextHasEncodedSubjectAndBase64Body) {
  auth::MailMessage m{"a@example.jp", "b@example.jp",
                      "パスワードの再設定のお知らせです。長い件名は折り返されます / Reset", "一行目\n2 line\n",
                      jst("2026-04-05T23:59:59")};
  auto text = auth::mime_text(m, "id@kaigo");
  EXPECT_NE(text.find("Date: Sun, 05 Apr 2026 23:59:59 +0900\r\n"), std::string::npos);
  EXPECT_NE(text.find("From: <a@example.jp>\r\nTo: <b@example.jp>\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n =?UTF-8?B?"), std::string::npos);  // folded
  EXPECT_EQ(mail_body(text), "一行目\r\n2 line\r\n");
  m.to = "b@example.jp\r\nBcc: c@example.jp";
  EXPECT_THROW(auth::mime_text(m, "id@kaigo"), auth::MailError);
}

}  // namespace
}  // namespace kaigo::testing

namespace kaigo::testing {
namespace {

// The sink as a program (for scripts around kaigo serve): it prints its port, writes each mail to
// DIR/NNNN.eml with mode 0600, and exits by itself after --max messages.
TEST(AuthMail, SmtpSinkProgramWritesEachMailAndStops) {
  TempDir dir;
  const auto cmd = std::string(KAIGO_SMTP_SINK) + " --dir " + (dir / "mail").string() + " --max 1 --lifetime 20";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char line[32] = {};
  ASSERT_NE(std::fgets(line, sizeof line, p), nullptr);
  AuthSettings s;
  s.mail_relay = std::string("127.0.0.1:") + std::to_string(std::atoi(line));
  s.mail_from = "kaigo@kokuhoren.example";
  auth::SmtpMailer mailer(s);
  mailer.send({"kaigo@kokuhoren.example", "office@example.jp", "件名 / subject", "本文\n", jst("2026-04-01T10:00:00")});
  EXPECT_EQ(::pclose(p), 0);  // exited after one message
  const auto file = dir / "mail" / "0001.eml";
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const auto text = read_file(file);
  EXPECT_EQ(text.find("X-Envelope-From: kaigo@kokuhoren.example\r\nX-Envelope-To: office@example.jp\r\n"), 0u);
  EXPECT_EQ(mail_body(text.substr(text.find("Date:"))), "本文\r\n");
}

}  // namespace
}  // namespace kaigo::testing
