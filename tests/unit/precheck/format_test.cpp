// 様式エラー found in the records of one document: required items, attributes and widths (the
// reader's codes), code values, dates in the month, day counts, record combinations, 順次番号 and
// duplicates — each with the exact row of the error list.
#include <gtest/gtest.h>

#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {
namespace {

using Codes = std::multiset<std::string>;

// ---- the reader's findings, with the identity of their document ---------------------------------

TEST(PrecheckFormat, RequiredItemMissing) {
  // 7131 line 3: the 基本情報 of 0000012345; 被保険者情報 生年月日 (項番13) empty.
  auto r = check(with_item(fixture_text("7131"), 3, 13, ""));
  expect_row(r, Level::Format, "ABB0", 3, 13, "被保険者情報 生年月日", "");
  const ErrorRow* row = row_at(r, "ABB0", 3);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->form_kind, "請求");
  EXPECT_EQ(row->service_month, "202604");
  EXPECT_EQ(row->service_type, "11");  // the 明細書 has one サービス種類
  EXPECT_EQ(row->insurer_no, "00131011");
  EXPECT_EQ(row->insured_no, "0000012345");
  EXPECT_EQ(row->document_key, exchange::DocumentKey::of({"7131", "7131", "202604", "1370000001", "00131011", "0000012345"}));
  EXPECT_EQ(codes_of(r), Codes{"ABB0"}) << dump(r);
  EXPECT_EQ(r.worst(), Level::Format);
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_TRUE(r.documents[0].has_errors);
  EXPECT_FALSE(r.documents[1].has_errors);
}

TEST(PrecheckFormat, NonNumericInANumericItem) {
  // A full-width digit in 日数・回数 (what kaigo gen injects as bad_field): listed with the reader's
  // code; the amounts of that 明細書 are not recomputed from a value that does not parse.
  auto r = check(with_item(fixture_text("7131"), 4, 10, "９"));
  expect_only_format_rows(r, {{"KC08", 4, 10, "日数・回数", "９"}});
}

TEST(PrecheckFormat, TooLongAndBadDateAndItemCount) {
  auto t = with_item(fixture_text("7131"), 3, 6, "00000123456");  // 被保険者番号 of 11 characters
  t = with_item(t, 7, 17, "20251301");                            // 認定有効期間 開始: month 13
  t = replace_once(t, "11,1211,387,5,,,,1935,,,,", "11,1211,387,5,,,,1935,,,");  // 17 items on line 9
  auto r = check(t);
  expect_row(r, Level::Format, "KC11", 3, 6, "被保険者番号", "00000123456");
  expect_row(r, Level::Format, "KC13", 7, 17, "認定有効期間 開始年月日", "20251301");
  expect_row(r, Level::Format, "KC04", 9, 0, "", "");
}

TEST(PrecheckFormat, UnknownFormAndRecordKind) {
  auto t = with_item(fixture_text("7131"), 5, 2, "11");   // レコード種別コード 11 on 様式第二
  auto r = check(t);
  expect_row(r, Level::Format, "KC07", 5, 2, "レコード種別コード", "11");
  auto u = check(with_item(fixture_text("7131"), 5, 1, "7999"));
  expect_row(u, Level::Format, "KC06", 5, 1, "交換情報識別番号", "7999");
}

TEST(PrecheckFormat, OtherReaderFindingsAreFormatErrorsOfTheirDocument) {
  auto t = with_item(fixture_text("7131"), 4, 18, "\"TAIS");        // 摘要 with a stray quote
  t = with_item(t, 8, 8, "１１１１");                                 // full-width in an 英数 item
  t = with_item(t, 4, 10, "-9");                                       // 日数・回数 is not signed
  auto r = check(t);
  ASSERT_NE(row_at(r, "KC03", 4), nullptr);
  expect_row(r, Level::Format, "KC09", 8, 8, "サービス項目コード", "１１１１");
  expect_row(r, Level::Format, "KC12", 4, 10, "日数・回数", "-9");
  for (const auto& e : r.errors) EXPECT_EQ(e.level, Level::Format) << dump(r);

  auto plan = check_text(with_item(fixture_text("8222"), 2, 7, "1"), world().context(), "KY260501.CSV");
  expect_row(plan, Level::Format, "KC22", 2, 7, "給付管理票種別区分コード", "1");
}

