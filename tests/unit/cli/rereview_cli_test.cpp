// kaigo rereview (docs/settlement.md 再審査申立, an addition to DESIGN §3.1): a file with a bad row,
// or a request that names no decided 明細書, is refused whole — exit 1 (a failure, as kaigo kago; 2 is bad usage), its place and reason on
// stderr, nothing stored. The accepted path is tests/scenarios/seed002-rereview-appeal.md, and the
// 再審査申立 of a generated month (kaigo gen --all-mistakes) answered on the 7621.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/store/appeal_store.hpp"
#include "support/cli_month.hpp"
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
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, refusal(":2: [KV01] 再審査申立事由コード(項番10)=\"1008\": 再審査申立事由「08」は再審査申立事由の表にありません / "
                           "再審査申立事由 08 is not in the table (settlement/appeal_reasons.tsv) (column reason_code)"));
  EXPECT_EQ(stored(), 0u);
}

TEST_F(RereviewCli, AClaimNotFoundStoresNothing) {
  auto r = rereview("20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, refusal(":2: [KV05] 被保険者番号(項番5)=\"0000000004\": 事業所 3070000000 被保険者 0000000004 提供年月 "
                           "202309 様式 7131 の決定済みの明細書がありません / no decided 明細書 of office 3070000000, "
                           "insured 0000000004, month 202309, form 7131 (column insured_no)"));
  EXPECT_EQ(stored(), 0u);
}

// kaigo gen --all-mistakes writes the offices' 再審査申立 of the month's 増減 B cuts for the next
// month (issue 18 item 7). Loaded with kaigo rereview, each is answered on its office's 7621 and
// nothing else is: restored to the units claimed (02 全部増点, 調整 = 決定 − 原審) or upheld (01
// 原審どおり, 調整 0).
TEST(RereviewCliGenerated, EveryAppealOfAGeneratedMonthIsAnsweredOnThe7621) {
  CliMonth m("--offices 20 --recipients 600 --seed 3 --errors 0.3 --all-mistakes");
  run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00:00" + m.all_files());  // some files have 様式エラー
  run_kaigo_ok("review --db " + m.db + " --month 202605");
  run_kaigo_ok("results --db " + m.db + " --month 202605 --at 2026-06-01T09:00:00 --out " + (m.dir / "r5").string());
  run_kaigo_ok("rereview --db " + m.db + " --month 202606 " + (m.gen / "rereview.csv").string());
  run_kaigo_ok("review --db " + m.db + " --month 202606");
  run_kaigo_ok("results --db " + m.db + " --month 202606 --at 2026-07-01T09:00:00 --out " + (m.dir / "r6").string());

  // (office, insured, type) → requested units and the committee's decision, from rereview.csv.
  using Line = std::tuple<std::string, std::string, std::string>;
  std::map<Line, std::pair<std::int64_t, std::string>> asked;
  std::map<std::string, int> decisions;
  const auto requests = read_file(m.gen / "rereview.csv");
  for (auto line : lines(requests)) {
    auto f = split(line, ',');
    if (f[0] == "filed_on") continue;
    asked[Line(f[2], f[4], f[6])] = {*parse_int(f[8]), std::string(f[10])};
    ++decisions[std::string(f[10])];
  }
  ASSERT_GT(decisions["restored"], 0);
  ASSERT_GT(decisions["upheld"], 0);

  // The insurer's D1 of every 7621 (a 公費 line, payer 12…, is the same 明細書's other payer).
  std::size_t answered = 0;
  for (const auto& file : regular_files_under(m.dir / "r6")) {
    if (file.filename() != "7621.CSV") continue;
    const auto office = file.parent_path().filename().string();
    const auto notice = read_file(file);
    for (auto line : lines(notice)) {
      auto f = split(trim(line), ',');
      if (f.size() < 20 || f[3] != "D1" || !starts_with(f[4], "00")) continue;
      const Line line_key(office, f[6], f[9]);
      const auto key = ::testing::PrintToString(line_key);
      ASSERT_TRUE(asked.count(line_key)) << "answered but not asked: " << key;
      const auto [requested, decision] = asked.at(line_key);
      const auto original = *parse_int(f[15]);
      const auto decided = *parse_int(f[17]);
      const auto adjusted = *parse_int(f[18]);
      EXPECT_EQ(f[11], "1002") << key;  // 様式第二 + against 査定事由 B
      EXPECT_EQ(*parse_int(f[16]), requested) << key;
      if (decision == "restored") {
        EXPECT_EQ(f[13], "02") << key;
        EXPECT_EQ(decided, requested) << key;
        EXPECT_EQ(adjusted, decided - original) << key;
        EXPECT_GT(adjusted, 0) << key;
      } else {
        EXPECT_EQ(f[13], "01") << key;
        EXPECT_EQ(decided, original) << key;
        EXPECT_EQ(adjusted, 0) << key;
      }
      ++answered;
    }
  }
  EXPECT_EQ(answered, asked.size());
}

}  // namespace
}  // namespace kaigo::testing
