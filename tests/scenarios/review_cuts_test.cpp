// 査定 (増減): a 明細書 matched with its 給付管理票, office by office and type by type.
//   - seed 002 §5(2): the two examples of the 介護保険審査増減単位数通知書 (事由 A and B);
//   - インタフェース仕様書 §1.8: the worked example of A, B and C sharing one plan;
//   - the same example at a 国保連 that returns instead of cutting (review-rules §4.3).
#include <gtest/gtest.h>

#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;
using review::CutReason;

// seed 002 §5(2), first notice: 65 (介護予防通所介護) claimed 1,719 units by an office the plan
// does not name → 事由 A, 確定単位数 0, 請求単位数 1,719. The notice prints R05.9; our サービス種類
// master ends 65 in 2018-03 (moved to 総合事業), so the story is told in H29.9. The seed gives the
// total only: the split over the two codes it prints (1111, 6107) is ours.
TEST(ReviewCuts, Seed002ReasonA_NotOnThePlanIsAssessedToZero) {
  Story s;
  s.office("3070000000", "65");
  s.office("3070000002", "65");
  s.office("3070000003", "65");
  auto& taro = s.person("0000000001");
  taro.level = "12";  // 要支援1
  taro.cert_from = "20160401";
  s.code("65", "1111", "介護予防通所介護（seed 002 の例）", 1647);
  s.code("65", "6107", "介護予防通所介護加算（seed 002 の例）", 72);
  const YearMonth sept{2017, 9};

  auto plan = s.plan("P", "0000000001", sept, {{"3070000002", "65", 500}, {"3070000003", "65", 300}});
  auto claim = s.claim("A", "3070000000", "0000000001", sept, {{"65", "1111"}, {"65", "6107"}});
  auto month = s.review({2017, 10}, {plan}, {claim});

  const auto& d = month.claim("A");
  EXPECT_EQ(d.outcome, ClaimOutcome::Cut);
  EXPECT_EQ(rows(d), (std::vector<std::string>{
                         "- | 増減A | 65 | サービス種類コード：給付管理票に実績が記載されていないもの | 1719 | 0"}));
  ASSERT_EQ(d.rows.size(), 1u);
  const auto& r = d.rows[0];
  EXPECT_EQ(r.last_item_code, "6107");  // where the notice prints -1,719
  EXPECT_EQ(r.cut, CutReason::NotOnPlan);
  EXPECT_EQ(r.change().value, -1719);
  EXPECT_EQ(r.written.units.value, 1719);
  EXPECT_EQ(r.written.insurance_claim.value, 15471);  // 17,190円 × 90%
  EXPECT_EQ(r.decided.units.value, 0);                 // 0 単位, 0 円で決定
  EXPECT_EQ(r.decided.insurance_claim.value, 0);
  EXPECT_EQ(r.decided.user_burden.value, 0);
  EXPECT_EQ(month.plan("P").outcome, review::PlanOutcome::Registered);
}

// seed 002 §5(2), second notice: 16 (通所リハ) 請求 6,515 units, the plan has 5,427 for the
// office → 事由 B, cut by 1,088 to 5,427. Codes 2101, 5301, 5605 as printed; their units are ours.
TEST(ReviewCuts, Seed002ReasonB_OverThePlanIsCutToThePlan) {
  Story s;
  s.office("3070000000", "16");
  s.office("3070000004", "13");
  s.person("0000000002").level = "22";
  s.code("16", "2101", "通所リハ（seed 002 の例）", 762);
  s.code("16", "5301", "通所リハ入浴介助加算（seed 002 の例）", 40);
  s.code("16", "5605", "通所リハ加算（seed 002 の例）", 99);
  const YearMonth sept{2023, 9};

  auto plan = s.plan("P", "0000000002", sept, {{"3070000000", "16", 5427}, {"3070000004", "13", 300}});
  auto claim = s.claim("A", "3070000000", "0000000002", sept, {{"16", "2101", 8}, {"16", "5301", 8}, {"16", "5605", 1}});
  auto month = s.review({2023, 10}, {plan}, {claim});

  const auto& d = month.claim("A");
  EXPECT_EQ(d.outcome, ClaimOutcome::Cut);
  EXPECT_EQ(rows(d), (std::vector<std::string>{
                         "- | 増減B | 16 | サービス種類コード：給付管理票の実績を超えるもの | 6515 | 5427"}));
  const auto& r = d.rows.at(0);
  EXPECT_EQ(r.last_item_code, "5605");
  EXPECT_EQ(r.cut, CutReason::OverPlan);
  EXPECT_EQ(r.plan_units->value, 5427);
  EXPECT_EQ(r.change().value, -1088);
  // Recomputed from the decided units (単価 10.00): 54,270円 → 保険 48,843 / 利用者 5,427.
  EXPECT_EQ(r.written.insurance_claim.value, 58635);
  EXPECT_EQ(r.decided.insurance_claim.value, 48843);
  EXPECT_EQ(r.decided.user_burden.value, 5427);
}