// ---- item rules (rules/items.tsv) ---------------------------------------------------------------

TEST(PrecheckFormat, CodeValues) {
  auto t = with_item(fixture_text("7131"), 3, 14, "3");  // 性別コード
  t = with_item(t, 7, 15, "26");                          // 要介護状態区分コード
  t = with_item(t, 3, 19, "4");                           // 居宅サービス計画作成区分コード
  auto r = check(t);
  expect_only_format_rows(r, {{"KP26", 3, 14, "性別コード", "3"},
                              {"KP26", 7, 15, "要介護状態区分コード", "26"},
                              {"KP26", 3, 19, "居宅サービス計画作成区分コード", "4"}});
  const ErrorRow* row = row_at(r, "KP26", 3, 14);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->message_ja, "コード値が不正（1・2 のいずれか）");
  EXPECT_EQ(row->message_en, "invalid code value (one of 1, 2)");
}

TEST(PrecheckFormat, InvoiceAndPlanCodeValues) {
  auto inv = check(with_item(fixture_text("7131"), 2, 4, "3"));  // 保険・公費等区分コード
  const ErrorRow* row = row_at(inv, "KP26", 2, 4);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->item_name, "保険・公費等区分コード");
  EXPECT_EQ(row->form_kind, "請求");

  auto plan = check_text(with_item(fixture_text("8222"), 4, 5, "4"), world().context(), "KY260501.CSV");
  expect_row(plan, Level::Format, "KP26", 4, 5, "給付管理票情報作成区分コード", "4");  // once, on the 99 row
  const ErrorRow* p = row_at(plan, "KP26", 4, 5);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->form_kind, "給付");
  EXPECT_EQ(p->service_type, "");  // two service types on the plan: shown as －
}

TEST(PrecheckFormat, ConditionallyRequired) {
  // 居宅介護支援事業所番号 is required when 作成区分 is 1 (or 3); 保険給付率 unless 生保単独.
  auto t = with_item(fixture_text("7131"), 3, 20, "");
  t = with_item(t, 7, 29, "");
  auto r = check(t);
  expect_only_format_rows(r,
                          {{"ABB0", 3, 20, "事業所番号（居宅介護支援事業所）", ""}, {"ABB0", 7, 29, "保険給付率", ""}});
  // 作成区分 2 (自己作成): no 支援事業所 needed.
  auto own = check(with_item(with_item(fixture_text("7131"), 3, 20, ""), 3, 19, "2"));
  EXPECT_EQ(own.error_count, 0u) << dump(own);
}

TEST(PrecheckFormat, PlanLinesAndTotalsRequired) {
  auto t = with_item(fixture_text("8222"), 2, 20, "");  // 給付計画単位数 of line 01
  t = with_item(t, 3, 17, "");                           // サービス事業所番号 of line 02
  t = with_item(t, 4, 24, "");                           // 給付計画合計単位数 of the 99 row
  auto r = check_text(t, world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"ABB0", 2, 20, "給付計画単位数／日数", ""},
                              {"ABB0", 3, 17, "事業所番号（サービス事業所）", ""},
                              {"ABB0", 4, 24, "給付計画合計単位数／日数", ""}});
}

TEST(PrecheckFormat, CarePlanTotalsRequiredOnTheClosingLine) {
  auto r = check(with_item(fixture_text("8124"), 4, 22, ""));
  expect_row(r, Level::Format, "ABB0", 4, 22, "請求金額", "");
}

