// The seed 004 §3 table, cell by cell: one scenario per column × job × kind of information, on
// 2026-10-15, for a person whose municipality went live on 2026-06-01, who gave 包括同意 on the new
// form with an application of 2026-10-01, whose 主治医意見書作成依頼 went to the clinic and to the
// 介護老人保健施設 on 2026-10-02, and whom each office verified on 2026-10-02. The expected
// answers are the seed's table transcribed (tests/fixtures/platform/seed004_access_table.tsv), so
// that a reader compares them with the seed row by row; never read from access_matrix.tsv, which is
// what they check.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>

#include "kaigo/core/strings.hpp"
#include "support/platform_world.hpp"

namespace kaigo::testing {
namespace {

using platform::ViewKind;

struct Cell {
  std::string name;  // test name: kind_column_job
  ViewKind kind;
  std::string user;
  bool allowed;
  std::string rule;
  std::string note;
  std::set<std::string> kinds;  // the record kinds shown when allowed
};

// A failing cell is shown as its fixture row says it, instead of gtest's dump of the struct's bytes.
void PrintTo(const Cell& c, std::ostream* os) {
  *os << c.name << " " << c.user << " " << (c.allowed ? "yes" : "no") << " " << c.rule << " "
      << (c.note.empty() ? "-" : c.note);
}

class MatrixCell : public ::testing::TestWithParam<Cell> {
 public:
  static void SetUpTestSuite() {
    world_ = std::make_unique<PlatformWorld>();
    auto& w = *world_;
    w.golive("131013", "20260601");
    auto a = w.load(linkage_file(full_person(kPerson, "20261001")), "2026-10-01T18:00:00");
    ASSERT_EQ(a.status, platform::FileStatus::Done) << platform::to_json(a).dump();
    ASSERT_TRUE(w.request(kPerson, PlatformWorld::kClinic, "20261001", "20261002").ok);
    ASSERT_TRUE(w.request(kPerson, PlatformWorld::kRoken, "20261001", "20261002").ok);
    for (const char* u : {"KJ0000000301", "KJ0000000402", "KJ0000000502"}) {
      auto r = w.identify(u, kPerson, "2026-10-02T11:00:00");
      ASSERT_TRUE(r.ok) << r.rule;
    }
  }
  static void TearDownTestSuite() { world_.reset(); }
  static std::unique_ptr<PlatformWorld> world_;
};
std::unique_ptr<PlatformWorld> MatrixCell::world_;

TEST_P(MatrixCell, AnswersAsTheSeedsTable) {
  const auto& c = GetParam();
  auto v = world_->view(c.user, kPerson, c.kind, "2026-10-15T10:00:00");
  EXPECT_EQ(v.decision.allowed, c.allowed) << v.decision.rule << " " << v.decision.message_en;
  EXPECT_EQ(v.decision.rule, c.rule);
  EXPECT_EQ(v.decision.note, c.note);
  std::set<std::string> shown;
  for (const auto& r : v.records) shown.insert(r.kind);
  EXPECT_EQ(shown, c.kinds);
  if (!c.allowed) {
    EXPECT_FALSE(v.decision.message_ja.empty());
  }
}

// A kind of information as the fixture names it, and the records a view of it shows when the cell
// allows it: which records make up a kind is the platform's, not something the seed's table says.
struct SeedTableKind {
  std::string_view word;
  ViewKind kind;
  std::set<std::string> shown;
};
const std::vector<SeedTableKind> kSeedTableKinds{
    {"survey", ViewKind::Survey, {"survey"}},
    {"opinion", ViewKind::Opinion, {"opinion"}},
    {"card", ViewKind::Card, {"person", "certificate", "burden", "progress"}},
    {"application", ViewKind::Application, {"application"}},
    {"life", ViewKind::Life, {"life"}},
    {"careplan", ViewKind::CarePlan, {"careplan"}},
    {"housing", ViewKind::Housing, {"housing", "equipment"}},
};

// The cells of the transcribed table, in its order. A malformed row throws with the fixture's
// path:line: the cells are built while the tests register, so a row skipped or half-read would
// silently drop or weaken a cell.
std::vector<Cell> cells() {
  const auto path = fixture("platform/seed004_access_table.tsv");
  const auto text = read_file(path);
  const auto rows = lines(text);
  std::vector<Cell> out;
  std::set<std::string> names;
  bool header_seen = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto malformed = [&](const std::string& what) {
      return std::runtime_error(path.string() + ":" + std::to_string(i + 1) + ": " + what);
    };
    if (rows[i].empty() || starts_with(rows[i], "#")) continue;
    if (!header_seen) {
      if (rows[i] != "kind\tcolumn\tuser\tallowed\trule\tnote")
        throw malformed("the header must be kind, column, user, allowed, rule, note");
      header_seen = true;
      continue;
    }
    const auto c = split(rows[i], '\t');
    if (c.size() != 6) throw malformed("six tab-separated columns, not " + std::to_string(c.size()));
    const auto k = std::find_if(kSeedTableKinds.begin(), kSeedTableKinds.end(),
                                [&](const SeedTableKind& t) { return t.word == c[0]; });
    if (k == kSeedTableKinds.end()) throw malformed("unknown kind \"" + std::string(c[0]) + "\"");
    if (c[1].empty() || c[2].empty() || c[4].empty() || c[5].empty())
      throw malformed("an empty cell (write - for no note)");
    if (c[3] != "yes" && c[3] != "no") throw malformed("allowed is yes or no, not \"" + std::string(c[3]) + "\"");
    const bool allowed = c[3] == "yes";
    std::string name = std::string(c[0]) + "_" + std::string(c[1]);
    if (!names.insert(name).second) throw malformed("a second row for " + name);
    out.push_back({std::move(name), k->kind, std::string(c[2]), allowed, std::string(c[4]),
                   c[5] == "-" ? std::string() : std::string(c[5]), allowed ? k->shown : std::set<std::string>{}});
  }
  if (out.empty()) throw std::runtime_error(path.string() + ": no cells");
  return out;
}

INSTANTIATE_TEST_SUITE_P(Seed004Table, MatrixCell, ::testing::ValuesIn(cells()),
                         [](const ::testing::TestParamInfo<Cell>& i) { return i.param.name; });

TEST_F(MatrixCell, AnOperatorIsNoViewerAndAnotherMunicipalitySeesNothing) {
  auto op = world_->view("KJ0000000701", kPerson, ViewKind::Card, "2026-10-15T10:00:00");
  EXPECT_FALSE(op.decision.allowed);
  EXPECT_EQ(op.decision.rule, "not-a-viewer");
  auto other = world_->view("KJ0000000202", kPerson, ViewKind::Card, "2026-10-15T10:00:00");
  EXPECT_FALSE(other.decision.allowed);
  EXPECT_EQ(other.decision.rule, "other-insurer");
  EXPECT_TRUE(other.records.empty());
  auto stranger = world_->view("KJ0000000101", {"131013", "9000000002"}, ViewKind::Card, "2026-10-15T10:00:00");
  EXPECT_EQ(stranger.decision.rule, "not-the-person");
}

TEST_F(MatrixCell, TheApplicationOpensToOfficesOnTheFirstDayOfTheSecondHalfOfFY2026) {
  // 令和8年度下期実装予定: a dated cell, 2026-10-01 in access_matrix.tsv.
  auto before = world_->view("KJ0000000301", kPerson, ViewKind::Application, "2026-09-30T23:59:59");
  EXPECT_FALSE(before.decision.allowed);
  EXPECT_EQ(before.decision.rule, "cell-not-yet");
  EXPECT_EQ(before.decision.facts["from"], "20261001");
  auto person = world_->view("KJ0000000101", kPerson, ViewKind::Application, "2026-09-30T23:59:59");
  EXPECT_TRUE(person.decision.allowed);  // ※4: the person has always held it
  EXPECT_EQ(person.decision.note, "※4");
}

TEST_F(MatrixCell, NothingIsVisibleBeforeThePlatformStarted) {
  auto v = world_->view("KJ0000000201", kPerson, ViewKind::Card, "2026-03-31T12:00:00");
  EXPECT_EQ(v.decision.rule, "platform-not-started");
}

}  // namespace
}  // namespace kaigo::testing
