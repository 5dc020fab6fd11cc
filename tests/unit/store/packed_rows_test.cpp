// The 集計 rows of a decision packed into claim_decisions.packed_rows: every value comes back, a
// damaged blob is refused with what is wrong, and a schema-3 database's claim_rows are packed.
#include <gtest/gtest.h>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/packed_rows.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/old_schema.hpp"
#include "support/test_support.hpp"

namespace kaigo::store {
namespace {

using testing::TempDir;

review::Amounts amounts(std::int64_t units, std::int64_t claim, std::int64_t burden, std::int64_t fund1) {
  review::Amounts a;
  a.units = Units{units};
  a.insurance_claim = Yen{claim};
  a.user_burden = Yen{burden};
  a.fund_claims[0] = Yen{fund1};
  return a;
}

review::ClaimDecision a_cut_decision() {
  review::ClaimDecision d;
  review::RowDecision visit;
  visit.service_type = "11";
  visit.last_item_code = "1111";
  visit.cut = review::CutReason::OverPlan;
  visit.plan_units = Units{15869};
  visit.written = amounts(16000, 144000, 16000, 0);
  visit.decided = amounts(15869, 142821, 15869, 0);
  review::RowDecision day;
  day.service_type = "15";
  day.last_item_code = "";
  day.written = amounts(-50, -450, -50, 3000000000LL);  // negative and beyond 32 bits
  day.decided = day.written;
  d.rows = {visit, day};
  d.facility_written = amounts(0, 41000, 0, 1200);
  d.facility_decided = amounts(0, 40000, 0, 1200);
  return d;
}

TEST(PackedRows, EveryValueComesBack) {
  const auto d = a_cut_decision();
  review::ClaimDecision back;
  back.rows.resize(5);  // replaced, not appended to
  unpack_rows(pack_rows(d), back);
  ASSERT_EQ(back.rows.size(), 2u);
  EXPECT_EQ(back.rows[0].service_type, "11");
  EXPECT_EQ(back.rows[0].last_item_code, "1111");
  EXPECT_EQ(back.rows[0].cut, review::CutReason::OverPlan);
  EXPECT_EQ(back.rows[0].plan_units, Units{15869});
  EXPECT_EQ(back.rows[0].written, d.rows[0].written);
  EXPECT_EQ(back.rows[0].decided, d.rows[0].decided);
  EXPECT_EQ(back.rows[1].service_type, "15");
  EXPECT_EQ(back.rows[1].plan_units, std::nullopt);
  EXPECT_EQ(back.rows[1].cut, review::CutReason::None);
  EXPECT_EQ(back.rows[1].written.fund_claims[0], Yen{3000000000LL});
  EXPECT_EQ(back.rows[1].written.units, Units{-50});
  EXPECT_EQ(back.facility_written, d.facility_written);
  EXPECT_EQ(back.facility_decided, d.facility_decided);
}

TEST(PackedRows, NoRowsIsOneByteAndAnEmptyBlobIsNoRows) {
  EXPECT_EQ(pack_rows(review::ClaimDecision{}).size(), 1u);
  review::ClaimDecision back = a_cut_decision();
  unpack_rows("", back);
  EXPECT_TRUE(back.rows.empty());
  EXPECT_EQ(back.facility_written, review::Amounts{});
}

TEST(PackedRows, ADamagedBlobIsRefusedWithWhatIsWrong) {
  const auto packed = pack_rows(a_cut_decision());
  review::ClaimDecision back;
  auto refusal = [&](std::string_view blob) {
    try {
      unpack_rows(blob, back);
    } catch (const StoreError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal(packed.substr(0, packed.size() - 1)),
            "保存された集計行が壊れています / stored 集計 rows are malformed (ends early, byte " +
                std::to_string(packed.size() - 1) + ")");
  EXPECT_EQ(refusal(std::string("\x02", 1)),
            "保存された集計行が壊れています / stored 集計 rows are malformed (unknown version, byte 1)");
  EXPECT_EQ(refusal(std::string("\x01\x07", 2)),
            "保存された集計行が壊れています / stored 集計 rows are malformed (unknown row kind, byte 2)");
  EXPECT_EQ(refusal(std::string("\x01\x01\x02" "11" "\x00" "\x01" "C", 8)),
            "保存された集計行が壊れています / stored 集計 rows are malformed (unknown 査定事由, byte 8)");
  EXPECT_EQ(refusal(std::string("\x01\x01\x09" "11", 5)),
            "保存された集計行が壊れています / stored 集計 rows are malformed (text ends early, byte 3)");
}

// A database of schema 3 kept a decision's rows in claim_rows; opened now, they are packed.
TEST(PackedRows, ASchema3DatabaseHasItsClaimRowsPacked) {
  TempDir dir;
  auto path = dir / "k.db";
  {
    auto db = Database::create(path);
    auto& c = db->connection();
    c.exec(
        "INSERT INTO claim_decisions(id, month, claim_id, submission_id, copy, order_no, outcome, released, "
        "held_since, form_id, office_no, insurer_no, insured_no, service_month, written_units, written_claim, "
        "written_burden, written_fund1, written_fund2, written_fund3, decided_units, decided_claim, decided_burden, "
        "decided_fund1, decided_fund2, decided_fund3) VALUES (7, '202605', '1:k#1', 1, 1, 1, 'cut', 0, '', "
        "'7131', '1370000001', '131016', '0000000001', '202604', 300, 2700, 300, 0, 0, 0, 250, 2250, 250, 0, 0, 0)");
    c.exec(testing::kBackToSchema8);
    c.exec(testing::kBackToSchema7);
    c.exec(testing::kBackToSchema6);
    c.exec(testing::kBackToSchema5);
    c.exec(testing::kBackToSchema4);
    c.exec(
        "ALTER TABLE claim_decisions DROP COLUMN packed_rows; "
        "CREATE TABLE claim_rows (decision_id INTEGER NOT NULL, seq INTEGER NOT NULL, service_type TEXT NOT NULL, "
        "last_item_code TEXT NOT NULL, cut TEXT NOT NULL, plan_units INTEGER, written_units INTEGER NOT NULL, "
        "written_claim INTEGER NOT NULL, written_burden INTEGER NOT NULL, written_fund1 INTEGER NOT NULL, "
        "written_fund2 INTEGER NOT NULL, written_fund3 INTEGER NOT NULL, decided_units INTEGER NOT NULL, "
        "decided_claim INTEGER NOT NULL, decided_burden INTEGER NOT NULL, decided_fund1 INTEGER NOT NULL, "
        "decided_fund2 INTEGER NOT NULL, decided_fund3 INTEGER NOT NULL, PRIMARY KEY (decision_id, seq)) "
        "WITHOUT ROWID; "
        "INSERT INTO claim_rows VALUES (7, 1, '13', '1234', 'B', 250, 300, 2700, 300, 0, 0, 0, 250, 2250, 250, 0, 0, "
        "0); "
        "PRAGMA user_version = 3;");
  }
  auto db = Database::open(path);
  auto& c = db->connection();
  EXPECT_FALSE(c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'claim_rows'").step());
  auto st = c.prepare("SELECT packed_rows FROM claim_decisions WHERE id = 7");
  ASSERT_TRUE(st.step());
  review::ClaimDecision d;
  unpack_rows(st.blob(0), d);
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].service_type, "13");
  EXPECT_EQ(d.rows[0].last_item_code, "1234");
  EXPECT_EQ(d.rows[0].cut, review::CutReason::OverPlan);
  EXPECT_EQ(d.rows[0].plan_units, Units{250});
  EXPECT_EQ(d.rows[0].written.insurance_claim, Yen{2700});
  EXPECT_EQ(d.rows[0].decided.units, Units{250});
  EXPECT_EQ(d.facility_written, review::Amounts{});
}

}  // namespace
}  // namespace kaigo::store
