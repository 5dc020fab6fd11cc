// One table per enum: every value prints as its code and name, and its code parses back to it.
#include <gtest/gtest.h>

#include <filesystem>

#include "kaigo/auth/audit.hpp"
#include "kaigo/auth/certificates.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/careplan/layout.hpp"
#include "kaigo/core/diagnostic.hpp"
#include "kaigo/core/settings.hpp"
#include "kaigo/exchange/codec_diagnostics.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/gen/generator.hpp"
#include "kaigo/master/service_types.hpp"
#include "kaigo/platform/apply.hpp"
#include "kaigo/platform/golive_status.hpp"
#include "kaigo/platform/kinds.hpp"
#include "kaigo/platform/matrix.hpp"
#include "kaigo/portal/application.hpp"
#include "kaigo/portal/computation.hpp"
#include "kaigo/portal/finding.hpp"
#include "kaigo/portal/scheme.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/precheck/rules.hpp"
#include "kaigo/reception/lifecycle.hpp"
#include "kaigo/reception/month_state.hpp"
#include "kaigo/report/design.hpp"
#include "kaigo/review/decision.hpp"
#include "kaigo/review/statistics.hpp"
#include "kaigo/settlement/appeal.hpp"
#include "kaigo/store/database.hpp"
#include "kaigo/text/charclass.hpp"
#include "support/test_support.hpp"

