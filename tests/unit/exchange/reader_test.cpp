#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"
#include "kaigo/text/cp932.hpp"
#include "support/rewrite.hpp"
#include "unit/exchange/sample_file.hpp"

namespace kaigo::exchange {
namespace {

using kaigo::testing::join_lines;
using kaigo::testing::quote_fields;
using kaigo::testing::sample_711_lines;

struct Collect : Sink {
  std::vector<Diagnostic> diags;
  std::vector<DocumentKey> doc_keys;
  std::vector<bool> doc_errors;
  std::vector<std::vector<std::string>> doc_kinds;
  std::vector<std::vector<std::uint64_t>> doc_lines;
  ControlRecord control;
  FileSummary summary;
  void on_control(const ControlRecord& c) override { control = c; }
  void on_document(const Document& d) override {
    doc_keys.push_back(d.key);
    doc_errors.push_back(d.has_errors);
    std::vector<std::string> kinds;
    std::vector<std::uint64_t> lines;
    for (const auto& r : d.records()) {
      kinds.emplace_back(r.kind);
      lines.push_back(r.line);
    }
    doc_kinds.push_back(kinds);
    doc_lines.push_back(lines);
  }
  void on_diagnostic(const Diagnostic& d) override { diags.push_back(d); }
  void on_finish(const FileSummary& s) override { summary = s; }
};

Collect read(const std::string& bytes) {
  Collect c;
  read_bytes("TEST.CSV", bytes, c);
  return c;
}

std::string bytes_of(std::vector<std::string> lines) { return text::to_cp932(join_lines(lines)); }

// The review and the results read bytes that reception has checked and stored
// (ReadOptions::check_items = false): the same documents and records, without the items' diagnostics;
// the file's structure is still read.
TEST(Reader, StoredBytesAreGroupedAsBeforeWithoutTheirItemsCheckedAgain) {
  auto lines = sample_711_lines();
  lines[3] = "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,24A,4,,,,976,,,,";  // 単位数 "24A"
  const auto bytes = bytes_of(lines);
  const auto checked = read(bytes);
  ReadOptions stored;
  stored.check_items = false;
  Collect trusted;
  read_bytes("TEST.CSV", bytes, trusted, stored);
  ASSERT_EQ(checked.diags.size(), 1u);
  EXPECT_EQ(checked.diags[0].code, "KC08");
  EXPECT_TRUE(trusted.diags.empty()) << trusted.diags.front().to_string();
  EXPECT_EQ(checked.doc_errors, (std::vector<bool>{false, true}));
  EXPECT_EQ(trusted.doc_errors, (std::vector<bool>{false, false}));
  EXPECT_EQ(trusted.doc_keys, checked.doc_keys);
  EXPECT_EQ(trusted.doc_kinds, checked.doc_kinds);
  EXPECT_EQ(trusted.doc_lines, checked.doc_lines);
  EXPECT_EQ(trusted.summary.data_records, 4u);
  // A record cut short is still found: that is the file's structure, not an item's value.
  lines[3] = "2,4,7131,02,202604";
  Collect cut;
  read_bytes("TEST.CSV", bytes_of(lines), cut, stored);
  ASSERT_EQ(cut.diags.size(), 1u);
  EXPECT_EQ(cut.diags[0].code, "KC04");  // 項目数
}

TEST(Reader, ValidFileHasNoDiagnosticsAndGroupsTheStatement) {
  auto c = read(bytes_of(sample_711_lines()));
  EXPECT_TRUE(c.diags.empty()) << c.diags.front().to_string();
  ASSERT_EQ(c.doc_keys.size(), 2u);
  EXPECT_EQ(c.doc_keys[0], DocumentKey::of({"7111", "7111", "202604", "1370000001", "1", "0", "01"}));
  EXPECT_EQ(c.doc_keys[1], DocumentKey::of({"7131", "7131", "202604", "1370000001", "00131011", "0000012345"}));
  EXPECT_EQ(c.doc_kinds[1], (std::vector<std::string>{"01", "02", "10"}));
  EXPECT_EQ(c.control.data_type(), "711");
  EXPECT_EQ(c.summary.data_records, 4u);
  EXPECT_TRUE(c.summary.has_end);
  EXPECT_TRUE(c.summary.ends_with_crlf);
}

// Rewriting what was read gives back the same bytes.
using kaigo::testing::Rewrite;

std::string rewrite(const std::string& bytes) {
  Rewrite w;
  read_bytes("T", bytes, w);
  return w.writer->finish_to_string();
}

TEST(Reader, RoundTripIsByteIdentical) {
  auto bytes = bytes_of(sample_711_lines());
  EXPECT_EQ(rewrite(bytes), bytes);
}

TEST(Reader, TolerantVariantsAreReadAndWrittenCanonically) {
  auto canonical = bytes_of(sample_711_lines());
  // LF line ends.
  EXPECT_EQ(rewrite(text::to_cp932(join_lines(sample_711_lines(), "\n"))), canonical);
  // Every data item quoted (QKAN style) and the control record with a trailing empty field.
  auto lines = sample_711_lines();
  lines[0] += ",";
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    lines[i] = quote_fields(lines[i], [](int col) { return col >= 2; });
  }
  auto quoted = bytes_of(lines);
  auto c = read(quoted);
  EXPECT_TRUE(c.diags.empty()) << c.diags.front().to_string();
  EXPECT_EQ(rewrite(quoted), canonical);
}

TEST(Reader, GroupsRecordsOfOneStatementWhateverTheirOrder) {
  auto lines = sample_711_lines();
  // 10 before 01, and the 7111 between the 明細書's records.
  std::vector<std::string> shuffled = {lines[0], lines[4], lines[1], lines[2], lines[3], lines[5]};
  // Renumber the records so only the order differs.
  for (std::size_t i = 1; i + 1 < shuffled.size(); ++i) {
    auto first = shuffled[i].find(',');
    auto second = shuffled[i].find(',', first + 1);
    shuffled[i] = "2," + std::to_string(i + 1) + shuffled[i].substr(second);
  }
  auto c = read(bytes_of(shuffled));
  EXPECT_TRUE(c.diags.empty()) << c.diags.front().to_string();
  ASSERT_EQ(c.doc_keys.size(), 2u);
  EXPECT_EQ(c.doc_keys[0], DocumentKey::of({"7111", "7111", "202604", "1370000001", "1", "0", "01"}));
  EXPECT_EQ(c.doc_kinds[1], (std::vector<std::string>{"10", "01", "02"}));
  EXPECT_EQ(c.doc_lines[1], (std::vector<std::uint64_t>{2, 4, 5}));
}

TEST(ReaderDiagnostics, RequiredItemMissingIsABB0) {
  auto lines = sample_711_lines();
  lines[3] = "2,4,7131,02,202604,1370000001,00131011,0000012345,,1111,244,4,,,,976,,,,";
  auto c = read(bytes_of(lines));
  ASSERT_EQ(c.diags.size(), 1u) << c.diags.front().to_string();
  const auto& d = c.diags[0];
  EXPECT_EQ(d.code, "ABB0");
  EXPECT_EQ(d.line, 4u);
  EXPECT_EQ(d.record_no, 4u);
  EXPECT_EQ(d.item_no, 7);
  EXPECT_EQ(d.item_name, "サービス種類コード");
  EXPECT_EQ(d.message_ja, "必須項目が未設定です");
  EXPECT_EQ(d.message_en, "required item is empty");
}

TEST(ReaderDiagnostics, NonNumericInNumericItem) {
  auto lines = sample_711_lines();
  lines[3] = "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,24A,4,,,,976,,,,";
  auto c = read(bytes_of(lines));
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].code, "KC08");
  EXPECT_EQ(c.diags[0].item_no, 9);
  EXPECT_EQ(c.diags[0].item_name, "単位数");
  EXPECT_EQ(c.diags[0].value, "24A");
  EXPECT_EQ(c.diags[0].message_en, "numeric item contains a non-digit");
}