// インタフェース仕様書 サービス事業所編 §1.8 (平成12年4月, 訪問通所区分支給限度額 400 単位):
// 給付管理票 A 訪問介護 200, B 訪問介護 100, B 訪問入浴 100.
//   A claims 訪問介護 90 + 110 and 訪問入浴 60 → the 60 are cut: A has no 入浴 on the plan, and
//     B's 入浴 line is not A's;
//   B claims 訪問介護 50 + 70 and 訪問入浴 100 → 20 cut from 訪問介護, 入浴 as planned;
//   C, not on the plan, claims 訪問介護 50 → ゼロ査定.
// Told in 2026 (our masters start later than 2000); the 400-unit limit is the person's own.
struct SpecExample {
  static constexpr const char* kA = "1370000001";
  static constexpr const char* kB = "1370000002";
  static constexpr const char* kC = "1370000003";
  static constexpr YearMonth kApril{2026, 3};  // the services' month (reviewed in 2026-04)
  Story s;
  review::SubmittedPlan plan;
  std::vector<review::SubmittedClaim> claims;

  SpecExample() {
    for (const char* o : {kA, kB, kC}) s.office(o, "11");
    for (const char* o : {kA, kB}) s.office(o, "12");
    s.person("0000000003").limit_units = 400;  // 日本 太郎
    s.code("11", "9090", "訪問介護○○○", 10);
    s.code("11", "9011", "訪問介護△△△", 10);
    s.code("12", "9006", "訪問入浴◇◇◇", 60);
    s.code("12", "9010", "訪問入浴○○○", 100);
    plan = s.plan("P", "0000000003", kApril, {{kA, "11", 200}, {kB, "11", 100}, {kB, "12", 100}});
    claims.push_back(s.claim("A", kA, "0000000003", kApril, {{"11", "9090", 9}, {"11", "9011", 11}, {"12", "9006"}}));
    claims.push_back(s.claim("B", kB, "0000000003", kApril, {{"11", "9090", 5}, {"11", "9011", 7}, {"12", "9010"}}));
    claims.push_back(s.claim("C", kC, "0000000003", kApril, {{"11", "9090", 5}}));
  }
};

std::string units(const review::RowDecision& r) {
  return r.service_type + ": " + std::to_string(r.written.units.value) + " → " + std::to_string(r.decided.units.value);
}

TEST(ReviewCuts, SpecWorkedExample_EachOfficeIsCutOnItsOwnLines) {
  SpecExample ex;
  auto month = ex.s.review({2026, 4}, {ex.plan}, ex.claims);
  EXPECT_EQ(month.plan("P").outcome, review::PlanOutcome::Registered);

  const auto& a = month.claim("A");
  EXPECT_EQ(a.outcome, ClaimOutcome::Cut);
  EXPECT_EQ(units(a.rows.at(0)), "11: 200 → 200");
  EXPECT_EQ(units(a.rows.at(1)), "12: 60 → 0");
  EXPECT_EQ(rows(a), (std::vector<std::string>{
                         "- | 増減A | 12 | サービス種類コード：給付管理票に実績が記載されていないもの | 60 | 0"}));
  // 訪問介護 stays paid in full: 2,000円 → 保険 1,800.
  EXPECT_EQ(a.decided_total().insurance_claim.value, 1800);

  const auto& b = month.claim("B");
  EXPECT_EQ(b.outcome, ClaimOutcome::Cut);
  EXPECT_EQ(units(b.rows.at(0)), "11: 120 → 100");
  EXPECT_EQ(units(b.rows.at(1)), "12: 100 → 100");
  EXPECT_EQ(rows(b), (std::vector<std::string>{
                         "- | 増減B | 11 | サービス種類コード：給付管理票の実績を超えるもの | 120 | 100"}));
  EXPECT_EQ(b.decided_total().insurance_claim.value, 900 + 900);

  const auto& c = month.claim("C");
  EXPECT_EQ(c.outcome, ClaimOutcome::Cut);
  EXPECT_EQ(units(c.rows.at(0)), "11: 50 → 0");
  EXPECT_EQ(rows(c), (std::vector<std::string>{
                         "- | 増減A | 11 | サービス種類コード：給付管理票に実績が記載されていないもの | 50 | 0"}));
  EXPECT_EQ(c.decided_total().insurance_claim.value, 0);
}

// The same month at a 国保連 with plan_mismatch = "return" (熊本, review-rules §4.3): every
// 明細書 that disagrees with the plan goes back whole, 備考 「返戻」, 事由 C; nothing is paid on it.
TEST(ReviewCuts, SpecWorkedExample_ReturnedInsteadOfCut) {
  SpecExample ex;
  ex.s.config.plan_mismatch = PlanMismatch::Return;
  auto month = ex.s.review({2026, 4}, {ex.plan}, ex.claims);

  const auto& a = month.claim("A");
  EXPECT_EQ(a.outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(a), (std::vector<std::string>{
                         "返戻 | C | 12 | サービス種類コード：給付管理票に実績が記載されていないもの | 60 | 0"}));
  EXPECT_EQ(rows(month.claim("B")), (std::vector<std::string>{
                                        "返戻 | C | 11 | サービス種類コード：給付管理票の実績を超えるもの | 120 | 100"}));
  EXPECT_EQ(month.claim("C").outcome, ClaimOutcome::Returned);
  for (const auto& d : month.outcome.claim_decisions) {
    EXPECT_EQ(d.decided_total(), review::Amounts{}) << d.claim_id;
    for (const auto& r : d.rows) EXPECT_EQ(r.cut, CutReason::None) << d.claim_id;
  }
  // The plan itself is fine and stays registered.
  EXPECT_EQ(month.plan("P").outcome, review::PlanOutcome::Registered);
}

}  // namespace
}  // namespace kaigo::testing
