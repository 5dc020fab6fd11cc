// One table per enum: every value prints as its code and name, and its code parses back to it.
#include <gtest/gtest.h>

#include "kaigo/core/settings.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/master/service_types.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/review/decision.hpp"

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

TEST(EnumTables, NamesAndNumbers) {
  EXPECT_EQ(review::outcome_name(review::ClaimOutcome::Cut), "査定");
  EXPECT_EQ(review::outcome_name(review::PlanOutcome::Withdrawn), "取消");
  EXPECT_EQ(precheck::level_name_ja(precheck::Level::External), "外部エラー");
  EXPECT_EQ(master::kLaborShares.number(master::LaborShare::P55), 55);
  EXPECT_EQ(master::labor_share_name(master::LaborShare::Flat10), "10円");
  EXPECT_EQ(fee_kind_name(FeeKind::CarePlanLicense), "careplan_license");
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