TEST(ReaderDiagnostics, InvalidCp932BytesNameLineColumnAndItem) {
  auto lines = sample_711_lines();
  std::string bytes = bytes_of(lines);
  // Put an invalid lead/trail pair (0x81 0x20) into the 摘要 of the 02 record (item 18).
  auto pos = bytes.find("976,,,,\r\n2,5");
  ASSERT_NE(pos, std::string::npos);
  bytes.insert(pos + 7, "\x81\x20X");
  auto c = read(bytes);
  ASSERT_EQ(c.diags.size(), 1u) << c.diags[0].to_string();
  EXPECT_EQ(c.diags[0].code, "KC01");
  EXPECT_EQ(c.diags[0].line, 4u);
  EXPECT_EQ(c.diags[0].item_no, 18);
  EXPECT_EQ(c.diags[0].item_name, "摘要");
  EXPECT_EQ(c.diags[0].value, "\\x81 X");
  EXPECT_EQ(c.diags[0].message_ja,
            "Shift_JIS(CP932)として不正なバイトがあります（1桁目）（UTF-8 など別の文字コードで保存されている可能性があります）");
}

TEST(ReaderDiagnostics, WrongRecordCountAndTruncation) {
  auto lines = sample_711_lines();
  lines.pop_back();  // no end record
  auto c = read(bytes_of(lines));
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].code, "KC18");
  lines[0] = "1,1,0,9,711,0,0,1370000001,0,7,202605,0";
  lines.push_back("3,6");
  c = read(bytes_of(lines));
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].code, "KC17");
  EXPECT_EQ(c.diags[0].line, 1u);
  EXPECT_EQ(c.diags[0].item_no, 4);
  EXPECT_EQ(c.diags[0].value, "9");
  EXPECT_EQ(c.diags[0].message_ja, "レコード件数がデータレコードの数（4）と一致しません");
}

}  // namespace
}  // namespace kaigo::exchange
