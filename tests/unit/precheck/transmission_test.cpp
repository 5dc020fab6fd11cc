// 伝送エラー: files that are not claim files at all — empty, binary, not CP932, no control record,
// a line of 200 MB without a break, a name against the 伝送 rule, a data type no provider sends.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "support/test_support.hpp"
#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {
namespace {

using kaigo::testing::TempDir;

TEST(PrecheckTransmission, EmptyFile) {
  auto r = check_bytes("KK260501.CSV", "", world().context());
  EXPECT_EQ(codes_of(r), std::multiset<std::string>{"KC23"}) << dump(r);
  EXPECT_EQ(r.errors[0].level, Level::Transmission);
  EXPECT_EQ(r.errors[0].line, 0u);
  EXPECT_EQ(r.worst(), Level::Transmission);
  EXPECT_EQ(r.records, 0u);
}

TEST(PrecheckTransmission, BinaryDataIsNotRead) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
  png += std::string(5000, 'x') + "\n2,2,7131\n";
  auto r = check_bytes("KK260501.CSV", png, world().context());
  EXPECT_EQ(codes_of(r), std::multiset<std::string>{"KP02"}) << dump(r);
  EXPECT_EQ(r.errors[0].level, Level::Transmission);
  EXPECT_EQ(r.bytes, png.size());
  EXPECT_EQ(r.records, 0u);
}

TEST(PrecheckTransmission, Utf8InsteadOfCp932) {
  // 7155 has 漢字 in its 03 record; sent as UTF-8 (CRLF) instead of CP932.
  std::string utf8;
  for (char c : fixture_text("7155")) {
    if (c == '\n') utf8 += '\r';
    utf8 += c;
  }
  auto r = check_bytes("KK260501.CSV", utf8, world().context());
  ASSERT_FALSE(r.errors.empty());
  const ErrorRow* first = row_at(r, "KC01", 6, 8);  // line 6: the 03 record, 緊急時傷病名1 (項番8)
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->level, Level::Transmission);
  EXPECT_EQ(first->item_no, 8);
  EXPECT_EQ(first->item_name, "緊急時傷病名1");
  EXPECT_NE(first->message_ja.find("UTF-8"), std::string::npos) << first->message_ja;
  EXPECT_EQ(r.worst(), Level::Transmission);
}

TEST(PrecheckTransmission, AByteOutsideCp932) {
  auto text = kaigo::testing::official_bytes(fixture_text("7131"));
  auto at = text.find("11,1111,244");
  ASSERT_NE(at, std::string::npos);
  text.replace(at + 3, 4, "\xFF\xFF\xFF\xFF");  // サービス項目コード
  auto r = check_bytes("KK260501.CSV", text, world().context());
  expect_row(r, Level::Transmission, "KC01", 4, 8, "サービス項目コード", "\\xFF\\xFF\\xFF\\xFF");
  EXPECT_EQ(r.worst(), Level::Transmission);
}

TEST(PrecheckTransmission, NoControlRecord) {
  auto ls = lines_of(fixture_text("7131"));
  ls.erase(ls.begin());
  auto r = check_text(renumber(text_of(ls)), world().context());
  const ErrorRow* kp03 = row_at(r, "KP03", 0);
  ASSERT_NE(kp03, nullptr);
  EXPECT_EQ(kp03->level, Level::Transmission);
  expect_row(r, Level::External, "KC15", 1, 0, "", "");
  EXPECT_EQ(r.worst(), Level::Transmission);
}

TEST(PrecheckTransmission, TextThatIsNoExchangeFile) {
  auto r = check_bytes("KK260501.CSV", "Dear 国保連,\r\nplease find our claims attached.\r\n", world().context());
  EXPECT_EQ(r.worst(), Level::Transmission);
  ASSERT_NE(row_at(r, "KP03", 0), nullptr);
  EXPECT_EQ(r.count(Level::Transmission), 1u) << dump(r);
}

TEST(PrecheckTransmission, FileNames) {
  auto text = fixture_text("8222");
  for (const char* good : {"KY260501.CSV", "ky260501.csv", "A.CSV", "12345678.Csv"}) {
    EXPECT_EQ(check_text(text, world().context(), good).error_count, 0u) << good;
  }
  for (const char* bad : {"KY2605011.CSV", "KY26-501.CSV", "KY260501.TXT", "KY260501", "ＫＹ.CSV", ".CSV"}) {
    auto r = check_text(text, world().context(), bad);
    EXPECT_EQ(codes_of(r), std::multiset<std::string>{"KP01"}) << bad << "\n" << dump(r);
    const ErrorRow* row = row_at(r, "KP01", 0);
    if (row == nullptr) continue;
    EXPECT_EQ(row->level, Level::Transmission);
    EXPECT_EQ(row->item_name, "ファイル名");
    EXPECT_EQ(row->value, bad);
  }
  // A folder in front of the name is not part of it.
  EXPECT_EQ(check_text(text, world().context(), "in/2026-05/KY260501.CSV").error_count, 0u);
}

TEST(PrecheckTransmission, ADataTypeNoProviderSends) {
  // A 返戻（保留）一覧表 received from the 国保連 is not something to send.
  auto r = check_text(fixture_text("7411"), world().context(), "HENREI.CSV");
  expect_row(r, Level::Transmission, "KP04", 1, 5, "データ種別", "741");
  EXPECT_EQ(r.worst(), Level::Transmission);
}

// 200 MB without a line break: read in bounded memory (a child process measures its own peak).
TEST(PrecheckTransmission, AHugeLineIsReadInBoundedMemory) {
  TempDir dir;
  auto path = dir / "HUGE.CSV";
  {
    std::ofstream out(path, std::ios::binary);
    std::string chunk(1 << 20, 'X');
    chunk.replace(0, 9, "2,2,7131,");
    for (int i = 0; i < 200; ++i) out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  }
  const PrecheckContext context = world().context();  // loaded before the fork
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto r = check_file(path, context);
    bool kc02 = false;
    for (const auto& e : r.errors) kc02 = kc02 || (e.code == "KC02" && e.level == Level::Transmission && e.line == 1);
    _exit(r.worst() == Level::Transmission && kc02 && r.bytes == (200u << 20) ? 0 : 3);
  }
  int status = 0;
  struct rusage usage {};
  ASSERT_EQ(wait4(pid, &status, 0, &usage), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the huge line is not reported as a 伝送エラー (KC02)";
  EXPECT_LT(usage.ru_maxrss, 160L * 1024) << "peak RSS " << usage.ru_maxrss << " KB for a 200 MB file";
}

}  // namespace
}  // namespace kaigo::precheck::testing
