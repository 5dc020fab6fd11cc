// kaigo user / ca / cert / audit (DESIGN §3.4): secrets only on standard input, refusals with their
// code and exit 1, JSON lists, and the audit chain verified — then broken by an edit made with SQLite
// directly, which verify names. End to end, certificates issued with the CLI put their fee on the
// offices' 7513 from `kaigo results`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kaigo/report/notice_file.hpp"
#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

// A database whose [auth] hashes cheaply (the CLI reads the settings from it).
struct CliAuth {
  TempDir dir;
  std::string db = (dir / "k.db").string();
  CliAuth() {
    write_file(dir / "k.toml", "[auth]\npassword_ops = 1\npassword_mem_kib = 1024\n");
    EXPECT_EQ(run_kaigo("init --db " + db + " --config " + (dir / "k.toml").string()).exit_code, 0);
    write_file(dir / "pw", "correct horse battery\n");
    write_file(dir / "short", "short\n");
  }
  CommandResult kaigo(const std::string& args, const char* stdin_file = nullptr) {
    return run_kaigo(args + (stdin_file ? " < " + (dir / stdin_file).string() : " < /dev/null"));
  }
};

TEST(CliAuth, UserAddTakesThePasswordFromStandardInput) {
  CliAuth c;
  auto r = c.kaigo(
      "user add --db " + c.db + " --id KJ1370000001 --role office --office 1370000001 --email A@example.jp", "pw");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ユーザ KJ1370000001 を登録しました（office offices=1370000001）/ added user KJ1370000001\n");
  write_file(c.dir / "group.txt", "office_no\n1370000002\n1370000003\n");
  EXPECT_EQ(
      c.kaigo("user add --db " + c.db + " --id KJ1370000002 --role office --offices " + (c.dir / "group.txt").string(),
              "pw")
          .exit_code,
      0);
  EXPECT_EQ(
      c.kaigo("user add --db " + c.db + " --id KJ0000000003 --role municipality --insurer 131001", "pw").exit_code, 0);

  auto list = c.kaigo("user list --db " + c.db + " --format json");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto j = nlohmann::json::parse(list.out);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["id"], "KJ0000000003");
  EXPECT_EQ(j[0]["role"], "municipality");
  EXPECT_EQ(j[0]["insurer_no"], "131001");
  EXPECT_EQ(j[1]["email"], "a@example.jp");
  EXPECT_EQ(j[2]["offices"], (nlohmann::json{"1370000002", "1370000003"}));
  EXPECT_EQ(j[2]["disabled"], false);
  EXPECT_EQ(list.out.find("argon2"), std::string::npos);

  auto weak = c.kaigo("user add --db " + c.db + " --id KJ1370000009 --role office --office 1370000009", "short");
  expect_failure(weak, 1, {"[KA10]"});
  auto none = c.kaigo("user add --db " + c.db + " --id KJ1370000009 --role office --office 1370000009");
  expect_failure(none, 1, {"no password on standard input"});
  auto taken = c.kaigo("user add --db " + c.db + " --id KJ1370000001 --role office --office 1370000001", "pw");
  EXPECT_EQ(taken.exit_code, 1);
  EXPECT_NE(taken.err.find("[KA07]"), std::string::npos);
  EXPECT_EQ(c.kaigo("user add --db " + c.db + " --id KJ1 --role boss", "pw").exit_code, 2);
  auto no_office = c.kaigo("user add --db " + c.db + " --id kj1 --role office", "pw");
  EXPECT_EQ(no_office.exit_code, 1);
  EXPECT_NE(no_office.err.find("[KA01]"), std::string::npos);
  EXPECT_NE(no_office.err.find("role office needs an office number"), std::string::npos);
}

