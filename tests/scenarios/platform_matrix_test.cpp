// The seed 004 §3 table, cell by cell: one scenario per column × job × kind of information, on
// 2026-10-15, for a person whose municipality went live on 2026-06-01, who gave 包括同意 on the new
// form with an application of 2026-10-01, whose 主治医意見書作成依頼 went to the clinic and to the
// 介護老人保健施設 on 2026-10-02, and whom each office verified on 2026-10-02. The expected
// answers are written here from the seed's table, not read from access_matrix.tsv.
#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "support/platform_world.hpp"

namespace kaigo::testing {
namespace {

using platform::ViewKind;

struct Cell {
  std::string name;  // test name: kind_column_job
  ViewKind kind;
  const char* user;
  bool allowed;
  const char* rule;
  const char* note;
  std::set<std::string> kinds;  // the record kinds shown when allowed
};


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

const std::set<std::string> kSurvey{"survey"}, kOpinion{"opinion"}, kCard{"person", "certificate", "burden", "progress"},
    kApplication{"application"}, kLife{"life"}, kCarePlan{"careplan"}, kHousing{"housing", "equipment"}, kNone{};

// Columns: 利用者 (person 0101), 市区町村 (0201), 居宅介護支援事業所 (care manager 0301, clerk 0302),
// 介護老人保健施設 (doctor 0401, care manager 0402, clerk 0403), その他の介護事業所 (care manager 0501,
// other 0502), 医療機関 (doctor 0601, 医師事務作業補助者 0602, other 0603).
std::vector<Cell> cells() {
  std::vector<Cell> out;
  struct Kind {
    const char* name;
    ViewKind kind;
    const std::set<std::string>* shown;
  };
  // ①② 認定調査票・主治医意見書: blank for the person; ※1 ※2 ※3 for the facilities and clinics.
  for (const Kind k : {Kind{"survey", ViewKind::Survey, &kSurvey}, Kind{"opinion", ViewKind::Opinion, &kOpinion}}) {
    const auto& s = *k.shown;
    auto add = [&](std::string column, const char* user, bool ok, const char* rule, const char* note) {
      out.push_back({std::string(k.name) + "_" + column, k.kind, user, ok, rule, note, ok ? s : kNone});
    };
    add("person", "KJ0000000101", false, "blank-cell", "");
    add("municipality", "KJ0000000201", true, "cell", "");
    add("support_office_care_manager", "KJ0000000301", true, "cell", "");
    add("support_office_clerk", "KJ0000000302", true, "cell", "");
    add("roken_doctor", "KJ0000000401", true, "cell", "※1");
    add("roken_care_manager", "KJ0000000402", true, "cell", "※2");
    add("roken_clerk", "KJ0000000403", false, "job-not-allowed", "※1※2");
    add("office_care_manager", "KJ0000000501", true, "cell", "※2");
    add("office_other", "KJ0000000502", false, "job-not-allowed", "※2");
    add("medical_doctor", "KJ0000000601", true, "cell", "※3");
    add("medical_clerk", "KJ0000000602", true, "cell", "※3");
    add("medical_other", "KJ0000000603", false, "job-not-allowed", "※3");
  }
  // ③ 被保険者証等, LIFE, ケアプラン, 住宅改修・福祉用具: ○ in every column; ④ 申請書: ※4 for the
  // person, ○ for the municipality, offices from 令和8年度下期 (open on 2026-10-15), blank for clinics.
  for (const Kind k : {Kind{"card", ViewKind::Card, &kCard}, Kind{"application", ViewKind::Application, &kApplication},
                       Kind{"life", ViewKind::Life, &kLife}, Kind{"careplan", ViewKind::CarePlan, &kCarePlan},
                       Kind{"housing", ViewKind::Housing, &kHousing}}) {
    const bool application = k.kind == ViewKind::Application;
    for (auto [column, user] : std::vector<std::pair<const char*, const char*>>{
             {"person", "KJ0000000101"}, {"municipality", "KJ0000000201"}, {"support_office_care_manager", "KJ0000000301"},
             {"support_office_clerk", "KJ0000000302"}, {"roken_doctor", "KJ0000000401"}, {"roken_clerk", "KJ0000000403"},
             {"office_other", "KJ0000000502"}, {"medical_doctor", "KJ0000000601"}, {"medical_other", "KJ0000000603"}}) {
      const auto name = std::string(k.name) + "_" + column;
      const bool medical = std::string(column).starts_with("medical");
      if (application && medical) {
        out.push_back({name, k.kind, user, false, "blank-cell", "", kNone});
      } else {
        const char* note = application && std::string(column) == "person" ? "※4" : "";
        out.push_back({name, k.kind, user, true, "cell", note, *k.shown});
      }
    }
  }
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
