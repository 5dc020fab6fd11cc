// kaigo rereview (docs/settlement.md 再審査申立, an addition to DESIGN §3.1): a file with a bad row,
// or a request that names no decided 明細書, is refused whole — exit 2, its place and reason on
// stderr, nothing stored. The accepted path is tests/scenarios/seed002-rereview-appeal.md.
#include <gtest/gtest.h>

#include "kaigo/store/appeal_store.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

constexpr const char* kHeader =
    "filed_on,applicant,office_no,insurer_no,insured_no,service_month,service_type,service_item,requested_units,"
    "reason_code,decision,decided_units\n";

struct RereviewCli : ::testing::Test {
  TempDir dir;
  std::string db = (dir / "k.db").string();
  void SetUp() override { ASSERT_EQ(run_kaigo("init --db " + db).exit_code, 0); }

  CommandResult rereview(const std::string& rows) {
    write_file(dir / "rereview.csv", std::string(kHeader) + rows);
    return run_kaigo("rereview --db " + db + " --month 202311 " + (dir / "rereview.csv").string());
  }
  // What stderr says of a refused file: its diagnostic, then that nothing was stored.
  std::string refusal(const std::string& diagnostic) const {
    const auto file = (dir / "rereview.csv").string();
    return file + diagnostic + "\n" + file + " に誤りがあるため何も取り込みませんでした / " + file +
           " has errors; nothing was stored\n";
  }
  std::size_t stored() {
    auto d = store::Database::open(db);
    return store::appeals_of(*d, YearMonth{2023, 11}).size();
  }
};

TEST_F(RereviewCli, AnUnknownReasonCodeStoresNothing) {
  auto r = rereview("20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1008,restored,\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, refusal(":2: [KV01] 再審査申立事由コード(項番10)=\"1008\": 再審査申立事由「08」は再審査申立事由の表にありません / "
                           "再審査申立事由 08 is not in the table (settlement/appeal_reasons.tsv) (column reason_code)"));
  EXPECT_EQ(stored(), 0u);
}

TEST_F(RereviewCli, AClaimNotFoundStoresNothing) {
  auto r = rereview("20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, refusal(":2: [KV05] 被保険者番号(項番5)=\"0000000004\": 事業所 3070000000 被保険者 0000000004 提供年月 "
                           "202309 様式 7131 の決定済みの明細書がありません / no decided 明細書 of office 3070000000, "
                           "insured 0000000004, month 202309, form 7131 (column insured_no)"));
  EXPECT_EQ(stored(), 0u);
}

}  // namespace
}  // namespace kaigo::testing