TEST(CliAuth, LockUnlockAndPasswdAreAudited) {
  CliAuth c;
  ASSERT_EQ(c.kaigo("user add --db " + c.db + " --id KJ1370000001 --role office --office 1370000001", "pw").exit_code,
            0);
  EXPECT_EQ(c.kaigo("user lock --db " + c.db + " --id KJ1370000001").exit_code, 0);
  EXPECT_NE(c.kaigo("user list --db " + c.db).out.find("\tlocked\n"), std::string::npos);
  EXPECT_EQ(c.kaigo("user unlock --db " + c.db + " --id KJ1370000001").exit_code, 0);
  EXPECT_NE(c.kaigo("user list --db " + c.db).out.find("\tactive\n"), std::string::npos);
  write_file(c.dir / "new", "another long secret\n");
  EXPECT_EQ(c.kaigo("user passwd --db " + c.db + " --id KJ1370000001", "new").exit_code, 0);
  EXPECT_EQ(c.kaigo("user passwd --db " + c.db + " --id KJ1370000001 --security-code", "new").exit_code, 0);
  EXPECT_EQ(c.kaigo("user passwd --db " + c.db + " --id KJ1370000001", "short").exit_code, 1);
  auto unknown = c.kaigo("user lock --db " + c.db + " --id KJ9999999999");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("[KA06]"), std::string::npos);

  auto audit = c.kaigo("audit list --db " + c.db + " --format json");
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  std::vector<std::string> actions;
  for (const auto& row : nlohmann::json::parse(audit.out)) actions.push_back(row["action"]);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"user_add", "user_lock", "user_unlock", "password_set", "security_code_set"}));
  auto one = c.kaigo("audit list --db " + c.db + " --action user_lock");
  EXPECT_EQ(one.out.substr(0, 2), "2\t");
  EXPECT_NE(one.out.find("\tcli:"), std::string::npos);
  EXPECT_NE(one.out.find("\tcli\tuser_lock\tKJ1370000001\t{}\n"), std::string::npos) << one.out;
  EXPECT_EQ(c.kaigo("audit list --db " + c.db + " --from 20990101 --format json").out, "[]\n");
}

TEST(CliAuth, CertificatesAndTheAuditChain) {
  CliAuth c;
  auto ca = c.kaigo("ca init --db " + c.db + " --out " + (c.dir / "ca").string() + " --at 2026-04-01T09:00:00");
  ASSERT_EQ(ca.exit_code, 0) << ca.err;
  EXPECT_TRUE(std::filesystem::exists(c.dir / "ca" / "server.key"));
  auto again = c.kaigo("ca init --db " + c.db + " --out " + (c.dir / "ca2").string());
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("[KA40]"), std::string::npos);

  write_file(c.dir / "group.txt", "1370000002\n1370000003\n");
  auto issued = c.kaigo("cert issue --db " + c.db + " --office 1370000001 --offices " + (c.dir / "group.txt").string() +
                        " --applied-on 20260331 --out " + (c.dir / "certs").string() + " --at 2026-04-02T10:00:00");
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  EXPECT_NE(issued.out.find("1370000001（3 事業所）、2029-04-01T10:00:00 まで有効"), std::string::npos) << issued.out;
  EXPECT_NE(issued.out.find("発行手数料 13200 円（申請日 20260331）は 202604 審査分から差し引きます"),
            std::string::npos);
  EXPECT_NE(issued.err.find("no office ledger loaded"), std::string::npos);

  std::string big;
  for (int i = 2; i <= 101; ++i) big += std::to_string(1370000000 + i) + "\n";
  write_file(c.dir / "big.txt", big);
  auto over = c.kaigo("cert issue --db " + c.db + " --office 1370000001 --offices " + (c.dir / "big.txt").string() +
                      " --applied-on 20260401 --out " + (c.dir / "certs").string() + " --at 2026-04-02T10:00:00");
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_NE(over.err.find("[KA03]"), std::string::npos);
  EXPECT_NE(over.err.find("代理請求は1つの電子証明書で100事業所まで"), std::string::npos) << over.err;

  auto list = c.kaigo("cert list --db " + c.db + " --format json --at 2026-04-03T00:00:00");
  auto certs = nlohmann::json::parse(list.out);
  ASSERT_EQ(certs.size(), 1u);
  const std::string serial = certs[0]["serial"];
  EXPECT_EQ(certs[0]["offices"], (nlohmann::json{"1370000001", "1370000002", "1370000003"}));
  EXPECT_EQ(certs[0]["state"], "valid");
  EXPECT_EQ(c.kaigo("cert revoke --db " + c.db + " " + serial + " --reason lost --at 2026-04-05T10:00:00").exit_code,
            0);
  EXPECT_EQ(nlohmann::json::parse(c.kaigo("cert list --db " + c.db + " --format json").out)[0]["state"], "revoked");
  EXPECT_EQ(c.kaigo("cert revoke --db " + c.db + " " + serial).exit_code, 1);

  auto ok = c.kaigo("audit verify --db " + c.db);
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("the chain of 3 audit rows is intact"), std::string::npos) << ok.out;
  const auto head = ok.out.substr(ok.out.rfind(": ") + 2, 64);
  EXPECT_EQ(c.kaigo("audit verify --db " + c.db + " --anchor " + head).exit_code, 0);

  {
    auto db = store::Database::open(c.db);
    db->connection().exec("UPDATE audit_log SET detail = replace(detail, '20260331', '20260401') WHERE seq = 2");
  }
  auto bad = c.kaigo("audit verify --db " + c.db);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("[KA60] 監査記録 2 行目が改変されています（ハッシュが合いません） / audit row 2 was altered"),
            std::string::npos)
      << bad.err;
}

