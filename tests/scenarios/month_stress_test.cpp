// The month under stress (issue 11): in each round, several `kaigo submit` processes (sending some
// files twice, from two processes at once), `kaigo cancel` processes and one `kaigo review` run
// against one database with random timing — a submitter is sometimes killed with SIGKILL — and
// then the month's invariants are checked against what each process said:
//   - every acknowledged cancel (取消完了) is out of the review and the payment;
//   - every file acknowledged as taken in (受付完了 / 様式エラー有) and not cancelled is reviewed, each
//     of its documents exactly once; nothing that was refused or interrupted is;
//   - no document is taken in twice without an ANN2 / ANN0 on the later copy;
//   - no file has two final states (its state history is a path of the lifecycle);
//   - the payment of kaigo results equals the sum of the decided amounts.
// `make test` runs a few rounds; `make stress` runs 1,000 (KAIGO_STRESS_ROUNDS).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kaigo/core/strings.hpp"
#include "kaigo/reception/lifecycle.hpp"
#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/test_support.hpp"

extern char** environ;

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using reception::FileState;

// A database with a generated month's ledgers loaded, copied for every round.
struct Template {
  TempDir dir;
  fs::path db;
  std::vector<fs::path> files;
  Template() : db(dir / "template.db") {
    auto m = dir / "m";
    EXPECT_EQ(run_kaigo("gen --out " + m.string() + " --month 202605 --offices 8 --recipients 120 --errors 0.05 --seed 11")
                  .exit_code,
              0);
    EXPECT_EQ(run_kaigo("init --db " + db.string() + " --config " + (m / "kokuhoren.toml").string()).exit_code, 0);
    for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
      EXPECT_EQ(run_kaigo(std::string("load --db ") + db.string() + " " + kind + " " + (m / (std::string(kind) + ".csv")).string())
                    .exit_code,
                0);
    }
    files = regular_files_under(m / "submissions");
  }
};

const Template& month_template() {
  static Template t;
  return t;
}

// One kaigo process of a round.
struct Process {
  std::vector<std::string> args;
  std::chrono::milliseconds start{0};
  std::optional<std::chrono::milliseconds> kill_after;  // SIGKILL this long after its start
  pid_t pid = 0;
  int status = 0;
  bool killed = false;
  fs::path out;
  fs::path err;
  std::string stdout_text() const { return read_file(out); }
  std::string stderr_text() const { return read_file(err); }
  bool exited(int code) const { return !killed && WIFEXITED(status) && WEXITSTATUS(status) == code; }
};

void spawn(Process& p) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, p.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, p.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> args{KAIGO_CLI};
  args.insert(args.end(), p.args.begin(), p.args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (posix_spawn(&p.pid, KAIGO_CLI, &actions, nullptr, argv.data(), environ) != 0) p.pid = 0;
  posix_spawn_file_actions_destroy(&actions);
}

// Starts every process at its moment, kills the ones to kill, waits for all.
void run_all(std::vector<Process>& ps) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::size_t> order(ps.size());
  for (std::size_t i = 0; i < ps.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return ps[a].start < ps[b].start; });
  for (auto i : order) {
    std::this_thread::sleep_until(t0 + ps[i].start);
    spawn(ps[i]);
  }
  for (auto& p : ps) {
    if (!p.kill_after || p.pid == 0) continue;
    std::this_thread::sleep_until(t0 + p.start + *p.kill_after);
    p.killed = ::kill(p.pid, SIGKILL) == 0;
  }
  for (auto& p : ps) {
    if (p.pid == 0) continue;
    ::waitpid(p.pid, &p.status, 0);
    if (p.killed && WIFEXITED(p.status)) p.killed = false;  // it had finished before the signal
  }
}

struct Round {
  std::vector<std::string> violations;
  void fail(std::string what) { violations.push_back(std::move(what)); }
};

std::int64_t one_integer(store::Connection& c, const std::string& sql) {
  auto st = c.prepare(sql);
  return st.step() ? st.integer(0) : 0;
}

