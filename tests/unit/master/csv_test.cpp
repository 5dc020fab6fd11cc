// The master CSV reader: fields are views into the text (quoted ones unquoted, "" unescaped into the
// file's own arena), a broken quote or a wrong column count names its line, and a bad row in the
// middle leaves the rows after it whole.
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <string>

#include "kaigo/master/csv.hpp"

namespace kaigo::master {
namespace {

bool inside(std::string_view part, std::string_view whole) {
  return std::less_equal<>{}(whole.data(), part.data()) &&
         std::less_equal<>{}(part.data() + part.size(), whole.data() + whole.size());
}

TEST(CsvFields, QuotedFieldsAreUnquotedAndOnlyEscapesAreCopied) {
  const std::string line = R"(a,"b,c","say ""hi""",,"")";
  Arena unescaped;
  std::vector<std::string_view> fields;
  ASSERT_TRUE(split_csv_fields(line, fields, unescaped));
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0], "a");
  EXPECT_EQ(fields[1], "b,c");
  EXPECT_EQ(fields[2], R"(say "hi")");
  EXPECT_EQ(fields[3], "");
  EXPECT_EQ(fields[4], "");
  EXPECT_TRUE(inside(fields[0], line));
  EXPECT_TRUE(inside(fields[1], line));
  EXPECT_FALSE(inside(fields[2], line));  // unescaped: its own copy
  EXPECT_EQ(split_csv_line(line), (std::vector<std::string>{"a", "b,c", R"(say "hi")", "", ""}));
}

TEST(CsvFields, BrokenQuotesAreRefused) {
  for (std::string_view bad : {R"("open)", R"("a"b)", R"(a"b)", R"(x,"a"")"}) {
    Arena unescaped;
    std::vector<std::string_view> fields;
    EXPECT_FALSE(split_csv_fields(bad, fields, unescaped)) << bad;
    EXPECT_EQ(split_csv_line(bad), std::nullopt) << bad;
  }
}

constexpr std::array<Column, 3> kColumns{{{"id", "番号"}, {"name", "名前"}, {"note", "備考"}}};

TEST(CsvFile, ABadRowNamesItsLineAndTheRowsAfterItStayWhole) {
  const std::string text =
      "id,name,note\r\n"
      "1, 山田 ,\"a, b\"\r\n"
      "2,\"broken\r\n"
      "3,too,many,columns\r\n"
      "4,佐藤,\"say \"\"hi\"\"\"\r\n"
      "\r\n";
  Diagnostics out;
  CsvFile csv(text, "people.csv", {kColumns}, out);
  EXPECT_FALSE(csv.ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].code, "KM10");
  EXPECT_EQ(out[0].line, 3u);
  EXPECT_EQ(out[1].code, "KM03");
  EXPECT_EQ(out[1].line, 4u);
  EXPECT_EQ(out[1].value, "4");
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_EQ(csv.line_of(0), 2u);
  EXPECT_EQ(csv.field(0, 0), "1");
  EXPECT_EQ(csv.field(0, 1), "山田");  // trimmed
  EXPECT_EQ(csv.field(0, 2), "a, b");
  EXPECT_EQ(csv.line_of(1), 5u);
  EXPECT_EQ(csv.field(1, 0), "4");
  EXPECT_EQ(csv.field(1, 1), "佐藤");
  EXPECT_EQ(csv.field(1, 2), R"(say "hi")");
}

// A version counts for a month when any day of the month is in its period: the edges are days.
TEST(Period, OverlapsAMonthWhenAnyOfItsDaysIsIn) {
  const YearMonth feb{2028, 2};
  EXPECT_TRUE((Period{Date{2028, 2, 29}, std::nullopt}.overlaps_month(feb)));          // from the last day
  EXPECT_TRUE((Period{Date{2020, 1, 1}, Date{2028, 2, 1}}.overlaps_month(feb)));       // to the first day
  EXPECT_FALSE((Period{Date{2028, 3, 1}, std::nullopt}.overlaps_month(feb)));          // from the day after
  EXPECT_FALSE((Period{Date{2020, 1, 1}, Date{2028, 1, 31}}.overlaps_month(feb)));     // to the day before
  EXPECT_TRUE((Period{Date{2027, 12, 1}, Date{2028, 3, 31}}.overlaps_month(feb)));     // across it
  EXPECT_FALSE((Period{Date{2027, 12, 1}, Date{2028, 3, 31}}.overlaps_month({2028, 4})));
}

}  // namespace
}  // namespace kaigo::master
