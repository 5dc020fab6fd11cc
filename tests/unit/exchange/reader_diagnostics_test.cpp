// Every kind of Diagnostic the reader reports, each pinned to its exact code, place and message.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/text/cp932.hpp"
#include "unit/exchange/sample_file.hpp"

namespace kaigo::exchange {
namespace {

using kaigo::testing::join_lines;
using kaigo::testing::sample_711_lines;

struct Expected {
  std::string code;
  std::uint64_t line;
  std::uint64_t record_no;
  int item_no;
  std::string item_name;
  std::string value;
  std::string message_ja;
  std::string message_en;
};

struct Case {
  std::string name;
  std::function<std::string()> bytes;
  Expected expected;
};

std::vector<Diagnostic> diagnostics_of(const std::string& bytes) {
  struct Collect : Sink {
    std::vector<Diagnostic> diags;
    void on_diagnostic(const Diagnostic& d) override { diags.push_back(d); }
  } c;
  read_bytes("TEST.CSV", bytes, c);
  return c.diags;
}

std::string with(std::size_t index, std::string line) {
  auto lines = sample_711_lines();
  lines[index] = std::move(line);
  return text::to_cp932(join_lines(lines));
}

const std::string kB01Tail =
    ",,,,,,0,0,,90,,,,976,10013,1113,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0";
std::string b01(const std::string& middle) {
  return "2,3,7131,01,202604,1370000001,00131011,0000012345," + middle + kB01Tail;
}
const std::string kB01Middle = ",,,,,,19380512,2,23,,20250401,20270331,1,1370000099";

// A 7411 返戻一覧 file, to exercise 漢字 and 半角カナ items.
std::string notice_7411(const std::string& h1) {
  return text::to_cp932(join_lines({"1,1,0,2,741,0,0,1370000001,0,7,202605,0", h1,
                                    "2,3,7411,D1,00131011,テスト市,0000012345,ﾔﾏﾀﾞ ﾊﾅｺ,請,202604,11,976,B,"
                                    "被保険者番号：受給者台帳に該当者なし,１２Ｐ０,1111",
                                    "3,4"}));
}

std::vector<Case> cases() {
  return {
      {"LineTooLong", [] { return with(3, "2,4,7131,02," + std::string(70000, '9')); },
       {"KC02", 4, 0, 0, "", std::string(40, '9').insert(0, ""), "", ""}},
      {"BadQuoting", [] { return with(3, "2,4,7131,02,202604,1370000001,\"00131011,0000012345,11,1111,244,4,,,,976,,,,"); },
       {"KC03", 4, 0, 5, "", "\"00131011", "引用符（\"）の使い方が不正です", "misplaced double quote"}},
      {"ItemCount", [] { return with(3, "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,244,4,,,,976,,,"); },
       {"KC04", 4, 4, 0, "", "", "項目数が不正です（17項目、正しくは18項目）", "wrong number of items (17, expected 18)"}},
      {"RecordType", [] { return with(3, "4,4,7131"); },
       {"KC05", 4, 4, 0, "レコード種別", "4", "レコード種別が不正です（1 コントロール、2 データ、3 エンドのいずれか）",
        "record type must be 1 (control), 2 (data) or 3 (end)"}},
      {"UnknownForm", [] { return with(3, "2,4,7999,02,202604"); },
       {"KC06", 4, 4, 1, "交換情報識別番号", "7999", "交換情報識別番号が不明です", "unknown 交換情報識別番号 (exchange code)"}},
      {"UnknownKind", [] { return with(3, "2,4,7131,05,202604,1370000001,00131011,0000012345"); },
       {"KC07", 4, 4, 2, "レコード種別コード", "05", "この交換情報識別番号に対して不明なレコード種別コードです",
        "record kind not defined for this exchange code"}},
      {"NotHalfWidth", [] { return with(3, "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,244,4,,,,976,,,,福祉用具"); },
       {"KC09", 4, 4, 18, "摘要", "福祉用具", "英数項目に使えない文字があります（1桁目）",
        "half-width alphanumerics item contains a character not allowed (column 1)"}},
      {"NotFullWidth", [] { return notice_7411("2,2,7411,H1,1370000001,ABC介護,202605,20260520,1,テスト県国民健康保険団体連合会"); },
       {"KC10", 2, 2, 4, "事業所（保険者）名", "ABC介護", "漢字（全角）項目に半角文字があります（1桁目）",
        "full-width item contains a half-width character (column 1)"}},
      {"TooLongDigits", [] { return with(3, "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,24400,4,,,,976,,,,"); },
       {"KC11", 4, 4, 9, "単位数", "24400", "桁数が多すぎます（5桁、最大4桁）", "too long (5桁, at most 4桁)"}},
      {"TooLongBytes", [] { return with(3, "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,244,4,,,,976,,,,ABCDEFGHIJKLMNOPQRSTU"); },
       {"KC11", 4, 4, 18, "摘要", "ABCDEFGHIJKLMNOPQRSTU", "桁数が多すぎます（21バイト、最大20バイト）",
        "too long (21バイト, at most 20バイト)"}},
      {"SignNotAllowed", [] { return with(3, "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,244,-4,,,,976,,,,"); },
       {"KC12", 4, 4, 10, "日数・回数", "-4", "この項目に負の値は使えません", "negative value not allowed in this item"}},
      {"BadMonth", [] { return with(3, "2,4,7131,02,202613,1370000001,00131011,0000012345,11,1111,244,4,,,,976,,,,"); },
       {"KC13", 4, 4, 3, "サービス提供年月", "202613", "日付が不正です（YYYYMM）", "invalid date (YYYYMM)"}},
      {"BadDate", [] { return with(2, b01(",,,,,,19380230,2,23,,20250401,20270331,1,1370000099")); },
       {"KC13", 3, 3, 13, "被保険者情報 生年月日", "19380230", "日付が不正です（YYYYMMDD）", "invalid date (YYYYMMDD)"}},
      {"RecordNumber", [] { return with(3, "2,7,7131,02,202604,1370000001,00131011,0000012345,11,1111,244,4,,,,976,,,,"); },
       {"KC14", 4, 7, 0, "レコード番号", "7", "レコード番号が連番になっていません（4のはずです）",
        "record number out of sequence (expected 4)"}},
      {"ControlMissing", [] {
         auto lines = sample_711_lines();
         lines.erase(lines.begin());
         for (std::size_t i = 0; i < lines.size(); ++i) {
           auto second = lines[i].find(',', 2);
           lines[i] = lines[i].substr(0, 2) + std::to_string(i + 1) + (second == std::string::npos ? "" : lines[i].substr(second));
         }
         return text::to_cp932(join_lines(lines));
       },
       {"KC15", 1, 1, 0, "", "", "コントロールレコードが先頭にありません", "the file does not start with a control record"}},
      {"DataTypeMismatch", [] { return with(0, "1,1,0,4,821,0,0,1370000001,0,7,202605,0"); },
       {"KC16", 1, 1, 5, "データ種別", "821", "データ種別が先頭のデータレコード（7111）と一致しません（正しくは711）",
        "data type does not match the first data record (7111; expected 711)"}},
      {"AfterEnd", [] {
         auto lines = sample_711_lines();
         lines.push_back("2,7,7131,02");
         return text::to_cp932(join_lines(lines));
       },
       {"KC19", 7, 0, 0, "", "2", "エンドレコードの後にレコードがあります", "records after the end record"}},
      {"NoFinalNewline", [] {
         auto bytes = text::to_cp932(join_lines(sample_711_lines()));
         bytes.resize(bytes.size() - 2);
         return bytes;
       },
       {"KC20", 6, 0, 0, "", "", "最終行に改行がありません", "the last line has no line break"}},
      {"EmptyLine", [] {
         auto lines = sample_711_lines();
         lines.insert(lines.begin() + 2, "");
         return text::to_cp932(join_lines(lines));
       },
       {"KC21", 3, 0, 0, "", "", "空行があります（読み飛ばしました）", "empty line (skipped)"}},
      {"DataBeforeControl", [] { return std::string("2,1,0,0,711,0,0,1370000001,0,7,202605,0\r\n3,2\r\n"); },
       {"KC15", 1, 1, 0, "", "", "コントロールレコードが先頭にありません", "the file does not start with a control record"}},
      {"ConstMismatch", [] {
         return text::to_cp932(join_lines(
             {"1,1,0,2,821,0,0,1370000043,0,7,202605,0",
              "2,2,8222,202604,00131011,1370000043,1,20260502,1,01,0000012345,19400512,2,21,202504,202703,,1,"
              "1370000001,1,11,3800,,,,,,,",
              "2,3,8222,202604,00131011,1370000043,1,20260502,3,99,0000012345,19400512,2,21,202504,202703,16765,1,,,,"
              ",,,,3800,13012345,,",
              "3,4"}));
       },
       {"KC22", 2, 2, 7, "給付管理票種別区分コード", "1", "値は3でなければなりません", "value must be 3"}},
      {"EmptyFile", [] { return std::string(); }, {"KC23", 0, 0, 0, "", "", "ファイルが空です", "the file is empty"}},
      {"RepeatedDocument", [] {
         auto lines = sample_711_lines();
         // The 明細書 (lines 3–5) sent a second time right after itself.
         for (int k = 2; k <= 4; ++k) {
           auto l = lines[static_cast<std::size_t>(k)];
           auto second = l.find(',', 2);
           lines.insert(lines.end() - 1, "2," + std::to_string(k + 4) + l.substr(second));
         }
         lines.front() = "1,1,0,7,711,0,0,1370000001,0,7,202605,0";
         lines.back() = "3,9";
         return text::to_cp932(join_lines(lines));
       },
       {"KC24", 6, 6, 0, "", "", "同じ明細書（同じキー）が2回以上記録されています（2回目の基本情報レコード）",
        "the same statement (same key) appears more than once (basic record no. 2)"}},
      {"RequiredMissingInControl", [] { return with(0, "1,1,0,4,711,0,0,1370000001,0,,202605,0"); },
       {"ABB0", 1, 1, 10, "媒体区分", "", "必須項目が未設定です", "required item is empty"}},
  };
}

class ReaderDiagnosticKinds : public ::testing::TestWithParam<Case> {};

TEST_P(ReaderDiagnosticKinds, ReportsExactlyThisDiagnostic) {
  const Case& c = GetParam();
  auto diags = diagnostics_of(c.bytes());
  ASSERT_FALSE(diags.empty());
  // The first diagnostic is the one the case is about; some cases cause follow-on findings
  // (e.g. a broken record also breaks the record count), which other cases cover.
  const Diagnostic& d = diags.front();
  EXPECT_EQ(d.code, c.expected.code) << d.to_string();
  EXPECT_EQ(d.file, "TEST.CSV");
  EXPECT_EQ(d.line, c.expected.line) << d.to_string();
  EXPECT_EQ(d.record_no, c.expected.record_no) << d.to_string();
  EXPECT_EQ(d.item_no, c.expected.item_no) << d.to_string();
  EXPECT_EQ(d.item_name, c.expected.item_name) << d.to_string();
  if (c.name != "LineTooLong") {
    EXPECT_EQ(d.value, c.expected.value) << d.to_string();
  }
  if (!c.expected.message_ja.empty()) {
    EXPECT_EQ(d.message_ja, c.expected.message_ja);
  }
  if (!c.expected.message_en.empty()) {
    EXPECT_EQ(d.message_en, c.expected.message_en);
  }
}

INSTANTIATE_TEST_SUITE_P(All, ReaderDiagnosticKinds, ::testing::ValuesIn(cases()),
                         [](const auto& param_info) { return param_info.param.name; });

TEST(ReaderDiagnosticKinds, LineTooLongMessageAndRecovery) {
  auto diags = diagnostics_of(with(3, "2,4,7131,02," + std::string(70000, '9')));
  ASSERT_GE(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "KC02");
  EXPECT_EQ(diags[0].message_ja, "1行が長すぎます（65536バイト超）。改行が欠けている可能性があります");
  // The rest of the file is still read: the next record (line 5) is checked normally and the
  // 明細書 misses its 02 record only.
  for (const auto& d : diags) EXPECT_NE(d.code, "KC14") << d.to_string();
}

TEST(ReaderDiagnosticKinds, OneBadRecordDoesNotStopTheRest) {
  auto lines = sample_711_lines();
  lines[2] = b01(",,,,,,1938XXXX,2,23,,20250401,20270331,1,1370000099");
  lines[3] = "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,2X4,4,,,,976,,,,";
  auto diags = diagnostics_of(text::to_cp932(join_lines(lines)));
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].line, 3u);
  EXPECT_EQ(diags[0].item_no, 13);
  EXPECT_EQ(diags[1].line, 4u);
  EXPECT_EQ(diags[1].item_no, 9);
}

}  // namespace
}  // namespace kaigo::exchange
