// The command line at the edges that lost or mangled things before issue 11: names that are not
// UTF-8 or hold control characters, a folder given as a file, a ledger with no rows, an empty
// --db file, a NUL in a value, the permissions of what kaigo writes, a results folder written the
// way a database writes, and a writer told to try again instead of "database is locked".
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/core/strings.hpp"
#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/cli_month.hpp"
#include "support/test_support.hpp"

extern char** environ;

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

// 6 offices, 50 recipients; `extra_config` added to kokuhoren.toml.
struct Month : CliMonth {
  explicit Month(const std::string& extra_config = "") : CliMonth("--offices 6 --recipients 50", extra_config) {}
  // Every file submitted on 2026-05-05, then May reviewed.
  void submit_and_review() const {
    ASSERT_EQ(run_kaigo("submit --db " + db + " --at 2026-05-05T10:00" + all_files()).exit_code, 0);
    ASSERT_EQ(run_kaigo("review --db " + db + " --month 202605").exit_code, 0);
  }
};

TEST(CliIntegrity, ANameThatIsNotUtf8IsKeptEscapedAndAnswered) {
  Month m;
  const std::string raw = std::string("KK") + '\xff' + "\x01" + ".CSV";
  write_file(m.dir / raw, read_file(m.files[0]));
  auto r = run_kaigo("submit --db " + m.db + " --format json --at 2026-05-05T10:00 '" + (m.dir / raw).string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["file"], "KK\\xFF\\x01.CSV");
  EXPECT_EQ(j[0]["submission"], 1);
}

TEST(CliIntegrity, ATabOrNewlineInANameDoesNotBreakTheReceiptLine) {
  Month m;
  const std::string raw = "KK\tA\nB.CSV";
  write_file(m.dir / raw, read_file(m.files[0]));
  auto r = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00 '" + (m.dir / raw).string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 1u) << r.out;
  auto cells = split(out[0], '\t');
  ASSERT_EQ(cells.size(), 5u) << r.out;
  EXPECT_EQ(cells[1], "KK\\x09A\\x0AB.CSV");
}

TEST(CliIntegrity, AFolderGivenAsAFileIsRefusedByName) {
  Month m;
  fs::create_directory(m.dir / "KK260501.CSV");
  auto r = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00 " + (m.dir / "KK260501.CSV").string() + " " +
                     m.files[0].string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "エラー / error: " + (m.dir / "KK260501.CSV").string() + " はフォルダです。ファイルを指定してください / " +
                       (m.dir / "KK260501.CSV").string() + " is a folder, not a file\n");
  // Nothing was stored for the folder: the real file is submission 1.
  ASSERT_EQ(lines(r.out).size(), 1u);
  EXPECT_EQ(split(lines(r.out)[0], '\t')[0], "1");
}

TEST(CliIntegrity, ALedgerWithNoRowsIsRefusedUnlessEmptyIsSaid) {
  Month m;
  write_file(m.dir / "insurers.csv", "insurer_no,name,valid_from,valid_to\n");
  auto r = run_kaigo("load --db " + m.db + " insurers " + (m.dir / "insurers.csv").string());
  expect_failure(r, 1, {"[KL01]", "--empty を付けてください"});
  // The ledger in force is still the generated one: a file of an unknown insurer is still refused.
  auto ok = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00 " + m.files[0].string());
  EXPECT_EQ(split(lines(ok.out)[0], '\t')[2], "受付完了");
  auto meant = run_kaigo("load --db " + m.db + " --empty insurers " + (m.dir / "insurers.csv").string());
  EXPECT_EQ(meant.exit_code, 0) << meant.err;
  EXPECT_NE(meant.out.find("0 行"), std::string::npos) << meant.out;
}

TEST(CliIntegrity, AnEmptyDatabaseFileIsRefusedAndLeftEmpty) {
  TempDir dir;
  write_file(dir / "empty.db", "");
  write_file(dir / "x.CSV", "1");
  for (const std::string& cmd : {"submit --db " + (dir / "empty.db").string() + " " + (dir / "x.CSV").string(),
                                 "month list --db " + (dir / "empty.db").string(),
                                 "review --db " + (dir / "empty.db").string() + " --month 202605"}) {
    auto r = run_kaigo(cmd);
    EXPECT_EQ(r.exit_code, 1) << cmd;
    EXPECT_NE(r.err.find("空のファイルです"), std::string::npos) << r.err;
    EXPECT_EQ(fs::file_size(dir / "empty.db"), 0u) << cmd;
    EXPECT_FALSE(fs::exists(dir / "empty.db-wal")) << cmd;
  }
}

