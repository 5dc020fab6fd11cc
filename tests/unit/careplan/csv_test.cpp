// The CSV syntax of the standard: quoted free text keeps its commas and line breaks, a doubled quote
// is one quote, a record may span lines, CRLF is what the writer writes and LF is read.
#include <gtest/gtest.h>

#include "kaigo/careplan/csv.hpp"
#include "kaigo/exchange/line_source.hpp"

namespace kaigo::careplan {
namespace {

// Records are copied out; their views die with the source, so item lines are taken while reading.
struct Read {
  std::vector<CsvRecord> records;
  std::vector<std::vector<std::uint64_t>> item_lines;
  std::vector<std::vector<std::string>> values;
  std::vector<CsvIssue> issues;
};

Read read_all(std::string_view bytes, std::size_t max = 1 << 20) {
  exchange::MemoryLines lines(bytes, max);
  CsvSource csv(lines, max);
  Read out;
  CsvRecord r;
  while (csv.next(r)) {
    out.records.push_back(r);
    out.values.emplace_back(r.fields.begin(), r.fields.end());
    out.item_lines.emplace_back();
    for (std::size_t k = 0; k < r.fields.size(); ++k) out.item_lines.back().push_back(r.line_of(k));
    out.issues.insert(out.issues.end(), csv.issues().begin(), csv.issues().end());
  }
  return out;
}

TEST(CareplanCsv, QuotedCommasLineBreaksAndDoubledQuotes) {
  auto r = read_all("1,\"a,b\",\"x\r\ny\",\"say \"\"hi\"\"\",\r\n2,,\"\"\r\n");
  ASSERT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.values[0], (std::vector<std::string>{"1", "a,b", "x\r\ny", "say \"hi\"", ""}));
  EXPECT_EQ(r.values[1], (std::vector<std::string>{"2", "", ""}));
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.records[0].line, 1u);
  EXPECT_EQ(r.records[0].end_line, 2u);
  EXPECT_EQ(r.records[1].line, 3u);
  EXPECT_EQ(r.records[0].quoted, (std::vector<std::uint8_t>{0, 1, 1, 1, 0}));
  EXPECT_EQ(r.records[1].quoted, (std::vector<std::uint8_t>{0, 0, 1}));
  EXPECT_TRUE(r.records[0].crlf);
  EXPECT_EQ(r.item_lines[0], (std::vector<std::uint64_t>{1, 1, 1, 2, 2}));  // after the quoted line break: line 2
}

TEST(CareplanCsv, LfIsReadAndKeptInsideText) {
  auto r = read_all("1,\"x\ny\"\n2\n");
  ASSERT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.values[0][1], "x\ny");
  EXPECT_FALSE(r.records[0].crlf);
  EXPECT_TRUE(r.records[0].terminated);
  EXPECT_FALSE(r.records[1].crlf);
}

TEST(CareplanCsv, MisplacedQuotesAreReportedAndKeptRaw) {
  auto r = read_all("a\"b,\"c\"d,e\r\n");
  ASSERT_EQ(r.values.size(), 1u);
  EXPECT_EQ(r.values[0], (std::vector<std::string>{"a\"b", "\"c\"d", "e"}));
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].problem, CsvProblem::BadQuote);
  EXPECT_EQ(r.issues[0].field, 0u);
  EXPECT_EQ(r.issues[1].field, 1u);
  EXPECT_EQ(r.records[0].quoted, (std::vector<std::uint8_t>{0, 0, 0}));
}

TEST(CareplanCsv, AnUnterminatedQuoteEndsTheInput) {
  auto r = read_all("1,2\r\n3,\"open\r\nmore\r\n");
  ASSERT_EQ(r.values.size(), 2u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].problem, CsvProblem::Unterminated);
  EXPECT_EQ(r.issues[0].line, 2u);
  EXPECT_EQ(r.issues[0].field, 1u);
  EXPECT_FALSE(r.records[1].terminated);
}

TEST(CareplanCsv, ARecordLongerThanTheLimitStopsInsideQuotes) {
  std::string long_text(300, 'x');
  auto r = read_all("1,\"" + long_text + "\r\n" + long_text + "\"\r\n9\r\n", 256);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].problem, CsvProblem::TooLong);
  EXPECT_EQ(r.values.size(), 1u);  // nothing after it is read
  auto plain = read_all("1," + long_text + "\r\n9\r\n", 256);
  ASSERT_EQ(plain.values.size(), 2u);  // an unquoted long line is skipped and reading goes on
  EXPECT_EQ(plain.values[1], (std::vector<std::string>{"9"}));
}

TEST(CareplanCsv, AppendFieldQuotesAndDoubles) {
  std::string out;
  append_field(out, "say \"hi\", \"you\"", true);
  out += ',';
  append_field(out, "plain", false);
  EXPECT_EQ(out, "\"say \"\"hi\"\", \"\"you\"\"\",plain");
  auto r = read_all(out + "\r\n");
  EXPECT_EQ(r.values[0][0], "say \"hi\", \"you\"");
}

}  // namespace
}  // namespace kaigo::careplan