// End to end on a generated month: the fee of each certificate issued with the CLI is on its
// office's 7513 written by `kaigo results`.
TEST(CliAuth, CertificateFeesReachThe7513OfKaigoResults) {
  TempDir dir;
  const auto db = (dir / "k.db").string();
  const auto month = dir / "m";
  ASSERT_EQ(run_kaigo("gen --out " + month.string() + " --month 202605 --offices 6 --recipients 40").exit_code, 0);
  ASSERT_EQ(run_kaigo("init --db " + db + " --config " + (month / "kokuhoren.toml").string()).exit_code, 0);
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    ASSERT_EQ(
        run_kaigo(std::string("load --db ") + db + " " + kind + " " + (month / (std::string(kind) + ".csv")).string())
            .exit_code,
        0);
  }
  std::string files;
  std::vector<std::string> offices;
  for (const auto& e : std::filesystem::directory_iterator(month / "submissions")) {
    offices.push_back(e.path().filename().string());
    for (const auto& f : std::filesystem::directory_iterator(e.path())) files += " " + f.path().string();
  }
  std::sort(offices.begin(), offices.end());
  ASSERT_EQ(run_kaigo("submit --db " + db + " --at 2026-05-04T10:00:00" + files).exit_code, 0);
  ASSERT_EQ(run_kaigo("ca init --db " + db + " --out " + (dir / "ca").string() + " --at 2026-04-20T09:00:00").exit_code,
            0);
  const std::pair<const char*, const char*> applications[] = {{"20260331", "13200"}, {"20260401", "7800"}};
  for (int i = 0; i < 2; ++i) {
    auto r = run_kaigo("cert issue --db " + db + " --office " + offices[i] + " --applied-on " + applications[i].first +
                       " --out " + (dir / "certs").string() + " --at 2026-05-02T10:00:00 < /dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");  // the offices are in the ledger
  }
  auto unknown = run_kaigo("cert issue --db " + db + " --office 9999999999 --applied-on 20260401 --out " +
                           (dir / "certs").string() + " < /dev/null");
  expect_failure(unknown, 1, {"[KA43]"});
  ASSERT_EQ(run_kaigo("review --db " + db + " --month 202605").exit_code, 0);
  auto results = run_kaigo("results --db " + db + " --month 202605 --out " + (dir / "r").string());
  ASSERT_EQ(results.exit_code, 0) << results.err;
  for (int i = 0; i < 2; ++i) {
    auto n = report::read_notice(dir / "r" / offices[i] / "7513.CSV");
    EXPECT_EQ(n.records.front().item(17), applications[i].second) << offices[i];
  }
  EXPECT_EQ(report::read_notice(dir / "r" / offices[2] / "7513.CSV").records.front().item(17), "0");
  EXPECT_EQ(run_kaigo("audit verify --db " + db).exit_code, 0);
}

}  // namespace
}  // namespace kaigo::testing
