// The audit chain: rows link by SHA-256 and verify_audit names the first bad row after an edit of
// any column, a deletion in the middle, a truncated tail (the head is kept apart), and a truncation
// that also rewrote the head when an earlier head hash is given as an anchor. Appends from several
// connections at once stay one unbroken chain; reading one person's rows uses its index.
#include <gtest/gtest.h>

#include <thread>

#include "kaigo/store/detail/sqlite.hpp"
#include "support/auth_support.hpp"

namespace kaigo::testing {
namespace {

auth::AuditEvent event(int i) {
  auth::AuditEvent e;
  e.at = jst("2026-04-01T09:00:00").plus_seconds(i);
  e.actor = "KJ1370000001";
  e.source = "192.0.2.1";
  e.action = i % 2 ? "download" : "upload";
  e.target = std::to_string(100 + i);
  e.detail = {{"file", "KK" + std::to_string(i) + ".CSV"}, {"bytes", i * 10}};
  if (i % 3 == 0) {
    e.insurer_no = "131001";
    e.insured_no = "000000000" + std::to_string(i % 10);
  }
  return e;
}

struct Chain : AuthWorld {
  explicit Chain(int rows = 10) {
    for (int i = 1; i <= rows; ++i) store->append(event(i));
  }
  void sql(const std::string& statement) { db->connection().exec(statement); }
  auth::AuditVerification verify(std::optional<std::string> anchor = std::nullopt) {
    return auth::verify_audit(*store, std::move(anchor));
  }
};

TEST(AuditChain, RowsLinkAndVerify) {
  Chain c;
  auto v = c.verify();
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(v.rows, 10);
  EXPECT_EQ(v.head_hash, c.store->head().last_hash);
  std::vector<auth::AuditRow> rows;
  c.store->scan({}, [&](const auth::AuditRow& r) {
    rows.push_back(r);
    return true;
  });
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows[0].prev_hash, auth::kGenesisHash);
  EXPECT_EQ(rows[1].prev_hash, rows[0].hash);
  EXPECT_EQ(rows[0].detail, "{\"bytes\":10,\"file\":\"KK1.CSV\"}");
  EXPECT_EQ(rows[0].hash, auth::row_hash(rows[0]));
  EXPECT_EQ(auth::canonical_content(rows[0]),
            "kaigo-audit-v1\nseq:1:1\nat:19:2026-04-01T09:00:01\nactor:12:KJ1370000001\nsource:9:192.0.2.1\n"
            "action:8:download\ntarget:3:101\ndetail:29:{\"bytes\":10,\"file\":\"KK1.CSV\"}\ninsurer_no:0:\n"
            "insured_no:0:\n");
}

class AuditEdit : public ::testing::TestWithParam<const char*> {};

// An edit of any one column of row 4 is found, and row 4 is named.
TEST_P(AuditEdit, NamesTheRow) {
  Chain c;
  c.sql(std::string("UPDATE audit_log SET ") + GetParam() + " WHERE seq = 4");
  auto v = c.verify();
  ASSERT_FALSE(v.ok()) << GetParam();
  EXPECT_EQ(v.bad_seq, 4);
  EXPECT_EQ(v.problem->code, "KA60");
  EXPECT_EQ(v.problem->message_en, "audit row 4 was altered (its hash does not match)");
  EXPECT_EQ(v.rows, 3);
}

INSTANTIATE_TEST_SUITE_P(
    Columns, AuditEdit,
    ::testing::Values("actor = 'KJ1370000002'", "source = '203.0.113.9'", "action = 'login'", "target = '999'",
                      "detail = '{\"bytes\":40,\"file\":\"KK5.CSV\"}'", "at = '2026-04-01 09:00:04'",
                      "insurer_no = '131002'", "insured_no = '0000000009'",
                      "hash = '0000000000000000000000000000000000000000000000000000000000000001'",
                      "prev_hash = '0000000000000000000000000000000000000000000000000000000000000000'"));

// Rows taken out of a chain of 10: the first row missing and the code naming how (with its
// English message where the case checks it).
struct MissingRowsCase {
  const char* name;
  const char* sql;
  std::int64_t bad_seq;
  const char* code;
  const char* message_en = nullptr;
};

class AuditChainMissingRows : public ::testing::TestWithParam<MissingRowsCase> {};

TEST_P(AuditChainMissingRows, AreNamed) {
  const auto& t = GetParam();
  Chain c;
  c.sql(t.sql);
  auto v = c.verify();
  EXPECT_EQ(v.bad_seq, t.bad_seq);
  EXPECT_EQ(v.problem->code, t.code);
  if (t.message_en != nullptr) {
    EXPECT_EQ(v.problem->message_en, t.message_en);
  }
}

INSTANTIATE_TEST_SUITE_P(
    AuditChain, AuditChainMissingRows,
    ::testing::Values(MissingRowsCase{"ADeletionInTheMiddleIsNamed", "DELETE FROM audit_log WHERE seq = 6", 6, "KA61",
                                      "audit row 6 is missing (deleted; the next row is 7)"},
                      MissingRowsCase{"ADeletionWithRenumberingIsNamed",
                                      "DELETE FROM audit_log WHERE seq = 6; UPDATE audit_log SET seq = seq - 1 WHERE "
                                      "seq > 6;UPDATE audit_head SET count = 9",
                                      6, "KA60"},
                      MissingRowsCase{"ATruncatedTailIsFoundByTheHead", "DELETE FROM audit_log WHERE seq > 8", 9, "KA62",
                                      "audit rows from 9 on are missing (the head says 10 rows)"}),
    [](const ::testing::TestParamInfo<MissingRowsCase>& test) { return std::string(test.param.name); });

TEST(AuditChain, ATruncationThatRewroteTheHeadIsFoundByAnAnchor) {
  Chain c;
  const auto anchor = c.verify().head_hash;  // kept elsewhere after an earlier verify
  c.store->append(event(11));
  EXPECT_TRUE(c.verify(anchor).ok());  // the anchor is still in the chain
  std::string row8;
  c.store->scan({}, [&](const auth::AuditRow& r) {
    if (r.seq == 8) row8 = r.hash;
    return r.seq < 8;
  });
  c.sql("DELETE FROM audit_log WHERE seq > 8; UPDATE audit_head SET count = 8, last_hash = '" + row8 + "'");
  EXPECT_TRUE(c.verify().ok());  // consistent on its own …
  auto v = c.verify(anchor);     // … but the anchor is gone
  EXPECT_EQ(v.problem->code, "KA63");
  EXPECT_EQ(v.rows, 8);
}

TEST(AuditChain, ADeletedHeadIsFound) {
  Chain c;
  c.sql("DELETE FROM audit_head");
  auto v = c.verify();
  EXPECT_EQ(v.problem->code, "KA62");
  // And nothing more can be appended onto a chain without its head.
  EXPECT_THROW(c.store->append(event(11)), store::StoreError);
}

TEST(AuditChain, AnEmptyChainVerifies) {
  AuthWorld w;
  auto v = auth::verify_audit(*w.store);
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(v.rows, 0);
  EXPECT_EQ(v.head_hash, auth::kGenesisHash);
}

TEST(AuditChain, ControlCharactersAndLongTextsAreKeptSafely) {
  AuthWorld w;
  auth::AuditEvent e = event(1);
  e.actor = "KJ\n\x1b[31mevil\xff";
  e.target = std::string(300, 'x');
  auto row = w.store->append(e);
  EXPECT_EQ(row.actor, "KJ??[31mevil?");
  EXPECT_EQ(row.target.size(), 256u);
  EXPECT_TRUE(auth::verify_audit(*w.store).ok());
}

TEST(AuditChain, ConcurrentAppendsFromManyConnectionsMakeOneChain) {
  Chain c(0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto db = store::Database::open(c.db_path());
      store::AuthStore st(*db);
      for (int i = 0; i < 50; ++i) st.append(event(t * 100 + i));
    });
  }
  for (auto& t : threads) t.join();
  auto v = c.verify();
  EXPECT_TRUE(v.ok()) << v.problem->to_string();
  EXPECT_EQ(v.rows, 200);
  EXPECT_EQ(c.store->head().count, 200);
}

