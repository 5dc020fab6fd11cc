// kaigo stats on a reviewed month from `kaigo gen --errors` (issue 18 item 6): every injected
// mistake that returns its document is counted under its code, 明細書 and 給付管理票 alike, and
// nothing else; the month's one insurer has all of it and another none; the text is the seed's 表5-1 form; bad
// options are refused.
#include <gtest/gtest.h>

#include <map>

#include "kaigo/core/strings.hpp"
#include "support/cli_month.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

// 60 offices, 1,500 recipients, 5 % of them with a mistake of any kind (the 摘要 of 福祉用具貸与
// left out, a 総合事業 code the municipality's sougou.csv lacks among them): submitted on
// 2026-05-05 and reviewed.
struct StatsMonth : CliMonth {
  StatsMonth() : CliMonth("--offices 60 --recipients 1500 --seed 11 --errors 0.05 --all-mistakes") {
    run_kaigo("submit --db " + db + " --at 2026-05-05T10:00:00" + all_files());
    EXPECT_EQ(run_kaigo("review --db " + db + " --month 202605").exit_code, 0);
  }

  // code → 件数 of the month from the CSV (the (all) row under "(all)").
  std::map<std::string, std::int64_t> counts(const std::string& options) const {
    auto r = run_kaigo("stats --db " + db + " --month 202605 --months 1 --format csv " + options);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, std::int64_t> out;
    for (auto line : lines(r.out)) {
      auto f = split(trim(line), ',');
      if (f.size() != 4 || f[0] == "code" || f[0] == "service_type" || f[0] == "office" || f[0] == "(all)") continue;
      out[std::string(f[0])] = std::stoll(std::string(f[1]));
    }
    return out;
  }
};

TEST(CliStats, EveryReturningMistakeOfTheMonthIsCountedUnderItsCode) {
  StatsMonth m;
  // The manifest: the codes of the mistakes that return their document (明細書 or 給付管理票); a
  // 12SA may be paired with ASSA on the same 明細書, which the manifest does not list.
  std::map<std::string, std::int64_t> expected;
  std::int64_t rate_mistakes = 0;
  const std::string manifest = read_file(m.gen / "expected_errors.csv");
  for (auto line : lines(manifest)) {
    auto f = split(line, ',');
    if (f[0] == "mistake" || f[7].empty()) continue;
    if (f[8] == "返戻" || f[8] == "様式エラー") ++expected[std::string(f[7])];
    if (f[0] == "wrong_rate") ++rate_mistakes;
  }
  ASSERT_GE(expected.size(), 6u);
  EXPECT_GT(expected["14QR"], 0) << "kaigo gen --all-mistakes leaves out some 摘要";
  EXPECT_EQ(expected["AEFJ"], 9) << "kaigo gen --all-mistakes claims some 日割り months whole";
  EXPECT_EQ(expected["KP27"], 8) << "kaigo gen --all-mistakes writes some 総合事業 codes its municipality lacks";
  auto found = m.counts("");
  const auto assa = found.count("ASSA") ? found.at("ASSA") : 0;
  found.erase("ASSA");
  EXPECT_EQ(found, expected);
  EXPECT_LE(assa, rate_mistakes);

  // The month's one insurer (gen's さくら市) has all of it, written with 6 or 8 digits; another none.
  EXPECT_EQ(m.counts("--insurer 131013"), m.counts(""));
  EXPECT_EQ(m.counts("--insurer 00131013"), m.counts(""));
  EXPECT_TRUE(m.counts("--insurer 139999").empty());

  // 増減: the plan_exceeded mistakes, each a 増減 B.
  std::int64_t exceeded = 0;
  for (auto line : lines(manifest)) {
    if (split(line, ',')[0] == "plan_exceeded") ++exceeded;
  }
  EXPECT_EQ(m.counts("--kind cut"), (std::map<std::string, std::int64_t>{{"B", exceeded}}));
}

TEST(CliStats, TheTextIsTheSeedsTableAndBadOptionsAreRefused) {
  StatsMonth m;
  auto r = run_kaigo("stats --db " + m.db + " --month 202605 --months 2 --top 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 6u);
  EXPECT_EQ(out[0], "■ 審査月別返戻件数 TOP3（全保険者）/ return by code, top 3");
  EXPECT_EQ(out[1], "順位\t令和8年4月審査\t令和8年5月審査");
  // 22 unknown_recipient documents of the draws (eleven kinds), 19 change_pending, then 9 unknown_fund.
  EXPECT_EQ(out[2], "1\t\t12P0 (23.9%)");
  EXPECT_EQ(out[3], "2\t\t12PA (20.7%)");
  EXPECT_EQ(out[4], "3\t\t13PS (9.8%)");
  EXPECT_EQ(out[5].substr(0, 9), "件数\t0\t");

  auto pdf = m.dir / "stats.pdf";
  r = run_kaigo("stats --db " + m.db + " --month 202605 --pdf " + pdf.string() + " --at 2026-05-20T10:00");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(pdf).substr(0, 5), "%PDF-");

  EXPECT_EQ(run_kaigo("stats --db " + m.db + " --month 2026-05").exit_code, 2);
  EXPECT_EQ(run_kaigo("stats --db " + m.db + " --month 202605 --by person").exit_code, 2);
  EXPECT_EQ(run_kaigo("stats --db " + m.db + " --month 202605 --months 0").exit_code, 2);
}

}  // namespace
}  // namespace kaigo::testing