TEST(PrecheckFormat, DatesOutsideTheServiceMonth) {
  auto t = with_item(fixture_text("7143"), 3, 25, "20260501");  // 退所年月日 in May for April
  t = with_item(t, 3, 22, "20260331");                           // 中止年月日 in March
  t = with_item(t, 3, 18, "20260331");                           // 認定有効期間 ends before April
  auto r = check(t);
  expect_only_format_rows(r, {{"AEEA", 3, 25, "退所（院）年月日", "20260501"},
                              {"AEEA", 3, 22, "中止年月日", "20260331"},
                              {"AEEA", 3, 18, "認定有効期間 終了年月日", "20260331"}});
  // 入所年月日 before the month is a stay running into it, not an error.
  EXPECT_EQ(check(with_item(fixture_text("7143"), 3, 24, "20260325")).error_count, 0u);
}

TEST(PrecheckFormat, PlanLimitPeriodOutsideTheMonth) {
  auto t = fixture_text("8222");
  for (std::size_t line = 2; line <= 4; ++line) t = with_item(t, line, 13, "202605");
  auto r = check_text(t, world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"AEEA", 4, 13, "限度額適用期間（開始）", "202605"}});
}

TEST(PrecheckFormat, DaysBeyondTheMonth) {
  auto t = with_item(fixture_text("7143"), 7, 8, "31");  // サービス実日数 31 in April
  t = with_item(t, 3, 26, "31");                          // 入所（院）実日数
  auto r = check(t);
  expect_row(r, Level::Format, "AEE2", 7, 8, "サービス実日数", "31");
  expect_row(r, Level::Format, "AEE2", 3, 26, "入所（院）実日数", "31");
  expect_message(r, "AEE2", 7, "日数が期間を超過（2026年4月は30日まで）");
  EXPECT_EQ(codes_of(r), (Codes{"AEE2", "AEE2"})) << dump(r);
}

TEST(PrecheckFormat, PerDayLineBeyondTheMonth) {
  // 212131 is counted per day (master 算定単位 2): 31 days in April — beyond the month and beyond
  // the 5 サービス実日数. 219200 送迎加算 is counted per time: 31 trips are no day count.
  auto t = replace_once(fixture_text("7143"), "21,2131,745,5,,,,3725", "21,2131,745,31,,,,23095");
  t = replace_once(t, "21,9200,184,2,,,,368", "21,9200,184,31,,,,5704");
  auto r = check(t);
  expect_row(r, Level::Format, "AEE2", 4, 10, "日数・回数", "31");
  expect_row(r, Level::Format, "AEFA", 4, 10, "日数・回数", "31");
  for (const auto& e : r.errors) {
    EXPECT_FALSE(e.line == 5 && (e.code == "AEE2" || e.code == "AEFA")) << dump(r);
  }
}

TEST(PrecheckFormat, PerDayLinesBeyondTheServiceDays) {
  // サービス実日数 4 while the per-day codes 212131 and 216117 count 5 days.
  auto r = check(with_item(fixture_text("7143"), 7, 8, "4"));
  expect_only_format_rows(r, {{"AEFA", 4, 10, "日数・回数", "5"}, {"AEFA", 6, 10, "日数・回数", "5"}});
}

TEST(PrecheckFormat, PerDayLinesBeyondTheServicePeriod) {
  // 中止年月日 2026-04-03: three days of use, per-day lines of five.
  auto r = check(with_item(fixture_text("7143"), 3, 22, "20260403"));
  expect_row(r, Level::Format, "AEFJ", 4, 10, "日数・回数", "5");
  expect_row(r, Level::Format, "AEFJ", 6, 10, "日数・回数", "5");
  expect_message(r, "AEFJ", 4, "サービス可能な日数を超過（開始〜中止 3日）");
  EXPECT_EQ(codes_of(r), (Codes{"AEFJ", "AEFJ"})) << dump(r);
}

TEST(PrecheckFormat, ServiceMonthNotBeforeTheProcessingMonth) {
  auto t = fixture_text("7131");
  t = with_item(t, 1, 11, "202604");
  auto r = check_text(t, world().context({2026, 4}));
  expect_only_format_rows(r, {{"KP24", 2, 2, "サービス提供年月", "202604"},
                              {"KP24", 3, 3, "サービス提供年月", "202604"},
                              {"KP24", 7, 3, "サービス提供年月", "202604"}});
}