void check_round(int round, const fs::path& dir, std::vector<Process>& ps, std::size_t submitters,
                 std::size_t cancellers, Round& r) {
  auto db = store::Database::open(dir / "k.db");
  auto& c = db->connection();
  // What the processes acknowledged.
  std::set<std::int64_t> acked_in;
  std::set<std::int64_t> acked_cancel;
  for (std::size_t i = 0; i < submitters; ++i) {
    const auto text = ps[i].stdout_text();
    for (auto line : lines(text)) {
      auto cells = split(line, '\t');
      if (cells.size() != 5) {
        r.fail(fmt::format("round {}: a receipt line is not 5 cells: {}", round, line));
        continue;
      }
      if (cells[2] == "受付完了" || cells[2] == "様式エラー有") acked_in.insert(*parse_int(cells[0]));
    }
    if (!ps[i].killed && !ps[i].exited(0)) {
      r.fail(fmt::format("round {}: submitter {} failed: {}", round, i, ps[i].stderr_text()));
    }
  }
  for (std::size_t i = submitters; i < submitters + cancellers; ++i) {
    auto text = ps[i].stdout_text();
    if (ps[i].exited(0)) acked_cancel.insert(*parse_int(split(lines(text).at(0), '\t')[0]));
    if (!ps[i].exited(0) && !ps[i].exited(1)) r.fail(fmt::format("round {}: cancel crashed: {}", round, ps[i].stderr_text()));
  }
  auto& reviewer = ps[submitters + cancellers];
  if (!reviewer.exited(0)) r.fail(fmt::format("round {}: the review failed: {}", round, reviewer.stderr_text()));

  auto decisions_of = [&](std::int64_t id) {
    return one_integer(c, fmt::format("SELECT (SELECT COUNT(*) FROM claim_decisions WHERE submission_id = {0}) + "
                                      "(SELECT COUNT(*) FROM plan_decisions WHERE submission_id = {0})",
                                      id));
  };
  // Every acknowledged cancel is out of the review.
  for (auto id : acked_cancel) {
    auto s = db->submission(id);
    if (!s || s->state != FileState::Cancelled) r.fail(fmt::format("round {}: cancel of {} acknowledged, state {}", round, id, s ? enum_code(s->state) : "none"));
    if (decisions_of(id) != 0) r.fail(fmt::format("round {}: cancelled file {} was reviewed", round, id));
  }
  // Every acknowledged, not cancelled file is reviewed, each document once.
  for (auto id : acked_in) {
    if (acked_cancel.count(id)) continue;
    auto s = db->submission(id);
    if (!s || s->state != FileState::Sent) {
      r.fail(fmt::format("round {}: file {} acknowledged but {}", round, id, s ? enum_code(s->state) : "none"));
      continue;
    }
    auto missing = one_integer(
        c, fmt::format("SELECT COUNT(*) FROM submission_documents d WHERE d.submission_id = {0} "
                       "AND NOT EXISTS (SELECT 1 FROM claim_decisions x WHERE x.submission_id = {0} AND "
                       "x.claim_id LIKE '{0}:' || d.doc_key || '#%') "
                       "AND NOT EXISTS (SELECT 1 FROM plan_decisions p WHERE p.submission_id = {0} AND "
                       "p.plan_id = '{0}:' || d.doc_key)",
                       id));
    if (missing != 0) r.fail(fmt::format("round {}: {} documents of file {} were not reviewed", round, missing, id));
  }
  // Nothing is decided twice; nothing not taken in is decided.
  if (auto twice = one_integer(c, "SELECT COUNT(*) FROM (SELECT claim_id FROM claim_decisions GROUP BY month, claim_id, kind HAVING COUNT(*) > 1)"))
    r.fail(fmt::format("round {}: {} 明細書 decided twice", round, twice));
  if (auto stray = one_integer(c, "SELECT COUNT(*) FROM claim_decisions d JOIN submissions s ON s.id = d.submission_id WHERE s.state <> 'sent'"))
    r.fail(fmt::format("round {}: {} decisions of files not sent to the review", round, stray));
  // No document in twice without ANN2 / ANN0 on the later copies.
  if (auto dup = one_integer(c,
          "SELECT COUNT(*) FROM (SELECT d.doc_key FROM submission_documents d JOIN submissions s ON s.id = d.submission_id "
          "WHERE s.state = 'sent' AND NOT EXISTS (SELECT 1 FROM submission_errors e WHERE e.submission_id = d.submission_id "
          "AND e.document_key = d.doc_key AND e.code IN ('ANN2', 'ANN0')) GROUP BY d.doc_key HAVING COUNT(*) > 1)"))
    r.fail(fmt::format("round {}: {} documents taken in twice without ANN2", round, dup));
  // Every file's history is a path of the lifecycle: never two final states.
  auto ids = c.prepare("SELECT id FROM submissions ORDER BY id");
  while (ids.step()) {
    auto id = ids.integer(0);
    auto history = db->history(id);
    bool ok = !history.empty() && history[0].state == FileState::Arrived;
    for (std::size_t k = 1; ok && k < history.size(); ++k) ok = reception::can_move(history[k - 1].state, history[k].state);
    if (!ok) r.fail(fmt::format("round {}: file {} has an impossible history", round, id));
    if (history.back().state == FileState::Receiving || history.back().state == FileState::Arrived) {
      // Only a killed submitter leaves one; the review's process recovered it or it is still to be.
      bool killed_any = false;
      for (std::size_t i = 0; i < submitters; ++i) killed_any = killed_any || ps[i].killed;
      if (!killed_any) r.fail(fmt::format("round {}: file {} left 受付中 with no process killed", round, id));
    }
  }
  // The payment equals the decided amounts.
  auto results = run_kaigo("results --db " + (dir / "k.db").string() + " --month 202605 --out " + (dir / "r").string());
  if (results.exit_code != 0) {
    r.fail(fmt::format("round {}: results failed: {}", round, results.err));
    return;
  }
  auto summary = nlohmann::json::parse(read_file(dir / "r" / "summary.json"));
  std::int64_t paid = 0;
  for (const auto& o : summary["offices"]) paid += o["care"]["decided"].get<std::int64_t>() + o["sougou"]["decided"].get<std::int64_t>();
  auto decided = one_integer(c,
      "SELECT COALESCE(SUM(decided_claim + decided_fund1 + decided_fund2 + decided_fund3), 0) FROM claim_decisions "
      "WHERE month = '202605' AND kind = 'review' AND outcome IN ('paid', 'cut')");
  if (paid != decided) r.fail(fmt::format("round {}: paid {} but decided {}", round, paid, decided));
}

