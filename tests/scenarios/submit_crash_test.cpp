// A crash (kill -9) during `kaigo submit` loses no file that was reported as received (issue 4):
// the command is killed at different moments while it receives a month of files; afterwards the
// database is intact, every file it printed is there byte for byte in a final state, and the next
// submit finishes any file the kill left 受付中.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <chrono>
#include <set>
#include <thread>

#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"

#include "kaigo/store/detail/sqlite.hpp"
#include "support/reception_world.hpp"

extern char** environ;

namespace kaigo::testing {
namespace {

// Runs `kaigo submit` on `files`, kills it with SIGKILL after `delay`, returns what it printed.
std::string submit_and_kill(const std::filesystem::path& db, const std::vector<std::filesystem::path>& files,
                            std::chrono::milliseconds delay) {
  int out[2];
  EXPECT_EQ(pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args{KAIGO_CLI, "submit", "--db", db.string(), "--at", "2026-05-06T09:00:00"};
  for (const auto& f : files) args.push_back(f.string());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, KAIGO_CLI, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  std::string printed;
  char buf[4096];
  ssize_t n = 0;
  while ((n = read(out[0], buf, sizeof buf)) > 0) printed.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  return printed;
}

TEST(SubmitCrash, KillNineLosesNothingReported) {
  ReceptionWorld w(0.0, 30, 3000);
  std::vector<std::filesystem::path> files = w.files();
  std::size_t reported_total = 0;
  // A group of files is stored about 200 ms after its first (month::ReceiptGroup::kWait): some kills
  // fall before the first group is stored, some between groups, some after the last.
  for (int delay_ms : {40, 120, 170, 220, 300}) {
    auto printed = submit_and_kill(w.db_path(), files, std::chrono::milliseconds(delay_ms));
    store::Database::open(w.db_path());  // opens: the WAL is recovered
    auto db = store::Database::open(w.db_path());
    {
      auto st = db->connection().prepare("PRAGMA integrity_check");
      ASSERT_TRUE(st.step());
      EXPECT_EQ(st.text(0), "ok");
    }
    // Every line printed names a submission that is stored whole, in a final state.
    std::size_t lines = 0;
    for (std::size_t pos = 0; (pos = printed.find('\n', pos)) != std::string::npos; ++pos) ++lines;
    for (const auto& line : split(printed, '\n')) {
      if (line.empty()) continue;
      auto cols = split(line, '\t');
      ASSERT_EQ(cols.size(), 5u) << line;
      auto id = *parse_int(cols[0]);
      auto s = db->submission(id);
      ASSERT_TRUE(s) << line;
      EXPECT_EQ(enum_ja(s->state), cols[2]);
      EXPECT_NE(s->state, reception::FileState::Receiving);
      EXPECT_EQ(s->sha256.size(), 64u);
      EXPECT_EQ(db->bytes(id).size(), s->size);
    }
    reported_total += lines;
    std::printf("kill after %d ms: %zu of %zu files reported\n", delay_ms, lines, files.size());
  }
  // The next submit finishes whatever the kills left 受付中.
  auto r = run_kaigo("submit --db " + w.db_path().string() + " --at 2026-05-06T10:00:00 " + w.plan_file().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto db = store::Database::open(w.db_path());
  EXPECT_TRUE(db->unfinished().empty());
  // Every stored file's bytes equal one of the month's files.
  std::set<std::string> hashes;
  for (const auto& f : files) hashes.insert(sha256_hex(read_file(f)));
  auto st = db->connection().prepare("SELECT sha256 FROM submissions");
  std::size_t stored = 0;
  while (st.step()) {
    EXPECT_TRUE(hashes.count(st.text(0)));
    ++stored;
  }
  EXPECT_GE(stored, reported_total);
}

}  // namespace
}  // namespace kaigo::testing