TEST(PrecheckFormat, FormNotInUseInTheServiceMonth) {
  // 様式第十 (71A3) ends 2024-03; a claim for 2024-04 on it — and 53 ends with it.
  auto t = fixture_text("71A3");
  for (std::size_t line = 2; line <= lines_of(t).size() - 1; ++line) t = with_item(t, line, line == 2 ? 2 : 3, "202404");
  t = with_item(t, 1, 11, "202405");
  auto r = check_text(t, world().context({2024, 5}));
  expect_row(r, Level::Format, "KP25", 3, 1, "交換情報識別番号", "71A3");
  expect_message(r, "KP25", 3, "サービス提供年月に使えない様式（使用期間 200510-202403）");
  ASSERT_NE(row_at(r, "KP29", 4, 7), nullptr);  // サービス種類 53 is not valid in 2024-04 either
}

// ---- record combinations and numbering (rules/structure.tsv) ------------------------------------

TEST(PrecheckFormat, StatementWithoutItsTotalRecord) {
  auto ls = lines_of(fixture_text("7131"));
  ls.erase(ls.begin() + 5);  // line 6: the 集計 of 0000012345
  auto r = check(renumber(text_of(ls)));
  expect_only_format_rows(r, {{"KP21", 3, 0, "", ""}, {"KP23", 4, 7, "サービス種類コード", "11"}});
  expect_message(r, "KP21", 3, "必要なレコードがない（レコード種別 10 がありません）");
}

TEST(PrecheckFormat, StatementWithoutDetailLines) {
  auto ls = lines_of(fixture_text("7131"));
  ls.erase(ls.begin() + 3, ls.begin() + 5);  // lines 4–5: both 明細 of 0000012345
  auto r = check(renumber(text_of(ls)));
  expect_row(r, Level::Format, "KP21", 3, 0, "", "");
  expect_row(r, Level::Format, "KP23", 4, 7, "サービス種類コード", "11");  // the 集計, now line 4
  EXPECT_EQ(codes_of(r), (Codes{"KP21", "KP23"})) << dump(r);
}

TEST(PrecheckFormat, ServiceTypesOfDetailAndTotalDoNotMatch) {
  // 7132: the 集計 of 75 written as 74 — 75 has no 集計, 74 no 明細.
  auto r = check(with_item(fixture_text("7132"), 7, 7, "74"));
  expect_row(r, Level::Format, "KP23", 5, 7, "サービス種類コード", "75");
  expect_row(r, Level::Format, "KP23", 7, 7, "サービス種類コード", "74");
  ASSERT_NE(row_at(r, "ADD1", 7, 7), nullptr);  // the office is not registered for 74 either
}

TEST(PrecheckFormat, SequenceNumbers) {
  // 7143 特定入所者: 順次番号 01 then 99. Written 01, 01: a repeated number, and no 99.
  auto r = check(with_item(fixture_text("7143"), 9, 7, "01"));
  std::vector<std::string> messages;
  for (const auto& e : r.errors) {
    EXPECT_EQ(e.code, "KP22") << dump(r);
    EXPECT_EQ(e.line, 9u);
    EXPECT_EQ(e.item_no, 7);
    EXPECT_EQ(e.item_name, "順次番号");
    EXPECT_EQ(e.value, "01");
    messages.push_back(e.message_ja);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{"順次番号・明細行番号が不正（番号が重複しています）",
                                                "順次番号・明細行番号が不正（最後の行が99ではありません）"}));
  // Written 01, 02: only the missing 99.
  auto s = check(with_item(fixture_text("7143"), 9, 7, "02"));
  expect_only_format_rows(s, {{"KP22", 9, 7, "順次番号", "02"}});
}

TEST(PrecheckFormat, PlanLineNumbers) {
  auto r = check_text(with_item(fixture_text("8222"), 3, 8, "00"), world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"KP22", 3, 8, "給付管理票明細行番号", "00"}});
}

