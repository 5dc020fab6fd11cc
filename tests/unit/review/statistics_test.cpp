// The review's statistics (issue 18 item 6): seed 000 §5(2) 表5-1 審査月別エラー件数 TOP5 made again
// from counts that give its shares, the rounding of a share, one 件 per 明細書 and code, the axes,
// one insurer's table, the CSV and the printed page's cells.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "kaigo/report/statistics.hpp"
#include "kaigo/review/statistics.hpp"

namespace kaigo::review {
namespace {

// `count` 明細書 with `code` in `month`, each its own claim.
void add(std::vector<DecidedReason>& out, YearMonth month, const std::string& code, int count,
         const std::string& insurer = "300000") {
  for (int i = 0; i < count; ++i) {
    out.push_back({month, ReasonKind::Return, code, fmt::format("{}:{}:{}:{}", month.str(), code, insurer, i),
                   "3070000001", insurer, {"11"}});
  }
}

// Filler codes below the fifth place so that a month has 1,000 件 and the seed's shares are exact.
void fill(std::vector<DecidedReason>& out, YearMonth month, int used, int below) {
  for (int n = 0; used < 1000; ++n) {
    const int c = std::min(below, 1000 - used);
    add(out, month, fmt::format("Z{:03d}", n), c);
    used += c;
  }
}

std::vector<std::string> column(const std::vector<std::vector<Ranked>>& top5, std::size_t month) {
  std::vector<std::string> out;
  for (const auto& r : top5[month]) out.push_back(fmt::format("{} ({})", r.key, share_text(r.cell.permille)));
  return out;
}

TEST(ReviewStatistics, TheSeedsTableOfTheFiveMostFrequentReturnCodesByMonth) {
  const YearMonth jul{2025, 7}, aug{2025, 8}, sep{2025, 9}, oct{2025, 10}, nov{2025, 11};
  std::vector<DecidedReason> r;
  add(r, jul, "ANN4", 166), add(r, jul, "12PA", 148), add(r, jul, "12QT", 61), add(r, jul, "12P0", 55), add(r, jul, "ASS0", 46);
  fill(r, jul, 476, 45);
  add(r, aug, "12PA", 167), add(r, aug, "ANN4", 91), add(r, aug, "ASS0", 74), add(r, aug, "12QT", 67), add(r, aug, "ASSA", 67);
  fill(r, aug, 466, 66);
  add(r, sep, "ASS0", 167), add(r, sep, "12SA", 162), add(r, sep, "ASSA", 158), add(r, sep, "102Q", 89), add(r, sep, "12PA", 82);
  fill(r, sep, 658, 81);
  add(r, oct, "12PA", 163), add(r, oct, "ASS0", 100), add(r, oct, "ASSA", 96), add(r, oct, "ANN4", 89), add(r, oct, "12SA", 88);
  fill(r, oct, 536, 87);
  add(r, nov, "12PA", 177), add(r, nov, "ANN4", 100), add(r, nov, "12QT", 80), add(r, nov, "ASS0", 75), add(r, nov, "ASSA", 72);
  fill(r, nov, 504, 71);

  const auto t = tabulate(r, ReasonKind::Return, StatAxis::Code, {nov, jul, aug, sep, oct});
  ASSERT_EQ(t.months, (std::vector<YearMonth>{jul, aug, sep, oct, nov}));
  EXPECT_EQ(t.month_totals, (std::vector<std::int64_t>{1000, 1000, 1000, 1000, 1000}));
  const auto top5 = top(t, 5);
  EXPECT_EQ(column(top5, 0), (std::vector<std::string>{"ANN4 (16.6%)", "12PA (14.8%)", "12QT (6.1%)", "12P0 (5.5%)", "ASS0 (4.6%)"}));
  EXPECT_EQ(column(top5, 1), (std::vector<std::string>{"12PA (16.7%)", "ANN4 (9.1%)", "ASS0 (7.4%)", "12QT (6.7%)", "ASSA (6.7%)"}));
  EXPECT_EQ(column(top5, 2), (std::vector<std::string>{"ASS0 (16.7%)", "12SA (16.2%)", "ASSA (15.8%)", "102Q (8.9%)", "12PA (8.2%)"}));
  EXPECT_EQ(column(top5, 3), (std::vector<std::string>{"12PA (16.3%)", "ASS0 (10.0%)", "ASSA (9.6%)", "ANN4 (8.9%)", "12SA (8.8%)"}));
  EXPECT_EQ(column(top5, 4), (std::vector<std::string>{"12PA (17.7%)", "ANN4 (10.0%)", "12QT (8.0%)", "ASS0 (7.5%)", "ASSA (7.2%)"}));
  // Over the five months 12PA leads the table (148 + 167 + 82 + 163 + 177 = 737).
  ASSERT_FALSE(t.rows.empty());
  EXPECT_EQ(t.rows.front().key, "12PA");
  EXPECT_EQ(t.rows.front().total, 737);

  // The printed page: the TOP5 table has the seed's columns and cells.
  const auto page = report::statistics_content(t, 5, "○○県国民健康保険団体連合会");
  ASSERT_EQ(page.tables.size(), 2u);
  const auto& top_table = page.tables[0];
  ASSERT_EQ(top_table.columns.size(), 6u);
  EXPECT_EQ(top_table.columns[1].title.front(), "令和7年7月審査");
  EXPECT_EQ(top_table.columns[5].title.front(), "令和7年11月審査");
  ASSERT_EQ(top_table.rows.size(), 5u);
  EXPECT_EQ(top_table.rows[0].cells[1].lines[0].text, "ANN4 (16.6%)");
  EXPECT_EQ(top_table.rows[4].cells[3].lines[0].text, "12PA (8.2%)");
  EXPECT_EQ(page.month_text, "令和7年7月審査〜令和7年11月審査");
  // The trend table: 12PA first, its November share 17.7 % drawn as four ■ (5 % each, rounded up).
  const auto& trend = page.tables[1];
  EXPECT_EQ(trend.rows[0].cells[0].lines[0].text, "12PA");
  EXPECT_EQ(trend.rows[0].cells[5].lines[0].text, "177 (17.7%)");
  EXPECT_EQ(trend.rows[0].cells[6].lines[0].text, "737");
  EXPECT_EQ(trend.rows[0].cells[7].lines[0].text, "■■■■");
  EXPECT_EQ(trend.rows.back().cells[0].lines[0].text, "計");
  EXPECT_EQ(trend.rows.back().cells[6].lines[0].text, "5000");
}

TEST(ReviewStatistics, ASharesIsRoundedHalfUpToATenthOfAPercent) {
  std::vector<DecidedReason> r;
  const YearMonth m{2026, 5};
  add(r, m, "AAAA", 1);
  add(r, m, "BBBB", 15);  // 1/16 = 6.25 % → 6.3 %; 15/16 = 93.75 % → 93.8 %
  auto t = tabulate(r, ReasonKind::Return, StatAxis::Code, {m});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].cells[0], (StatCell{15, 938}));
  EXPECT_EQ(t.rows[1].cells[0], (StatCell{1, 63}));
  add(r, m, "CCCC", 8);  // 1/24 = 4.1666 → 4.2; 8/24 = 33.33 → 33.3; 15/24 = 62.5 → 62.5
  t = tabulate(r, ReasonKind::Return, StatAxis::Code, {m});
  EXPECT_EQ(t.rows[0].cells[0], (StatCell{15, 625}));
  EXPECT_EQ(t.rows[1].cells[0], (StatCell{8, 333}));
  EXPECT_EQ(t.rows[2].cells[0], (StatCell{1, 42}));
  EXPECT_EQ(share_text(625), "62.5%");
  EXPECT_EQ(share_text(42), "4.2%");
  EXPECT_EQ(share_text(0), "0.0%");
  EXPECT_EQ(report::share_bar(0), "");
  EXPECT_EQ(report::share_bar(50), "■");
  EXPECT_EQ(report::share_bar(51), "■■");
}