TEST(CliIntegrity, ANulInAValueDoesNotCutTheMessageShort) {
  TempDir dir;
  auto db = (dir / "k.db").string();
  ASSERT_EQ(run_kaigo("init --db " + db).exit_code, 0);
  write_file(dir / "ins.csv", std::string("insurer_no,name,valid_from,valid_to\n13") + '\0' + "01X,A,20200101,\n");
  auto r = run_kaigo("load --db " + db + " insurers " + (dir / "ins.csv").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.find('\0'), std::string::npos);
  EXPECT_NE(r.err.find("13\\x0001X"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was stored"), std::string::npos) << r.err;
}

TEST(CliIntegrity, WhatKaigoWritesIsTheOwnersOnly) {
  Month m;
  ASSERT_EQ(run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00" + m.all_files()).exit_code, 0);
  EXPECT_EQ(mode_of(m.db), 0600u);
  {
    // SQLite removes the -wal and -shm files when the last connection closes; while one is open
    // they have the database's mode, whatever this process's umask.
    auto db = store::Database::open(m.db);
    db->store_settings("", "x.toml", LocalDateTime{});
    EXPECT_EQ(mode_of(m.db + "-wal"), 0600u);
    EXPECT_EQ(mode_of(m.db + "-shm"), 0600u);
  }
  ASSERT_EQ(run_kaigo("review --db " + m.db + " --month 202605").exit_code, 0);
  ASSERT_EQ(run_kaigo("results --db " + m.db + " --month 202605 --out " + (m.dir / "r").string()).exit_code, 0);
  EXPECT_EQ(mode_of(m.dir / "r"), 0700u);
  EXPECT_EQ(mode_of(m.dir / "r" / "summary.json"), 0600u);
}

TEST(CliIntegrity, AGroupMayReadWhenTheSettingSaysSo) {
  Month m("\n[files]\ngroup_readable = true\n");
  EXPECT_EQ(mode_of(m.db), 0640u);
  ASSERT_NO_FATAL_FAILURE(m.submit_and_review());
  ASSERT_EQ(run_kaigo("results --db " + m.db + " --month 202605 --out " + (m.dir / "r").string()).exit_code, 0);
  EXPECT_EQ(mode_of(m.dir / "r"), 0750u);
}

// An earlier run's folder is replaced whole (nothing stale survives); a folder kaigo did not write
// is refused and left as it was.
TEST(CliIntegrity, ResultsReplaceAnEarlierRunAndRefuseAForeignFolder) {
  Month m;
  ASSERT_NO_FATAL_FAILURE(m.submit_and_review());
  auto out = m.dir / "r";
  ASSERT_EQ(run_kaigo("results --db " + m.db + " --month 202605 --out " + out.string()).exit_code, 0);
  fs::create_directories(out / "9999999999");
  write_file(out / "9999999999" / "7411.CSV", "stale");
  write_file(out / "7513.pdf.part", "half");
  auto again = run_kaigo("results --db " + m.db + " --month 202605 --out " + out.string());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_FALSE(fs::exists(out / "9999999999"));
  EXPECT_FALSE(fs::exists(out / "7513.pdf.part"));
  EXPECT_TRUE(fs::exists(out / "summary.json"));

  auto foreign = m.dir / "mine";
  fs::create_directories(foreign);
  write_file(foreign / "notes.txt", "keep me");
  auto refused = run_kaigo("results --db " + m.db + " --month 202605 --out " + foreign.string());
  expect_failure(refused, 1, {"kaigo results 以外のファイルがあるため書き込みません"});
  std::vector<fs::path> left;
  for (const auto& e : fs::recursive_directory_iterator(foreign)) left.push_back(e.path());
  EXPECT_EQ(left, (std::vector<fs::path>{foreign / "notes.txt"}));
  // Nothing half-made beside it either.
  for (const auto& e : fs::directory_iterator(m.dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".kaigo-tmp-"), std::string::npos) << e.path();
  }
}

// Runs kaigo with `args` (output to /dev/null), kills it with SIGKILL after `delay_ms` (whether or
// not it has finished) and returns its wait status.
int run_and_kill(std::vector<std::string> args, int delay_ms) {
  args.insert(args.begin(), KAIGO_CLI);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, KAIGO_CLI, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start " + std::string(KAIGO_CLI));
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// kaigo results killed at different moments: DIR is either absent or complete — never a folder
// that looks finished with its PDFs missing.
TEST(CliIntegrity, AKilledResultsRunLeavesNothingThatLooksFinished) {
  Month m;
  ASSERT_NO_FATAL_FAILURE(m.submit_and_review());
  auto complete = m.dir / "complete";
  ASSERT_EQ(run_kaigo("results --db " + m.db + " --month 202605 --out " + complete.string()).exit_code, 0);
  std::size_t files_in_complete = 0;
  for (const auto& e : fs::recursive_directory_iterator(complete)) files_in_complete += e.is_regular_file() ? 1 : 0;

  for (int delay_ms : {20, 60, 120, 200, 300, 450}) {
    auto out = m.dir / ("k" + std::to_string(delay_ms));
    run_and_kill({"results", "--db", m.db, "--month", "202605", "--out", out.string()}, delay_ms);
    if (!fs::exists(out)) continue;
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(out)) n += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(n, files_in_complete) << "killed after " << delay_ms << " ms";
    EXPECT_TRUE(fs::exists(out / ".kaigo-results"));
  }
  // The next run clears what the killed ones left beside the folders and finishes.
  auto r = run_kaigo("results --db " + m.db + " --month 202605 --out " + (m.dir / "k20").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : fs::directory_iterator(m.dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".kaigo-tmp-"), std::string::npos) << e.path();
  }
}

// Every column of the month's decisions but the row ids, in claim order.
std::string decisions_of(const std::string& db_path) {
  auto db = store::Database::open(db_path);
  auto st = db->connection().prepare(
      "SELECT claim_id, month, submission_id, copy, order_no, outcome, released, held_since, form_id, "
      "office_no, insurer_no, insured_no, service_month, written_units, written_claim, decided_units, decided_claim, "
      "kind, hex(packed_rows) FROM claim_decisions ORDER BY claim_id");
  std::string out;
  while (st.step()) {
    for (int i = 0; i < 19; ++i) out += st.text(i) + "|";
    out += "\n";
  }
  return out;
}

// kaigo review killed while its writer thread is storing decisions: the month stays 審査中 (never
// 審査済 with decisions missing), and the review run again gives exactly the decisions of a review
// that was never interrupted.
TEST(CliIntegrity, AKilledReviewLeavesTheMonthUnderReviewAndRunsAgainToTheSameDecisions) {
  const std::string shape = "--offices 20 --recipients 3000";
  CliMonth reference(shape);
  ASSERT_EQ(run_kaigo("submit --db " + reference.db + " --at 2026-05-05T10:00" + reference.all_files()).exit_code, 0);
  ASSERT_EQ(run_kaigo("review --db " + reference.db + " --month 202605").exit_code, 0);
  const auto expected = decisions_of(reference.db);
  ASSERT_GT(expected.size(), 1000u);

  CliMonth m(shape);
  ASSERT_EQ(run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00" + m.all_files()).exit_code, 0);
  int interrupted = 0;
  for (int delay_ms : {60, 150, 300, 500}) {
    const int status = run_and_kill({"review", "--db", m.db, "--month", "202605", "--again"}, delay_ms);
    const bool killed = WIFSIGNALED(status);
    const auto state = store::Database::open(m.db)->month({2026, 5}).state;
    if (state == reception::MonthState::Reviewed) {
      // 審査済 only with every decision: the run finished (or was killed after its last commit, on
      // its way out, or — with --again — before it began on a month a run had finished).
      EXPECT_EQ(decisions_of(m.db), expected) << (killed ? "killed" : "finished") << " after " << delay_ms << " ms";
    } else {
      EXPECT_TRUE(killed) << "finished before " << delay_ms << " ms but the month is not 審査済";
      ++interrupted;
    }
  }
  ASSERT_GT(interrupted, 0) << "no run was killed in the middle of the review";
  auto again = run_kaigo("review --db " + m.db + " --month 202605 --again");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(store::Database::open(m.db)->month({2026, 5}).state, reception::MonthState::Reviewed);
  EXPECT_EQ(decisions_of(m.db), expected);
}

// A writer that waits longer than the busy timeout is told that nothing changed and to try again.
TEST(CliIntegrity, AWriterKeptWaitingIsToldToTryAgain) {
  Month m;
  auto db = store::Database::open(m.db);
  store::Transaction holding(db->connection());
  ::setenv("KAIGO_BUSY_TIMEOUT_MS", "300", 1);
  auto r = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00 " + m.files[0].string());
  ::unsetenv("KAIGO_BUSY_TIMEOUT_MS");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "エラー / error: データベースは他の処理が書き込み中です（0.3 秒待ちました）。何も変更していません。しばらくしてから、"
            "もう一度実行してください / the database is busy with another writer (waited 0.3 s); nothing was changed — "
            "try again in a moment\n");
  // Readers are not kept waiting.
  auto list = run_kaigo("month list --db " + m.db);
  EXPECT_EQ(list.exit_code, 0) << list.err;
}

}  // namespace
}  // namespace kaigo::testing