TEST(PrecheckFormat, CarePlanLinesWithoutTheClosingLine) {
  auto r = check(with_item(fixture_text("8124"), 4, 16, "02"));
  expect_row(r, Level::Format, "KP22", 4, 16, "サービス計画費明細行番号", "02");
}

// ---- duplicates (rules/duplicates.tsv) ----------------------------------------------------------

TEST(PrecheckFormat, TheSameStatementTwiceInTheFile) {
  // 0000012345's 明細書 (lines 3–6) sent again at the end; the 請求書 counts both copies.
  auto ls = lines_of(fixture_text("7131"));
  ls.insert(ls.end() - 1, ls.begin() + 2, ls.begin() + 6);
  ls[1] = "2,2,7111,202604,1370000001,1,0,01,3,12595,143581,129221,0,14360,0,0,0,0,0,0";
  auto r = check(renumber(text_of(ls)));
  expect_only_format_rows(r, {{"ANN2", 11, 1, "交換情報識別番号", "7131"}});
  const ErrorRow* row = row_at(r, "ANN2", 11);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->message_ja, "同月に同じ請求明細書を提出済（同じファイルの2件目）");
  EXPECT_EQ(row->insured_no, "0000012345");
  EXPECT_EQ(r.statements, 3u);
  ASSERT_EQ(r.documents.size(), 2u);
  // The copies are not next to each other: the reader merges them and gives the document last.
  EXPECT_EQ(r.documents[1].insured_no, "0000012345");
  EXPECT_EQ(r.documents[1].copies, 2u);
  EXPECT_TRUE(r.documents[1].has_errors);
  EXPECT_EQ(r.documents[0].copies, 1u);
}

TEST(PrecheckFormat, TheSameCarePlanStatementTwice) {
  // 0000012345's 居宅介護支援 (line 5, a lone 99 line) sent twice; the 請求書 counts both.
  auto ls = lines_of(fixture_text("8124"));
  ls.insert(ls.begin() + 5, ls[4]);
  ls[1] = "2,2,7111,202604,1370000043,1,0,02,3,3558,40560,40560,0,0,,,,,,";
  auto r = check(renumber(text_of(ls)));
  expect_only_format_rows(r, {{"ANN2", 6, 1, "交換情報識別番号", "8124"}});
  EXPECT_EQ(r.statements, 3u);
}

TEST(PrecheckFormat, TheSameLineTwiceInAStatement) {
  auto r = check(replace_once(fixture_text("7131"), "11,1211,387,4,,,,1548", "11,1111,244,9,,,,2196"));
  expect_row(r, Level::Format, "ANNL", 5, 8, "サービス項目コード", "1111");
  EXPECT_EQ(codes_of(r), Codes{"ANNL"}) << dump(r);  // the amounts of a doubled line are not judged
}

TEST(PrecheckFormat, TheSameProviderTwiceInAPlan) {
  auto t = with_item(fixture_text("8222"), 3, 17, "1370000001");
  t = with_item(t, 3, 19, "11");
  auto r = check_text(t, world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"ANNK", 3, 19, "サービス種類コード", "11"}});
}

TEST(PrecheckFormat, TheSameNewPlanTwice) {
  auto ls = lines_of(fixture_text("8222"));
  ls.insert(ls.end() - 1, ls.begin() + 1, ls.begin() + 4);
  auto r = check_text(renumber(text_of(ls)), world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"ANN0", 5, 9, "被保険者番号", "0000012345"}});
  EXPECT_EQ(r.statements, 2u);
}

TEST(PrecheckFormat, TheSameCorrectionTwice) {
  auto ls = lines_of(fixture_text("8222"));
  for (std::size_t i = 1; i <= 3; ++i) ls[i] = lines_of(with_item(text_of(ls), i + 1, 5, "2"))[i];
  ls.insert(ls.end() - 1, ls.begin() + 1, ls.begin() + 4);
  auto r = check_text(renumber(text_of(ls)), world().context(), "KY260501.CSV");
  expect_only_format_rows(r, {{"KP33", 5, 9, "被保険者番号", "0000012345"}});
}

}  // namespace
}  // namespace kaigo::precheck::testing
