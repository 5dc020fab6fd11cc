// settlement review_status / treatment_bonus and report/office_lists: the 事業所別審査状況一覧表 only
// for a 伝送事業所, the 処遇改善 加算 found by the master's 名称 as the dated table says, and the CSV
// read back (quotes, a short row named by file and line).
#include <gtest/gtest.h>

#include "kaigo/report/office_lists.hpp"
#include "kaigo/settlement/settle.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"

namespace kaigo::settlement {
namespace {

constexpr const char* kListOffice = "3070000000";
constexpr YearMonth kListService{2026, 3}, kListReview{2026, 4};

// One 明細書: 300 units of care and a 37-unit 処遇改善 加算 (outside the limit), at 10.00 円, 9割.
struct BonusMonth : testing::OneClaimMonth {
  explicit BonusMonth(YearMonth service = kListService, std::string bonus_name = "訪問介護処遇改善加算Ⅰ")
      : OneClaimMonth(kListOffice, service, 300, {{"11", "9001"}, {"11", "9002"}}, [&](testing::Story& story) {
          story.person("0000000001").kana = "ﾃｽﾄ ﾀﾛｳ";
          story.code("11", "9001", "訪問介護３００", 300);
          story.code("11", "9002", std::move(bonus_name), 37, false);
        }) {}
  SettlementInput input(YearMonth review_month = kListReview) const { return OneClaimMonth::input(review_month); }
};

TEST(SettlementOfficeLists, OnlyAnInternetOfficeGetsItsReviewStatusList) {
  BonusMonth m;
  auto in = m.input();
  const auto by_cli = settle_month(in, m.s.context(), SettlementSettings{});
  EXPECT_TRUE(testing::office_of(by_cli, kListOffice).review_status.empty());
  EXPECT_EQ(report::review_status_csv(testing::office_of(by_cli, kListOffice), kListReview), "");

  in.internet_offices = {kListOffice};
  const auto by_net = settle_month(in, m.s.context(), SettlementSettings{});
  const auto& lines = testing::office_of(by_net, kListOffice).review_status;
  ASSERT_EQ(lines.size(), 1u);
  const auto& l = lines.front();
  EXPECT_EQ(l.insured_no, "0000000001");
  EXPECT_EQ(l.name_kana, "ﾃｽﾄ ﾀﾛｳ");
  EXPECT_EQ(l.form, "7131");
  EXPECT_EQ(l.outcome, review::ClaimOutcome::Paid);
  EXPECT_EQ(l.written_units, Units{337});
  EXPECT_EQ(l.decided_units, Units{337});
  EXPECT_EQ(l.written_claim, Yen{3033});  // floor(3,370 × 90 %)
  EXPECT_EQ(l.decided_claim, Yen{3033});
  EXPECT_EQ(report::review_status_csv(testing::office_of(by_net, kListOffice), kListReview),
            "審査年月,事業所番号,証記載保険者番号,被保険者番号,被保険者カナ氏名,サービス提供年月,様式,審査結果,保留復活,"
            "請求単位数,決定単位数,請求額,決定額,事由\r\n"
            "202604,3070000000,300000,0000000001,ﾃｽﾄ ﾀﾛｳ,202603,7131,決定,,337,337,3033,3033,\r\n");
}

TEST(SettlementOfficeLists, TreatmentBonusIsTheDecidedAddOnAtTheUnitPrice) {
  BonusMonth m;
  const auto r = settle_month(m.input(), m.s.context(), SettlementSettings{});
  const auto& t = testing::office_of(r, kListOffice).treatment_bonus;
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], (TreatmentBonusRow{"11", "訪問介護", "介護職員等処遇改善加算", 1, Units{37}, Yen{370}}));
  EXPECT_EQ(t.count, 1);
  EXPECT_EQ(t.amount, Yen{370});
  EXPECT_EQ(report::treatment_bonus_csv(testing::office_of(r, kListOffice), kListReview),
            "審査年月,事業所番号,サービス種類コード,サービス種類名,加算の区分,件数,単位数,加算額\r\n"
            "202604,3070000000,11,訪問介護,介護職員等処遇改善加算,1,37,370\r\n"
            "202604,3070000000,,合計,,1,37,370\r\n");
}

TEST(SettlementOfficeLists, TheBonusKindFollowsTheServiceMonth) {
  // Before 2024-06 the same name was the old 介護職員処遇改善加算; a ベースアップ code its own kind.
  BonusMonth old_rule(YearMonth{2024, 3});
  const auto r = settle_month(old_rule.input(YearMonth{2024, 4}), old_rule.s.context(), SettlementSettings{});
  EXPECT_EQ(testing::office_of(r, kListOffice).treatment_bonus.rows.at(0).kind, "介護職員処遇改善加算");
  BonusMonth base_up(YearMonth{2024, 3}, "訪問介護ベースアップ等支援加算");
  const auto b = settle_month(base_up.input(YearMonth{2024, 4}), base_up.s.context(), SettlementSettings{});
  EXPECT_EQ(testing::office_of(b, kListOffice).treatment_bonus.rows.at(0).kind, "介護職員等ベースアップ等支援加算");
  BonusMonth plain(kListService, "訪問介護特別地域加算");
  const auto p = settle_month(plain.input(), plain.s.context(), SettlementSettings{});
  EXPECT_FALSE(testing::office_of(p, kListOffice).treatment_bonus.present());
}

TEST(ReportOfficeLists, TheCsvReadsBackWithQuotesAndAShortRowIsNamed) {
  const auto csv = report::parse_list_csv("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n", "t.csv");
  EXPECT_EQ(csv.header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(csv.rows.size(), 1u);
  EXPECT_EQ(csv.rows[0], (std::vector<std::string>{"x,1", "say \"hi\""}));
  try {
    report::parse_list_csv("a,b\r\n1\r\n", "t.csv");
    FAIL() << "a short row must be refused";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "t.csv:2: 項目の数が 1 です（見出しは 2）/ 1 fields, the header has 2");
  }
  EXPECT_EQ(report::office_list_of("x/review-status.pdf"), report::OfficeList::ReviewStatus);
  EXPECT_EQ(report::office_list_of("x/7411.CSV"), std::nullopt);
}

TEST(ReportOfficeLists, ThePageHasTheRowsAndTheTotal) {
  const auto csv = report::parse_list_csv(
      "審査年月,事業所番号,サービス種類コード,サービス種類名,加算の区分,件数,単位数,加算額\r\n"
      "202604,3070000000,11,訪問介護,介護職員等処遇改善加算,2,1196,13634\r\n"
      "202604,3070000000,,合計,,2,1196,13634\r\n",
      "treatment-bonus.csv");
  const auto c = report::office_list_content(report::OfficeList::TreatmentBonus, csv, "和歌山県国民健康保険団体連合会");
  EXPECT_EQ(c.title, "介護職員処遇改善加算等総額・内訳のお知らせ");
  EXPECT_EQ(c.office_no, "3070000000");
  EXPECT_EQ(c.month_text, "令和8年4月審査分");
  ASSERT_EQ(c.tables.size(), 1u);
  ASSERT_EQ(c.tables[0].rows.size(), 2u);
  EXPECT_EQ(c.tables[0].rows[0].cells.at(5).lines.at(0).text, "13,634");
  EXPECT_TRUE(c.tables[0].rows[1].total);
}

}  // namespace
}  // namespace kaigo::settlement
