// auth/accounts over the SQLite store: login and its refusals (401-like wrong, 423-like locked with
// the time), the lockout after 5 failures and its end, the administrator's lock, sessions with
// idle and absolute expiry and a CSRF token, logout, password changes ending sessions — each with
// its audit row — and no token or password anywhere in the database file.
#include <gtest/gtest.h>

#include <thread>

#include "kaigo/auth/secrets.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/auth_support.hpp"

namespace kaigo::testing {
namespace {

using auth::LoginStatus;

constexpr const char* kAccountPassword = "correct horse battery";

struct Office : AuthWorld {
  Office() { add_office_user("KJ1370000001", "1370000001", kAccountPassword, "office@example.jp"); }
  auth::LoginResult login(const char* password, const char* at) {
    return accounts().login("KJ1370000001", password, jst(at), "192.0.2.10");
  }
};

TEST(AuthLogin, RightPasswordGivesASessionWithTheUserAndACsrfToken) {
  Office w;
  auto r = w.login(kAccountPassword, "2026-04-01T10:00:00");
  ASSERT_EQ(r.status, LoginStatus::Ok);
  EXPECT_EQ(r.token.size(), 43u);
  ASSERT_TRUE(r.session);
  EXPECT_EQ(r.session->user.id, "KJ1370000001");
  EXPECT_EQ(r.session->expires_at, jst("2026-04-01T10:30:00"));  // idle 30 minutes

  auto s = w.accounts().session(r.token, jst("2026-04-01T10:05:00"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user.role, auth::Role::Office);
  EXPECT_EQ(s->user.offices, std::vector<std::string>{"1370000001"});
  EXPECT_TRUE(s->user.acts_for_office("1370000001"));
  EXPECT_FALSE(s->user.acts_for_office("1370000002"));
  EXPECT_EQ(s->csrf_token, r.session->csrf_token);
  EXPECT_EQ(s->csrf_token.size(), 43u);
  EXPECT_TRUE(auth::Accounts::csrf_ok(*s, r.session->csrf_token));
  EXPECT_FALSE(auth::Accounts::csrf_ok(*s, r.session->csrf_token.substr(1) + "A"));
  EXPECT_FALSE(auth::Accounts::csrf_ok(*s, ""));
  EXPECT_FALSE(w.accounts().session(r.token + "x", jst("2026-04-01T10:05:00")));
  EXPECT_FALSE(w.accounts().session("", jst("2026-04-01T10:05:00")));

  const auto logins = w.audit_rows("login");
  ASSERT_FALSE(logins.empty());
  const auto& login = logins.front();
  EXPECT_EQ(login.actor, "KJ1370000001");
  EXPECT_EQ(login.source, "192.0.2.10");
  EXPECT_EQ(login.at, jst("2026-04-01T10:00:00"));
  EXPECT_EQ(login.detail, "{\"session\":\"" + s->session_id + "\"}");
}

TEST(AuthLogin, WrongPasswordAndUnknownUserAnswerTheSame) {
  Office w;
  auto wrong = w.login("not the password", "2026-04-01T10:00:00");
  auto unknown = w.accounts().login("KJ9999999999", kAccountPassword, jst("2026-04-01T10:00:00"), "192.0.2.10");
  for (const auto& r : {wrong, unknown}) {
    EXPECT_EQ(r.status, LoginStatus::Wrong);
    EXPECT_TRUE(r.token.empty());
    ASSERT_TRUE(r.refusal);
    EXPECT_EQ(r.refusal->code, "KA20");
    EXPECT_EQ(r.refusal->message_en, "the user ID or the password is wrong");
  }
  std::vector<std::string> details;
  for (const auto& row : w.audit_rows("login_failed")) details.push_back(row.actor + " " + row.detail);
  EXPECT_EQ(details, (std::vector<std::string>{"KJ1370000001 {\"failures\":1,\"reason\":\"wrong_password\"}",
                                               "KJ9999999999 {\"reason\":\"unknown_user\"}"}));
}

TEST(AuthLogin, FiveFailuresLockForThirtyMinutesThenTheRightPasswordWorks) {
  Office w;
  for (int i = 1; i <= 4; ++i) {
    auto r = w.login("wrong password!", "2026-04-01T10:00:00");
    EXPECT_EQ(r.status, LoginStatus::Wrong) << i;
  }
  auto fifth = w.login("wrong password!", "2026-04-01T10:01:00");
  ASSERT_EQ(fifth.status, LoginStatus::Locked);
  EXPECT_EQ(fifth.locked_until, jst("2026-04-01T10:31:00"));
  EXPECT_EQ(fifth.refusal->code, "KA21");
  EXPECT_EQ(fifth.refusal->message_en, "locked after repeated failed logins until 2026-04-01T10:31:00");
  EXPECT_EQ(fifth.refusal->rule, "[auth] max_failed_logins = 5");

  auto locked = w.login(kAccountPassword, "2026-04-01T10:30:59");  // the right password, still locked
  EXPECT_EQ(locked.status, LoginStatus::Locked);
  EXPECT_EQ(locked.locked_until, jst("2026-04-01T10:31:00"));
  EXPECT_TRUE(locked.token.empty());

  auto after = w.login(kAccountPassword, "2026-04-01T10:31:00");
  EXPECT_EQ(after.status, LoginStatus::Ok);
  auto account = w.store->account("KJ1370000001");
  EXPECT_EQ(account->failed_logins, 0);
  EXPECT_FALSE(account->locked_until);
  EXPECT_EQ(w.audit_count("locked_out"), 1);
  EXPECT_EQ(w.audit_count("login_failed"), 5);  // 4 wrong + 1 while locked
  EXPECT_EQ(w.audit_count("login"), 1);
}

TEST(AuthLogin, ASuccessResetsTheCount) {
  Office w;
  for (int i = 0; i < 4; ++i) w.login("wrong password!", "2026-04-01T10:00:00");
  EXPECT_EQ(w.login(kAccountPassword, "2026-04-01T10:00:00").status, LoginStatus::Ok);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(w.login("wrong password!", "2026-04-01T10:00:00").status, LoginStatus::Wrong);
}

TEST(AuthLogin, AdministratorLockRefusesAndEndsSessionsUntilUnlock) {
  Office w;
  auto r = w.login(kAccountPassword, "2026-04-01T10:00:00");
  ASSERT_EQ(r.status, LoginStatus::Ok);
  EXPECT_TRUE(w.accounts().lock("KJ1370000001", operator_at("2026-04-01T10:01:00")).empty());
  EXPECT_FALSE(w.accounts().session(r.token, jst("2026-04-01T10:02:00")));
  auto refused = w.login(kAccountPassword, "2026-04-01T10:03:00");
  EXPECT_EQ(refused.status, LoginStatus::Locked);
  EXPECT_FALSE(refused.locked_until);
  EXPECT_EQ(refused.refusal->code, "KA22");
  EXPECT_TRUE(w.accounts().unlock("KJ1370000001", operator_at("2026-04-01T10:04:00")).empty());
  EXPECT_EQ(w.login(kAccountPassword, "2026-04-01T10:05:00").status, LoginStatus::Ok);
  EXPECT_EQ(w.accounts().lock("KJ0000000000", operator_at("2026-04-01T10:06:00"))[0].code, "KA06");
}

TEST(AuthSessions, IdleAndAbsoluteExpiry) {
  Office w;
  auto r = w.login(kAccountPassword, "2026-04-01T09:00:00");
  auto acc = w.accounts();
  // Each request within 30 minutes of the last keeps it alive …
  for (const char* at : {"2026-04-01T09:29:59", "2026-04-01T09:59:00", "2026-04-01T10:28:00"}) {
    EXPECT_TRUE(acc.session(r.token, jst(at))) << at;
  }
  // … 30 minutes without one ends it.
  EXPECT_FALSE(acc.session(r.token, jst("2026-04-01T10:58:00")));
  EXPECT_FALSE(acc.session(r.token, jst("2026-04-01T10:58:01")));  // and it is gone

  // However active, a session ends 8 hours after login.
  auto s = w.login(kAccountPassword, "2026-04-01T09:00:00");
  for (int minutes = 20; minutes < 8 * 60; minutes += 20) {
    auto at = jst("2026-04-01T09:00:00").plus_seconds(minutes * 60);
    ASSERT_TRUE(acc.session(s.token, at)) << at.str();
  }
  auto last = acc.session(s.token, jst("2026-04-01T16:50:00"));
  ASSERT_TRUE(last);
  EXPECT_EQ(last->expires_at, jst("2026-04-01T17:00:00"));
  EXPECT_FALSE(acc.session(s.token, jst("2026-04-01T17:00:00")));
}

TEST(AuthSessions, PurgeDeletesOnlyExpiredSessions) {
  Office w;
  auto old = w.login(kAccountPassword, "2026-04-01T09:00:00");
  auto fresh = w.login(kAccountPassword, "2026-04-01T09:45:00");
  EXPECT_EQ(w.accounts().purge_sessions(jst("2026-04-01T09:50:00")), 1);
  EXPECT_FALSE(w.store->session(auth::token_digest(old.token)));
  EXPECT_TRUE(w.accounts().session(fresh.token, jst("2026-04-01T09:50:00")));
  EXPECT_EQ(w.accounts().purge_sessions(jst("2026-04-01T09:50:00")), 0);
}

TEST(AuthSessions, LogoutEndsOnlyThatSession) {
  Office w;
  auto a = w.login(kAccountPassword, "2026-04-01T10:00:00");
  auto b = w.login(kAccountPassword, "2026-04-01T10:00:00");
  EXPECT_NE(a.token, b.token);
  EXPECT_NE(a.session->csrf_token, b.session->csrf_token);
  EXPECT_TRUE(w.accounts().logout(a.token, jst("2026-04-01T10:10:00"), "192.0.2.10"));
  EXPECT_FALSE(w.accounts().logout(a.token, jst("2026-04-01T10:10:00"), "192.0.2.10"));
  EXPECT_FALSE(w.accounts().session(a.token, jst("2026-04-01T10:11:00")));
  EXPECT_TRUE(w.accounts().session(b.token, jst("2026-04-01T10:11:00")));
  EXPECT_EQ(w.audit_count("logout"), 1);
}

TEST(AuthSessions, ANewPasswordEndsEverySession) {
  Office w;
  auto r = w.login(kAccountPassword, "2026-04-01T10:00:00");
  auto changed = w.accounts().change_password("KJ1370000001", "wrong current", "a brand new secret",
                                              {"KJ1370000001", "192.0.2.10", jst("2026-04-01T10:01:00")});
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].code, "KA20");
  EXPECT_TRUE(w.accounts()
                  .change_password("KJ1370000001", kAccountPassword, "a brand new secret",
                                   {"KJ1370000001", "192.0.2.10", jst("2026-04-01T10:01:00")})
                  .empty());
  EXPECT_FALSE(w.accounts().session(r.token, jst("2026-04-01T10:02:00")));
  EXPECT_EQ(w.login(kAccountPassword, "2026-04-01T10:03:00").status, LoginStatus::Wrong);
  EXPECT_EQ(w.login("a brand new secret", "2026-04-01T10:03:00").status, LoginStatus::Ok);
}

TEST(AuthSessions, NoTokenNorPasswordIsInTheDatabaseFile) {
  Office w;
  auto r = w.login(kAccountPassword, "2026-04-01T10:00:00");
  w.db.reset();  // checkpoint the WAL into the file
  std::string bytes = read_file(w.dir / "k.db");
  for (const char* wal : {"k.db-wal"}) {
    if (std::filesystem::exists(w.dir / wal)) bytes += read_file(w.dir / wal);
  }
  EXPECT_EQ(bytes.find(r.token), std::string::npos);
  EXPECT_EQ(bytes.find(r.session->csrf_token), std::string::npos);
  EXPECT_EQ(bytes.find(kAccountPassword), std::string::npos);
  EXPECT_NE(bytes.find(auth::token_digest(r.token)), std::string::npos);  // what is kept instead
  EXPECT_NE(bytes.find("$argon2id$v=19$m=1024,t=1,p=1$"), std::string::npos);
}

TEST(AuthSessions, AGoodLoginRehashesWithTheCostInForce) {
  Office w;  // hashed at 1 pass, 1 MiB
  w.settings.auth.password_mem_kib = 2048;
  ASSERT_EQ(w.login(kAccountPassword, "2026-04-01T10:00:00").status, LoginStatus::Ok);
  EXPECT_TRUE(w.store->account("KJ1370000001")->password_hash.starts_with("$argon2id$v=19$m=2048,t=1,p=1$"));
  EXPECT_EQ(w.login(kAccountPassword, "2026-04-01T10:00:00").status, LoginStatus::Ok);
}

// Threads, each with its own connection, failing at once: exactly 5 failures lock the account
// (no failure is lost to a race) and the audit chain stays whole.
TEST(AuthLogin, ConcurrentFailuresLockAfterExactlyFive) {
  Office w;
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0}, locked{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      auto db = store::Database::open(w.db_path());
      store::AuthStore st(*db);
      auth::Accounts acc(st, st, w.settings.auth);
      for (int i = 0; i < 3; ++i) {
        auto r = acc.login("KJ1370000001", "wrong password!", jst("2026-04-01T10:00:00"), "192.0.2.20");
        (r.status == LoginStatus::Locked ? locked : wrong)++;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 4);
  EXPECT_EQ(locked.load(), 8);
  EXPECT_EQ(w.audit_count("locked_out"), 1);
  auto v = auth::verify_audit(*w.store);
  EXPECT_TRUE(v.ok()) << v.problem->to_string();
  EXPECT_EQ(v.rows, 1 + 12);  // user_add + 12 attempts
}

}  // namespace
}  // namespace kaigo::testing