namespace kaigo {
namespace {

template <class E, std::size_t N>
void round_trips(const EnumTable<E, N>& table) {
  for (const auto& row : table.rows) {
    EXPECT_EQ(table.parse(row.code), row.value) << row.code;
    EXPECT_EQ(table.code(row.value), row.code);
  }
  EXPECT_TRUE(table.one_to_one());
  EXPECT_EQ(table.parse("no such code"), std::nullopt);
}

// enum_code, enum_ja and parse_enum reach E's table (by argument-dependent lookup) and agree with it.
template <class E>
std::size_t speaks_through_its_table() {
  const auto& table = enum_table(E{});
  round_trips(table);
  for (const auto& row : table.rows) {
    EXPECT_EQ(enum_code(row.value), row.code);
    EXPECT_EQ(enum_ja(row.value), row.ja);
    EXPECT_EQ(enum_en(row.value), row.en);
    EXPECT_EQ(parse_enum<E>(row.code), row.value) << row.code;
    if (row.ja.empty()) continue;
    // A name may be shared (two kinds of finding both print 返戻): it parses to a value of that name.
    const auto by_name = parse_enum_ja<E>(row.ja);
    EXPECT_TRUE(by_name.has_value()) << row.ja;
    if (by_name) {
      EXPECT_EQ(enum_ja(*by_name), row.ja);
    }
  }
  return 1;
}

template <class... E>
std::size_t all_speak() {
  return (speaks_through_its_table<E>() + ...);
}

// Every enum with a table, one per src/kaigo/**/*.enum.tsv (cmake/enum_rows.cmake).
TEST(EnumTables, EveryTableSpeaksTheOneVocabulary) {
  const std::size_t tested =
      all_speak<auth::AuditAction, auth::CertificateState, auth::Role, auth::Job, PlanMismatch, FeeKind, NegativePayment, exchange::Family,
                gen::Mistake, master::LaborShare, platform::FileStatus, platform::GoLiveState, platform::ViewKind,
                platform::ColumnType, platform::Viewer, portal::State, portal::Outcome, portal::Effect,
                portal::Facility, portal::ItemKind, precheck::Level, precheck::RuleFamily, precheck::ItemRuleKind, exchange::CodecIssue, exchange::Requirement, careplan::ItemFormat, careplan::Certainty, careplan::NameMonth, platform::Basis, portal::Program, text::CharClass, Severity, reception::FileState,
                reception::MonthState, report::Align, review::ClaimOutcome, review::PlanOutcome, review::CutReason,
                review::FindingKind, review::ReasonKind, review::StatAxis, settlement::Applicant,
                settlement::AppealDecision, store::TableKind>();
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(testing::source_dir() / "src/kaigo")) {
    if (e.path().filename().string().ends_with(".enum.tsv")) ++files;
  }
  EXPECT_EQ(tested, files) << "a new NAME.enum.tsv belongs in this list";
}

TEST(EnumTables, EveryCodeParsesBackToItsValue) {
  round_trips(review::kClaimOutcomes);
  round_trips(review::kPlanOutcomes);
  round_trips(review::kFindingKinds);
  round_trips(review::kCutReasons);
  round_trips(precheck::kLevelNames);
  round_trips(kPlanMismatches);
  round_trips(kFeeKinds);
  round_trips(kNegativePayments);
  round_trips(master::kLaborShares);
  round_trips(exchange::kFamilies);
}

enum class Light { Red, Green };

TEST(EnumTables, ANextStateMustBeACodeOfTheTable) {
  constexpr EnumTable<Light, 2> kGood{{{{Light::Red, "red", "赤", 0, "green"}, {Light::Green, "green", "青", 0, "red"}}}};
  static_assert(kGood.one_to_one());
  EXPECT_TRUE(kGood.may_move(Light::Red, Light::Green));
  EXPECT_FALSE(kGood.may_move(Light::Red, Light::Red));
  const EnumTable<Light, 2> final_green{{{{Light::Red, "red", "赤", 0, "green"}, {Light::Green, "green"}}}};
  EXPECT_FALSE(final_green.may_move(Light::Green, Light::Red));  // no next: a final state
}

// Built at run time, a table that breaks the rules throws (a constexpr one does not compile).
TEST(EnumTables, ABrokenTableIsRefusedAsItIsBuilt) {
  using Table = EnumTable<Light, 2>;
  using Rows = std::array<EnumRow<Light>, 2>;
  EXPECT_THROW(Table(Rows{{{Light::Red, "red", "赤", 0, "green blue"}, {Light::Green, "green"}}}), std::logic_error);
  EXPECT_THROW(Table(Rows{{{Light::Red, "red"}, {Light::Green, "red"}}}), std::logic_error);      // a code twice
  EXPECT_THROW(Table(Rows{{{Light::Red, "red"}, {Light::Red, "green"}}}), std::logic_error);      // a value twice
  EXPECT_NO_THROW(Table(Rows{{{Light::Red, "red"}, {Light::Green, "green"}}}));
}

TEST(EnumTables, NamesAndNumbers) {
  EXPECT_EQ(enum_ja(review::ClaimOutcome::Cut), "査定");
  EXPECT_EQ(enum_ja(review::PlanOutcome::Withdrawn), "取消");
  EXPECT_EQ(enum_ja(precheck::Level::External), "外部エラー");
  EXPECT_EQ(enum_number(master::LaborShare::P55), 55);
  EXPECT_EQ(parse_enum<text::CharClass>("半角カナ"), text::CharClass::HalfKana);
  EXPECT_EQ(enum_en(text::CharClass::Alnum), "half-width alphanumerics");
  EXPECT_EQ(enum_code(Severity::Warning), "warning");
  EXPECT_EQ(enum_code(reception::FileState::FormatErrors), "format_errors");
  EXPECT_EQ(enum_ja(reception::FileState::FormatErrors), "様式エラー有");
  EXPECT_EQ(enum_code(portal::State::Decided), "decided");
  EXPECT_EQ(enum_ja(portal::State::Decided), "交付決定");
  EXPECT_EQ(parse_enum<auth::Role>("medical"), auth::Role::Medical);
  EXPECT_EQ(parse_enum<auth::Role>("Medical"), std::nullopt);
  EXPECT_EQ(parse_enum_ja<reception::MonthState>("審査中"), reception::MonthState::UnderReview);
  EXPECT_EQ(enum_ja(master::LaborShare::Flat10), "10円");
  EXPECT_EQ(enum_code(FeeKind::CarePlanLicense), "careplan_license");
  // The 備考 of the 返戻（保留）一覧 for each kind of finding.
  review::Finding f;
  f.kind = review::FindingKind::PlanMismatch;
  EXPECT_EQ(f.remark(), "返戻");
  f.kind = review::FindingKind::Error;
  f.code = "12PA";
  EXPECT_EQ(f.remark(), "12PA");
}

}  // namespace
}  // namespace kaigo