TEST(AuditChain, RowsOfOnePersonAndFilters) {
  Chain c(40);
  auto seqs = [&](const auth::AuditFilter& f) {
    std::vector<std::int64_t> out;
    c.store->scan(f, [&](const auth::AuditRow& r) {
      out.push_back(r.seq);
      return true;
    });
    return out;
  };
  auth::AuditFilter person;
  person.insurer_no = "131001";
  person.insured_no = "0000000003";
  EXPECT_EQ(seqs(person), (std::vector<std::int64_t>{3, 33}));
  auth::AuditFilter window;
  window.action = "upload";
  window.from = jst("2026-04-01T09:00:10");
  window.to = jst("2026-04-01T09:00:14");
  EXPECT_EQ(seqs(window), (std::vector<std::int64_t>{10, 12, 14}));
  // The person's rows are read through their index, not by scanning the trail.
  auto plan = c.db->connection().prepare(
      "EXPLAIN QUERY PLAN SELECT seq FROM audit_log WHERE 1 AND insurer_no = ?1 AND insured_no = ?2 ORDER BY seq");
  std::string text;
  while (plan.step()) text += plan.text(3) + "\n";
  EXPECT_NE(text.find("INDEX audit_log_person (insurer_no=? AND insured_no=?)"), std::string::npos) << text;
}

}  // namespace
}  // namespace kaigo::testing
