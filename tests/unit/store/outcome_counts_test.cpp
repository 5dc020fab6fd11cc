// The month's counts by outcome (the month page, GET /api/months/{m}) when the indexes by outcome
// leave out the review's 支払 and the 登録 of 給付管理票 (schema 9): each count is the one a plain
// GROUP BY over every row gives, with 再審査 decisions and other months beside them.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/view_store.hpp"
#include "support/test_support.hpp"

namespace kaigo::store {
namespace {

using testing::TempDir;

void add_claims(Connection& c, const std::string& month, const std::string& kind, const std::string& outcome, int n) {
  auto st = c.prepare(
      "INSERT INTO claim_decisions(month, claim_id, submission_id, copy, order_no, outcome, released, held_since, "
      "form_id, office_no, insurer_no, insured_no, service_month, written_units, written_claim, written_burden, "
      "written_fund1, written_fund2, written_fund3, decided_units, decided_claim, decided_burden, decided_fund1, "
      "decided_fund2, decided_fund3, kind) VALUES (?1, 'id', 1, 1, 1, ?2, 0, '', '7131', '1370000001', '131016', "
      "'0000000001', '202604', 1, 9, 1, 0, 0, 0, 1, 9, 1, 0, 0, 0, ?3)");
  for (int i = 0; i < n; ++i) st.bind(1, month).bind(2, outcome).bind(3, kind).run();
}

void add_plans(Connection& c, const std::string& month, const std::string& outcome, int n) {
  auto st = c.prepare(
      "INSERT INTO plan_decisions(month, plan_id, submission_id, order_no, outcome, insurer_no, insured_no, "
      "service_month, support_office_no, create_kind, previous_plan_id) VALUES (?1, 'p', 1, 1, ?2, '131016', "
      "'0000000001', '202604', '1370000009', 1, '')");
  for (int i = 0; i < n; ++i) st.bind(1, month).bind(2, outcome).run();
}

std::vector<std::pair<std::string, std::int64_t>> claims_of(ViewStore& v, YearMonth m) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& o : v.claim_outcomes(m)) out.emplace_back(o.outcome, o.count);
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> plans_of(ViewStore& v, YearMonth m) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& o : v.plan_outcomes(m)) out.emplace_back(o.code, o.count);
  return out;
}

using Counts = std::vector<std::pair<std::string, std::int64_t>>;

TEST(OutcomeCounts, PaidAndRegisteredAreTheMonthLessTheRest) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  auto& c = db->connection();
  add_claims(c, "202605", "review", "paid", 7);
  add_claims(c, "202605", "review", "held", 2);
  add_claims(c, "202605", "review", "cut", 1);
  add_claims(c, "202605", "review", "returned", 3);
  add_claims(c, "202605", "rereview", "paid", 4);  // kaigo results' 再審査: not the review's
  add_claims(c, "202604", "review", "paid", 5);    // another month
  add_plans(c, "202605", "registered", 6);
  add_plans(c, "202605", "returned", 2);
  add_plans(c, "202606", "registered", 3);
  ViewStore views(*db);
  EXPECT_EQ(claims_of(views, {2026, 5}), (Counts{{"cut", 1}, {"held", 2}, {"paid", 7}, {"returned", 3}}));
  EXPECT_EQ(claims_of(views, {2026, 4}), (Counts{{"paid", 5}}));
  EXPECT_EQ(claims_of(views, {2026, 6}), Counts{});
  EXPECT_EQ(plans_of(views, {2026, 5}), (Counts{{"registered", 6}, {"returned", 2}}));
  EXPECT_EQ(plans_of(views, {2026, 6}), (Counts{{"registered", 3}}));
  EXPECT_EQ(plans_of(views, {2026, 4}), Counts{});
  // The review's progress counts the review's decisions and the month's plans, not the 再審査.
  EXPECT_EQ(views.review_progress({2026, 5}).first, 7 + 2 + 1 + 3 + 6 + 2);
}

TEST(OutcomeCounts, AMonthWithoutPaidOrRegisteredHasNoSuchRow) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  auto& c = db->connection();
  add_claims(c, "202605", "review", "returned", 2);
  add_claims(c, "202605", "rereview", "paid", 1);
  add_plans(c, "202605", "returned", 1);
  ViewStore views(*db);
  EXPECT_EQ(claims_of(views, {2026, 5}), (Counts{{"returned", 2}}));
  EXPECT_EQ(plans_of(views, {2026, 5}), (Counts{{"returned", 1}}));
}

}  // namespace
}  // namespace kaigo::store