TEST(ReviewStatistics, OneCountPerStatementAndCodeOnEveryAxisAndOneInsurersOwn) {
  const YearMonth m{2026, 5};
  std::vector<DecidedReason> r{
      // one 明細書 with 12PA twice and ASS0: 12PA counts once
      {m, ReasonKind::Return, "12PA", "c1", "3070000001", "300000", {"11", "13"}},
      {m, ReasonKind::Return, "12PA", "c1", "3070000001", "300000", {"11", "13"}},
      {m, ReasonKind::Return, "ASS0", "c1", "3070000001", "300000", {"11", "13"}},
      {m, ReasonKind::Return, "12PA", "c2", "3070000002", "300001", {"11"}},
      // a cut (増減 B of 種類 11) is not a return
      {m, ReasonKind::Cut, "B", "c3", "3070000002", "300001", {"11"}},
      // another month is left out
      {{2026, 4}, ReasonKind::Return, "12PA", "c9", "3070000002", "300001", {"11"}},
  };
  auto by_code = tabulate(r, ReasonKind::Return, StatAxis::Code, {m});
  ASSERT_EQ(by_code.rows.size(), 2u);
  EXPECT_EQ(by_code.rows[0].key, "12PA");
  EXPECT_EQ(by_code.rows[0].cells[0], (StatCell{2, 667}));
  EXPECT_EQ(by_code.rows[1].cells[0], (StatCell{1, 333}));
  EXPECT_EQ(by_code.month_totals, (std::vector<std::int64_t>{3}));

  // by office: c1 counts once for its office whatever its codes
  auto by_office = tabulate(r, ReasonKind::Return, StatAxis::Office, {m});
  ASSERT_EQ(by_office.rows.size(), 2u);
  EXPECT_EQ(by_office.rows[0].key, "3070000001");
  EXPECT_EQ(by_office.rows[0].cells[0].count, 1);
  EXPECT_EQ(by_office.rows[1].cells[0].count, 1);
  // by service type: a returned 明細書 counts for each of its 種類
  auto by_type = tabulate(r, ReasonKind::Return, StatAxis::ServiceType, {m});
  ASSERT_EQ(by_type.rows.size(), 2u);
  EXPECT_EQ(by_type.rows[0].key, "11");
  EXPECT_EQ(by_type.rows[0].cells[0].count, 2);
  EXPECT_EQ(by_type.rows[1].key, "13");
  EXPECT_EQ(by_type.rows[1].cells[0].count, 1);

  auto cuts = tabulate(r, ReasonKind::Cut, StatAxis::Code, {m});
  ASSERT_EQ(cuts.rows.size(), 1u);
  EXPECT_EQ(cuts.rows[0].key, "B");
  EXPECT_EQ(cuts.rows[0].cells[0], (StatCell{1, 1000}));

  auto one = tabulate(r, ReasonKind::Return, StatAxis::Code, {m}, "300001");
  ASSERT_EQ(one.rows.size(), 1u);
  EXPECT_EQ(one.rows[0].key, "12PA");
  EXPECT_EQ(one.rows[0].cells[0], (StatCell{1, 1000}));
  EXPECT_EQ(to_csv(one), "code,202605_count,202605_share,total\r\n12PA,1,100.0%,1\r\n(all),1,100.0%,1\r\n");
}

}  // namespace
}  // namespace kaigo::review
