// The reader streams: a file read from disk in chunks of a few bytes gives exactly the rows it gives
// from memory, whatever the chunk boundaries cut (quoted line breaks, CP932 characters). LF-only
// files are read to the same values as CRLF ones, with one warning.
#include <gtest/gtest.h>

#include <filesystem>

#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/records.hpp"
#include "support/test_support.hpp"

namespace kaigo::careplan {
namespace {

using kaigo::testing::fixture;

std::vector<std::filesystem::path> every_fixture() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(fixture("careplan"))) {
    auto ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".CSV" || ext == ".jpg")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string rows_text(const FileCheck& c) {
  std::string s = c.file + " records=" + std::to_string(c.records) + " lines=" + std::to_string(c.lines) + "\n";
  for (const auto& r : c.rows) {
    s += r.code + " " + std::to_string(r.line) + " " + std::to_string(r.item_no) + " " + r.value + " " + r.insurer_no + " " +
         r.insured_no + " " + r.message_ja + "\n";
  }
  return s;
}

TEST(CareplanReader, ChunkedFromDiskEqualsMemory) {
  auto files = every_fixture();
  ASSERT_GT(files.size(), 80u);
  for (const auto& path : files) {
    auto bytes = kaigo::testing::read_file(path);
    CheckOptions tiny;
    tiny.read.chunk_bytes = 3;
    std::string from_memory = rows_text(check_bytes(path.filename().string(), bytes));
    std::string from_disk = rows_text(check_file(path, tiny));
    EXPECT_EQ(from_disk, from_memory) << path;
  }
}

TEST(CareplanReader, LfIsAcceptedWithOneWarning) {
  const std::string name = "UPPLAN_202506_1310000001_43_1310000002_11_20250520170000.CSV";
  auto crlf = kaigo::testing::read_file(fixture("careplan/edge/" + name));
  std::string lf;
  for (std::size_t i = 0; i < crlf.size(); ++i) {
    // Record ends become LF; the line break inside the quoted 用具名称 stays as it was.
    bool record_end = crlf[i] == '\r' && i + 1 < crlf.size() && crlf[i + 1] == '\n' &&
                      (i + 2 == crlf.size() || crlf.compare(i + 2, 6, "202407") == 0);
    if (!record_end) lf += crlf[i];
  }
  auto a = read_usage_sheets(name, crlf);
  auto b = read_usage_sheets(name, lf);
  ASSERT_EQ(b.check.rows.size(), 1u);
  EXPECT_EQ(b.check.rows[0].code, "CP10");
  EXPECT_EQ(b.check.error_count, 0u);
  ASSERT_EQ(a.values.size(), b.values.size());
  EXPECT_EQ(write_usage_sheets(b.values), crlf);  // written back with CRLF
}

TEST(CareplanReader, CountsAndNameParts) {
  const std::string name = "UPSIKYU_202506_1310000001_43_1310000002_11_20250520170000.CSV";
  FileCheck c = check_file(fixture("careplan/edge/" + name));
  EXPECT_EQ(c.kind, "UPSIKYU");
  EXPECT_EQ(c.title, "第7表（サービス利用票別表）");
  EXPECT_EQ(c.version, "202407");
  EXPECT_EQ(c.records, 9u);
  EXPECT_EQ(c.lines, 10u);  // the 手すり row holds a quoted line break
  ASSERT_TRUE(c.name);
  EXPECT_EQ(c.name->receiver.office_no, "1310000002");
  EXPECT_TRUE(c.ok());
}

TEST(CareplanReader, RowsAreCappedButCounted) {
  auto bytes = kaigo::testing::read_file(fixture("careplan/bad/CP05-invalid-byte/UPPLAN_202505_1310000001_43_1310000002_11_20250420093000.CSV"));
  CheckOptions one;
  one.max_rows = 1;
  FileCheck c = check_bytes("UPPLAN_202505_1310000001_43_1310000002_11_20250420093000.CSV", bytes, one);
  EXPECT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.error_count, 2u);
  EXPECT_TRUE(c.truncated());
}

}  // namespace
}  // namespace kaigo::careplan
