// A received file kept packed in submission_bytes: the bytes come back as received, a damaged or
// unknown packing is refused naming the file, and a file stored by schema 6 (as received) is still
// read after the upgrade.
#include <gtest/gtest.h>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/file_packing.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/errors.hpp"
#include "support/old_schema.hpp"
#include "support/test_support.hpp"

namespace kaigo::store {
namespace {

using testing::TempDir;

const LocalDateTime kAt = *LocalDateTime::parse("2026-05-02T10:00:00");

// CP932 bytes as a file holds them: 漢字 (0x8A 0xBF 0x8E 0x9A), a NUL and CR LF, repeated so that
// packing shrinks them.
std::string a_file() {
  std::string line = "1,1,8124,\x8A\xBF\x8E\x9A,";
  line.push_back('\0');
  line += "\r\n";
  std::string out;
  for (int i = 0; i < 2000; ++i) out += line;
  return out;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(FilePacking, TheBytesComeBackAsReceived) {
  const auto bytes = a_file();
  const auto packed = pack_file(bytes);
  EXPECT_LT(packed.size(), bytes.size() / 10);
  EXPECT_EQ(unpack_file(packed, kFilePacking, static_cast<std::int64_t>(bytes.size()), 7), bytes);
  EXPECT_EQ(unpack_file(pack_file(""), kFilePacking, 0, 7), "");
  // Kept as received (schema 6 and before).
  EXPECT_EQ(unpack_file(bytes, "", static_cast<std::int64_t>(bytes.size()), 7), bytes);
}

TEST(FilePacking, DamageIsRefusedNamingTheFile) {
  const auto bytes = a_file();
  const auto size = static_cast<std::int64_t>(bytes.size());
  auto packed = pack_file(bytes);
  EXPECT_EQ(error_of([&] { unpack_file(packed, "lz4", size, 7); }),
            "受付番号 7 の保存されたファイルを読めません（unknown packing 'lz4'） / the stored bytes of submission 7 "
            "cannot be read (unknown packing 'lz4')");
  EXPECT_EQ(
      error_of([&] { unpack_file(packed, kFilePacking, size + 1, 7); }),
      fmt::format("受付番号 7 の保存されたファイルを読めません（{} bytes framed, {} recorded） / the stored bytes "
                  "of submission 7 cannot be read ({} bytes framed, {} recorded)",
                  size, size + 1, size, size + 1));
  EXPECT_EQ(error_of([&] { unpack_file(bytes, kFilePacking, size, 7); }),
            "受付番号 7 の保存されたファイルを読めません（not a zstd frame） / the stored bytes of submission 7 cannot "
            "be read (not a zstd frame)");
  EXPECT_EQ(error_of([&] { unpack_file(bytes, "", size - 1, 7); }),
            fmt::format("受付番号 7 の保存されたファイルを読めません（{} bytes, {} recorded） / the stored bytes of "
                        "submission 7 cannot be read ({} bytes, {} recorded)",
                        size, size - 1, size, size - 1));
  // A frame cut short, and one with a changed byte inside (the frame's checksum): zstd's own
  // error after the file's number, never other bytes.
  const std::string prefix = "受付番号 7 の保存されたファイルを読めません（";
  const auto cut = error_of([&] { unpack_file(packed.substr(0, packed.size() - 8), kFilePacking, size, 7); });
  EXPECT_TRUE(cut.starts_with(prefix) && cut.find("Src size is incorrect") != std::string::npos) << cut;
  packed[packed.size() / 2] = static_cast<char>(packed[packed.size() / 2] ^ 0x55);
  const auto changed = error_of([&] { unpack_file(packed, kFilePacking, size, 7); });
  EXPECT_TRUE(changed.starts_with(prefix) && changed.find("checksum") != std::string::npos) << changed;
}

TEST(FilePacking, AStoredFileIsPackedAndReadBack) {
  TempDir dir;
  auto db = Database::create(dir / "k.db");
  const auto bytes = a_file();
  const auto id = db->record_arrival("KK260501.CSV", bytes, "sha", kAt, YearMonth{2026, 5}, "me");
  EXPECT_EQ(db->bytes(id), bytes);
  auto st = db->connection().prepare("SELECT packing, length(bytes) FROM submission_bytes WHERE submission_id = ?");
  st.bind(1, id);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "zstd");
  EXPECT_LT(st.integer(1), static_cast<std::int64_t>(bytes.size()) / 10);
  // As kept, for a worker to unpack (parse_on_cores).
  const auto kept = db->stored_file(id);
  EXPECT_EQ(kept.submission, id);
  EXPECT_EQ(kept.packing, "zstd");
  EXPECT_EQ(kept.size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(kept.unpack(), bytes);
}

// A database of schema 6 kept its files as received; opened now, they read back as they were and
// new files are packed beside them.
TEST(FilePacking, FilesOfASchema6DatabaseStayReadable) {
  TempDir dir;
  auto path = dir / "k.db";
  const auto bytes = a_file();
  std::int64_t old_id = 0;
  {
    auto db = Database::create(path);
    old_id = db->record_arrival("KK260501.CSV", "x", "sha", kAt, YearMonth{2026, 5}, "me");
    auto& c = db->connection();
    auto st = c.prepare("UPDATE submission_bytes SET bytes = ? WHERE submission_id = ?");
    st.bind_blob(1, bytes).bind(2, old_id).run();
    c.prepare("UPDATE submissions SET size = ? WHERE id = ?")
        .bind(1, static_cast<std::int64_t>(bytes.size()))
        .bind(2, old_id)
        .run();
    c.exec(testing::kBackToSchema8);
    c.exec(testing::kBackToSchema7);
    c.exec(testing::kBackToSchema6);
    c.exec("PRAGMA user_version = 6;");
  }
  auto db = Database::open(path);
  EXPECT_EQ(db->bytes(old_id), bytes);
  const auto new_id = db->record_arrival("KY260501.CSV", bytes, "sha", kAt, YearMonth{2026, 5}, "me");
  EXPECT_EQ(db->bytes(new_id), bytes);
  auto st = db->connection().prepare("SELECT packing FROM submission_bytes ORDER BY submission_id");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "zstd");
}

}  // namespace
}  // namespace kaigo::store
