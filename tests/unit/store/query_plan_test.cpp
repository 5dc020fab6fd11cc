// How SQLite runs the lookups made once per document of a month (issue 19), the history's read
// of last month's held 明細書, the month's counts by outcome and a month's 給付管理票 decisions: each
// is a search of an index, with no temporary B-tree and no scan — on an empty database and on one
// with rows.
#include <gtest/gtest.h>

#include <string>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/claim_sql.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/test_support.hpp"

namespace kaigo::store {
namespace {

using testing::TempDir;

// The plan SQLite chooses, one detail line per row ("SEARCH d USING …").
std::string plan_of(Connection& c, std::string_view sql) {
  auto st = c.prepare("EXPLAIN QUERY PLAN " + std::string(sql));
  std::string out;
  while (st.step()) out += st.text(3) + "\n";
  return out;
}

// The re-sent 明細書's join of review_store's history: every document of the month against the
// decisions of earlier months.
std::string same_claim_join() {
  return "SELECT c2.id FROM submission_documents d JOIN submissions s ON s.id = d.submission_id JOIN claim_decisions "
         "c2 ON " +
         same_claim("d", "c2") + " WHERE s.processing_month = ?1 AND s.state = 'sent'";
}

void expect_index_searches(Connection& c) {
  const auto duplicate = plan_of(c, kDocumentInReviewSql);
  EXPECT_NE(duplicate.find("SEARCH d USING COVERING INDEX submission_documents_key_file (doc_key=?)"),
            std::string::npos)
      << duplicate;
  EXPECT_EQ(duplicate.find("TEMP B-TREE"), std::string::npos) << duplicate;
  EXPECT_EQ(duplicate.find("SCAN"), std::string::npos) << duplicate;

  const auto resent = plan_of(c, same_claim_join());
  EXPECT_NE(resent.find("SEARCH c2 USING INDEX claim_decisions_person (insured_no=? AND service_month=?)"),
            std::string::npos)
      << resent;
  EXPECT_EQ(resent.find("TEMP B-TREE"), std::string::npos) << resent;

  // Last month's held 明細書: the three columns of claim_decisions_outcome, not the month's range.
  const auto held = plan_of(c, "SELECT h.claim_id FROM claim_decisions h WHERE " + held_in_month("h", "?1"));
  EXPECT_NE(held.find("SEARCH h USING INDEX claim_decisions_outcome (month=? AND kind=? AND outcome=?)"),
            std::string::npos)
      << held;
  EXPECT_EQ(held.find("SCAN"), std::string::npos) << held;

  // The partial indexes by outcome (schema 9) are searched by the queries that name their terms:
  // the month's outcomes but 支払 and 登録, and the month's 再審査 decisions.
  const auto not_paid = plan_of(c, "SELECT d.outcome, COUNT(*) FROM claim_decisions d WHERE d.month = ?1 AND d.kind = "
                                   "'review' AND " + not_review_paid("d") + " GROUP BY d.outcome");
  EXPECT_NE(not_paid.find("USING COVERING INDEX claim_decisions_outcome (month=? AND kind=?)"), std::string::npos)
      << not_paid;
  const auto rereview = plan_of(c, "SELECT claim_id FROM claim_decisions d WHERE d.month = ?1 AND d.kind = ?2 AND " +
                                       not_review_kind("d"));
  EXPECT_NE(rereview.find("SEARCH d USING INDEX claim_decisions_outcome (month=? AND kind=?)"), std::string::npos)
      << rereview;
  const auto not_registered = plan_of(c, "SELECT p.outcome, COUNT(*) FROM plan_decisions p WHERE p.month = ?1 AND " +
                                             not_plan_registered("p") + " GROUP BY p.outcome");
  EXPECT_NE(not_registered.find("USING COVERING INDEX plan_decisions_outcome (month=?)"), std::string::npos)
      << not_registered;
  // Without the term the partial index cannot answer: the month is read from an index of all its rows.
  const auto month_rows = plan_of(c, "SELECT COUNT(*) FROM claim_decisions WHERE month = ?1");
  EXPECT_NE(month_rows.find("USING COVERING INDEX claim_decisions_office (month=?)"), std::string::npos) << month_rows;

  // A month's 給付管理票 decisions (statistics, settlement) without plan_decisions_month (schema 8).
  const auto plans = plan_of(c, "SELECT plan_id, support_office_no, insurer_no FROM plan_decisions WHERE month = ?");
  EXPECT_NE(plans.find("SEARCH plan_decisions USING INDEX plan_decisions_"), std::string::npos) << plans;
  EXPECT_NE(plans.find("(month=?)"), std::string::npos) << plans;
  EXPECT_EQ(plans.find("SCAN"), std::string::npos) << plans;
}

TEST(StoreQueryPlan, TheLookupsOfEachDocumentSearchAnIndex) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  auto& c = db->connection();
  expect_index_searches(c);
  // With rows (and the statistics ANALYZE keeps) the plan stays the same.
  c.exec(
      "INSERT INTO submissions(id, file_name, received_at, processing_month, state, sha256, size) VALUES "
      "(1, 'a.CSV', 'x', '202605', 'accepted', '', 0), (2, 'b.CSV', 'x', '202605', 'accepted', '', 0);"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
      "INSERT INTO submission_documents(submission_id, seq, code, doc_key, office_no, insurer_no, insured_no, "
      "service_month, has_errors) SELECT 1 + i % 2, i, '7131', 'k' || i, '1370000001', '131016', printf('%010d', i), "
      "'202604', 0 FROM n;"
      "ANALYZE;");
  expect_index_searches(c);
}

}  // namespace
}  // namespace kaigo::store
