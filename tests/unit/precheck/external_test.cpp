// 外部エラー: the control record or the structure of the file is wrong, so nothing of it is taken in
// (seed 002 §3(1)): 処理対象年月, 事業所番号, データ種別, レコード件数, 媒体区分, end record, numbering.
#include <gtest/gtest.h>

#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {
namespace {

using Codes = std::multiset<std::string>;

TEST(PrecheckExternal, ProcessingMonthIsNotTheMonthBeingReceived) {
  auto r = check_text(fixture_text("7131"), world().context({2026, 6}));
  expect_row(r, Level::External, "KP11", 1, 11, "処理対象年月", "202605");
  EXPECT_EQ(codes_of(r), Codes{"KP11"}) << dump(r);
  EXPECT_EQ(r.worst(), Level::External);
}

TEST(PrecheckExternal, OfficeNotInTheLedger) {
  auto r = check_text(with_item(fixture_text("7131"), 1, 8, "1379999999"), world().context());
  expect_row(r, Level::External, "KP12", 1, 8, "事業所番号", "1379999999");
  // Every record names another office than the control record: one row per document.
  expect_row(r, Level::Format, "KP31", 2, 3, "事業所番号", "1370000001");
  expect_row(r, Level::Format, "KP31", 3, 4, "事業所番号", "1370000001");
  expect_row(r, Level::Format, "KP31", 7, 4, "事業所番号", "1370000001");
  EXPECT_EQ(codes_of(r), (Codes{"KP12", "KP31", "KP31", "KP31"})) << dump(r);
  EXPECT_EQ(r.worst(), Level::External);
}

// One item of the control record written wrong: a 外部エラー row about that item (and, where
// `only` is set, nothing else).
struct ControlItemCase {
  const char* name;
  int item_no;
  const char* value;
  const char* code;
  const char* item_name;
  bool only = true;
};

class PrecheckExternalControlItem : public ::testing::TestWithParam<ControlItemCase> {};

TEST_P(PrecheckExternalControlItem, IsAnExternalError) {
  const auto& c = GetParam();
  auto r = check_text(with_item(fixture_text("7131"), 1, c.item_no, c.value), world().context());
  expect_row(r, Level::External, c.code, 1, c.item_no, c.item_name, c.value);
  if (c.only) {
    EXPECT_EQ(codes_of(r), Codes{c.code}) << dump(r);
  }
}

INSTANTIATE_TEST_SUITE_P(
    PrecheckExternal, PrecheckExternalControlItem,
    ::testing::Values(ControlItemCase{"ControlOfficeMissing", 8, "", "ABB0", "事業所番号"},
                      ControlItemCase{"DataTypeDoesNotMatchTheRecords", 5, "821", "KC16", "データ種別"},
                      ControlItemCase{"RecordCountIsWrong", 4, "8", "KC17", "レコード件数"},
                      ControlItemCase{"UnknownMediaCode", 10, "9", "KP26", "媒体区分"},
                      // A reader finding on the control record is about the file, not about a document.
                      ControlItemCase{"ControlRecordItemsAreExternal", 11, "2026０5", "KC08", "処理対象年月", false}),
    [](const ::testing::TestParamInfo<ControlItemCase>& test) { return std::string(test.param.name); });

TEST(PrecheckExternal, TruncatedMidRecord) {
  auto text = fixture_text("7131");
  auto cut = text.find("2,10,7131,10,");
  ASSERT_NE(cut, std::string::npos);
  text = text.substr(0, cut + 40);  // the last 集計 record cut after 40 characters, no end record
  auto r = check_text(text, world().context());
  const ErrorRow* end = row_at(r, "KC18", 10);
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(end->level, Level::External);
  EXPECT_TRUE(end->document_key.empty());  // about the file, not the 明細書 of its last line
  expect_row(r, Level::Format, "KC04", 10, 0, "", "");
  EXPECT_EQ(r.worst(), Level::External);
}

TEST(PrecheckExternal, OnlyAControlRecord) {
  auto r = check_text("1,1,0,0,711,0,0,1370000001,0,7,202605,0\n", world().context());
  expect_row(r, Level::External, "KP13", 1, 4, "レコード件数", "0");
  ASSERT_NE(row_at(r, "KC18", 1), nullptr);
  EXPECT_EQ(codes_of(r), (Codes{"KC18", "KP13"})) << dump(r);
  EXPECT_EQ(r.statements, 0u);

  auto with_end = check_text("1,1,0,0,711,0,0,1370000001,0,7,202605,0\n3,2\n", world().context());
  EXPECT_EQ(codes_of(with_end), Codes{"KP13"}) << dump(with_end);
  EXPECT_EQ(with_end.worst(), Level::External);
}

TEST(PrecheckExternal, RecordsAfterTheEndRecord) {
  auto text = fixture_text("7131") + "2,12,7131,99\n";
  auto r = check_text(text, world().context());
  expect_row(r, Level::External, "KC19", 12, 0, "", "2");
}

TEST(PrecheckExternal, RecordNumbersOutOfSequence) {
  auto text = replace_once(fixture_text("7131"), "2,5,7131,02", "2,6,7131,02");
  auto s = check_text(text, world().context());
  const ErrorRow* row = row_at(s, "KC14", 5);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->level, Level::External);
  EXPECT_EQ(row->value, "6");
}

TEST(PrecheckExternal, ASecondControlRecord) {
  auto ls = lines_of(fixture_text("7131"));
  ls.insert(ls.begin() + 5, ls[0]);
  auto r = check_text(renumber(text_of(ls)), world().context());
  const ErrorRow* row = row_at(r, "KC15", 6);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->level, Level::External);
}

}  // namespace
}  // namespace kaigo::precheck::testing