int rounds_wanted() {
  const char* env = std::getenv("KAIGO_STRESS_ROUNDS");
  auto n = env ? parse_int(env) : std::nullopt;
  return n && *n > 0 ? static_cast<int>(*n) : 6;
}

TEST(MonthStress, RandomRoundsKeepTheInvariants) {
  const auto& t = month_template();
  ASSERT_FALSE(t.files.empty());
  const int rounds = rounds_wanted();
  int violations = 0;
  int killed = 0;
  int refused_late = 0;
  for (int round = 0; round < rounds; ++round) {
    TempDir dir;
    fs::copy_file(t.db, dir / "k.db");
    std::mt19937 rng(static_cast<std::uint32_t>(round) * 7919u + 17u);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const std::size_t submitters = 3;
    const std::size_t cancellers = 3;
    std::vector<Process> ps(submitters + cancellers + 1);
    // Every file goes to one submitter; about a third also to a second one (the same bytes at once).
    std::vector<std::vector<std::string>> sent(submitters);
    for (const auto& f : t.files) {
      auto a = static_cast<std::size_t>(uniform(0, submitters - 1));
      sent[a].push_back(f.string());
      if (uniform(0, 2) == 0) sent[(a + 1) % submitters].push_back(f.string());
    }
    // `kaigo submit` with no file is a usage error (exit 2), not a race: each submitter sends one at least.
    for (auto& files : sent) {
      if (files.empty()) files.push_back(t.files[static_cast<std::size_t>(uniform(0, static_cast<int>(t.files.size()) - 1))].string());
    }
    for (std::size_t i = 0; i < submitters; ++i) {
      ps[i].args = {"submit", "--db", (dir / "k.db").string(), "--at", "2026-05-05T10:00:00"};
      ps[i].args.insert(ps[i].args.end(), sent[i].begin(), sent[i].end());
      ps[i].start = std::chrono::milliseconds(uniform(0, 40));
      if (uniform(0, 3) == 0) ps[i].kill_after = std::chrono::milliseconds(uniform(1, 40));
    }
    for (std::size_t i = submitters; i < submitters + cancellers; ++i) {
      ps[i].args = {"cancel", "--db", (dir / "k.db").string(), "--at", "2026-05-10T20:00:00",
                    std::to_string(uniform(1, static_cast<int>(t.files.size() * 3 / 2)))};
      ps[i].start = std::chrono::milliseconds(uniform(5, 80));
    }
    auto& reviewer = ps.back();
    reviewer.args = {"review", "--db", (dir / "k.db").string(), "--month", "202605", "--at", "2026-05-11T01:00:00"};
    reviewer.start = std::chrono::milliseconds(uniform(10, 90));
    for (std::size_t i = 0; i < ps.size(); ++i) {
      ps[i].out = dir / fmt::format("p{}.out", i);
      ps[i].err = dir / fmt::format("p{}.err", i);
    }
    run_all(ps);
    for (std::size_t i = 0; i < submitters; ++i) killed += ps[i].killed ? 1 : 0;
    for (std::size_t i = 0; i < submitters; ++i) {
      const auto text = ps[i].stdout_text();
      for (auto line : lines(text)) refused_late += line.find("伝送エラー") != std::string_view::npos;
    }
    Round r;
    check_round(round, dir.path(), ps, submitters, cancellers, r);
    for (const auto& v : r.violations) ADD_FAILURE() << v;
    violations += static_cast<int>(r.violations.size());
    if (violations > 20) break;
  }
  EXPECT_EQ(violations, 0);
  std::printf("stress: %d rounds, %d violations, %d submitters killed, %d files refused or interrupted\n", rounds,
              violations, killed, refused_late);
}

}  // namespace
}  // namespace kaigo::testing
