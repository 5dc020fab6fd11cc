#include "kaigo/store/database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <array>
#include <cerrno>
#include <cstring>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/sha256.hpp"

#include "kaigo/store/detail/decision_rows.hpp"
#include "kaigo/store/detail/schema.hpp"
#include "kaigo/store/process_owner.hpp"
#include "kaigo/store/sync_group.hpp"
#include "kaigo/store/schema/modules.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {
namespace {

int schema_version(Connection& c) {
  auto st = c.prepare("PRAGMA user_version");
  return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

// The schema this program makes: the claims tables and every module's piece.
const std::string& schema_digest() {
  static const std::string digest = [] {
    std::string all(kSchema);
    for (auto piece : schema::kModuleSchemas) all += piece;
    return sha256_hex(all);
  }();
  return digest;
}

std::string stored_digest(Connection& c) {
  auto exists = c.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'");
  if (!exists.step()) return {};
  auto st = c.prepare("SELECT digest FROM schema_info WHERE id = 1");
  return st.step() ? st.text(0) : std::string();
}

// Schema 3 → 4: each decision's claim_rows (row 0 = 特定入所者) packed into its packed_rows.
void pack_claim_rows(Connection& c) {
  if (!c.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_rows'").step()) return;
  auto rows = c.prepare(
      "SELECT decision_id, seq, service_type, last_item_code, cut, plan_units, written_units, written_claim, "
      "written_burden, written_fund1, written_fund2, written_fund3, decided_units, decided_claim, decided_burden, "
      "decided_fund1, decided_fund2, decided_fund3 FROM claim_rows ORDER BY decision_id, seq");
  auto update = c.prepare("UPDATE claim_decisions SET packed_rows = ? WHERE id = ?");
  std::int64_t id = 0;
  review::ClaimDecision d;
  auto flush = [&] {
    if (id == 0) return;
    const auto packed = pack_rows(d);
    update.bind_blob(1, packed).bind(2, id).run();
    d = {};
  };
  while (rows.step()) {
    if (rows.integer(0) != id) {
      flush();
      id = rows.integer(0);
    }
    if (rows.integer(1) == 0) {
      d.facility_written = amounts_at(rows, 6);
      d.facility_decided = amounts_at(rows, 12);
      continue;
    }
    review::RowDecision r;
    r.service_type = rows.text(2);
    r.last_item_code = rows.text(3);
    r.cut = review::kCutReasons.parse(rows.text(4)).value_or(review::CutReason::None);
    if (!rows.is_null(5)) r.plan_units = Units{rows.integer(5)};
    r.written = amounts_at(rows, 6);
    r.decided = amounts_at(rows, 12);
    d.rows.push_back(std::move(r));
  }
  flush();
  c.exec("DROP TABLE claim_rows");
}

// Brings a database of an earlier schema up to this one, then creates what is missing.
void upgrade(Connection& c, int version) {
  Transaction tx(c);
  // Another process may have upgraded it while this one waited for the write lock.
  version = schema_version(c);
  if (version > 0) {
    for (int v = version; v < kSchemaVersion; ++v) {
      c.exec(kMigrations[v]);
      if (v == 3) pack_claim_rows(c);
    }
  }
  c.exec(kSchema);
  for (auto piece : schema::kModuleSchemas) c.exec(piece);
  c.prepare("INSERT OR REPLACE INTO schema_info(id, digest) VALUES (1, ?)").bind(1, schema_digest()).run();
  c.exec(fmt::format("PRAGMA user_version={}", kSchemaVersion));
  tx.commit();
}

bool up_to_date(Connection& c) {
  ReadTransaction snapshot(c);
  return schema_version(c) == kSchemaVersion && stored_digest(c) == schema_digest();
}

[[noreturn]] void refuse(const std::filesystem::path& path, std::string_view why_ja, std::string_view why_en) {
  throw StoreError(fmt::format("{} は kaigo のデータベースではありません（{}）。kaigo init --db で作ったファイルを指定して"
                               "ください。ファイルは変更していません / {} is not a kaigo database ({}); give a file made "
                               "by kaigo init --db — the file was not changed",
                               path.string(), why_ja, path.string(), why_en));
}

// What can be told of `path` without opening it (a stat): a folder or an empty file is refused
// before SQLite opens it (which would make an empty file into a database). The header is checked
// by the connection (NotADatabase), through SQLite's own handle of the file.
void check_kind(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) refuse(path, "フォルダです", "it is a folder");
  if (std::filesystem::file_size(path, ec) == 0 && !ec) refuse(path, "空のファイルです", "the file is empty");
}

// Opens the connection, refusing a file that is not an SQLite database with the words above.
std::unique_ptr<Connection> connect(const std::filesystem::path& path, bool create) {
  try {
    return std::make_unique<Connection>(path, create);
  } catch (const NotADatabase&) {
    refuse(path, "SQLite のファイルではありません", "not an SQLite file");
  }
}

// Makes the database file with the permissions kaigo's files get; SQLite gives its -wal and -shm
// files the same.
void make_file(const std::filesystem::path& path, FileAccess access) {
  const mode_t mode = access == FileAccess::Group ? 0640 : 0600;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw StoreError(fmt::format("データベース {} を作れません / cannot create the database {}: {}", path.string(),
                                 path.string(), std::strerror(errno)));
  }
  ::fchmod(fd, mode);  // whatever the umask
  ::close(fd);
}

}  // namespace

Database::Database(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
Database::~Database() = default;

std::unique_ptr<Database> Database::create(const std::filesystem::path& path, FileAccess access) {
  make_file(path, access);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) refuse(path, "フォルダです", "it is a folder");
  auto conn = connect(path, true);
  int version = schema_version(*conn);
  if (version > kSchemaVersion) {
    throw StoreError(
        fmt::format("{} は新しい版の kaigo で作られたデータベースです（版 {}）/ {} was made by a newer "
                    "kaigo (schema {})",
                    path.string(), version, path.string(), version));
  }
  upgrade(*conn, version);
  return std::unique_ptr<Database>(new Database(std::move(conn)));
}

std::unique_ptr<Database> Database::open(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    throw StoreError(
        fmt::format("データベース {} がありません。先に kaigo init --db {} を実行してください / database {} "
                    "does not exist; run kaigo init --db {} first",
                    path.string(), path.string(), path.string(), path.string()));
  }
  check_kind(path);
  auto conn = connect(path, false);
  int version = 0;
  {
    ReadTransaction snapshot(*conn);
    version = schema_version(*conn);
  }
  if (version < 1 || version > kSchemaVersion) {
    throw StoreError(
        fmt::format("{} は kaigo のデータベースではないか、版が違います（版 {}、期待 {}）。kaigo init を実行して"
                    "ください / {} is not a kaigo database of this version (schema {}, expected {}); run "
                    "kaigo init",
                    path.string(), version, kSchemaVersion, path.string(), version, kSchemaVersion));
  }
  // An earlier version is upgraded in place; tables added within a version (CREATE … IF NOT
  // EXISTS) appear on opening. An up-to-date database is only read.
  if (!up_to_date(*conn)) upgrade(*conn, version);
  return std::unique_ptr<Database>(new Database(std::move(conn)));
}

void Database::atomically(const std::function<void()>& step) {
  Transaction tx(*conn_);
  step();
  tx.commit();
}

void Database::atomically_unsynced(const std::function<void()>& step) {
  if (conn_->in_transaction() || sync_deferred_) {
    atomically(step);
    return;
  }
  conn_->exec("PRAGMA synchronous=NORMAL");
  struct RestoreFullSync {
    Connection& c;
    ~RestoreFullSync() {
      try {
        c.exec("PRAGMA synchronous=FULL");
      } catch (...) {  // NOLINT(bugprone-empty-catch): the next statement reports a broken connection
      }
    }
  } restore{*conn_};
  atomically(step);
}

void Database::defer_sync(bool on) {
  if (on == sync_deferred_) return;
  if (!on) make_durable();
  set_sync_mode(on);
}

void Database::set_sync_mode(bool on) {
  conn_->exec(on ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
  // A received file dirties a few hundred scattered index pages; checkpointing every 1,000 pages
  // (SQLite's default) would copy the same pages into the database after every second file.
  // During a group the log may grow to 256 MiB, so that a checkpoint writes each page once: at
  // 64 MiB a month's later files (its indexes in the hundreds of MiB) spent a fifth of their time
  // checkpointing the same pages again (issue 19, docs/performance.md).
  conn_->exec(on ? kBulkCheckpoint : "PRAGMA wal_autocheckpoint=1000");
  sync_deferred_ = on;
}

void Database::make_durable() { conn_->sync_log(); }

void Database::checkpoint_passive() { conn_->exec("PRAGMA wal_checkpoint(PASSIVE)"); }

std::filesystem::path Database::file() const { return conn_->file(); }

void Database::DeferredSync::durable_in(SyncGroup& group) {
  if (!db_.sync_deferred_) return;
  group.sync([this] { db_.make_durable(); });
  db_.set_sync_mode(false);
}

Database::DeferredSync::~DeferredSync() {
  try {
    db_.defer_sync(false);
  } catch (...) {  // NOLINT(bugprone-empty-catch): unwinding; the caller reported nothing as durable
  }
}

std::string Database::owner() { return process_owner(); }
bool Database::alive(std::string_view owner) { return process_alive(owner); }

FileAccess Database::file_access() {
  return settings().files.group_readable ? FileAccess::Group : FileAccess::Owner;
}

void Database::store_settings(std::string_view toml_text, std::string_view file_name, const LocalDateTime& at) {
  Transaction tx(*conn_);
  conn_->prepare("INSERT OR REPLACE INTO settings(id, file_name, toml, stored_at) VALUES (1, ?, ?, ?)")
      .bind(1, file_name)
      .bind(2, toml_text)
      .bind(3, at.str())
      .run();
  tx.commit();
}

Settings Database::settings() {
  auto st = conn_->prepare("SELECT file_name, toml FROM settings WHERE id = 1");
  if (!st.step()) return Settings{};
  auto parsed = parse_settings(st.text(1), st.text(0));
  if (!parsed.settings) {
    throw StoreError(fmt::format("保存された設定 {} を解釈できません / the stored settings {} cannot be parsed",
                                 st.text(0), st.text(0)));
  }
  return *parsed.settings;
}

std::optional<std::string> Database::settings_file_name() {
  auto st = conn_->prepare("SELECT file_name FROM settings WHERE id = 1");
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

void Database::store_table(const LoadedTable& t) {
  Transaction tx(*conn_);
  conn_->prepare("INSERT INTO loads(kind, file_name, loaded_at, rows, sha256, text) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, enum_code(t.kind))
      .bind(2, t.file_name)
      .bind(3, t.loaded_at.str())
      .bind(4, t.rows)
      .bind(5, t.sha256)
      .bind(6, t.text)
      .run();
  tx.commit();
}

std::int64_t Database::latest_load_id() {
  auto st = conn_->prepare("SELECT COALESCE(MAX(id), 0) FROM loads");
  return st.step() ? st.integer(0) : 0;
}

namespace {

LoadedTable loaded_table(TableKind kind, Statement& st) {
  LoadedTable t;
  t.kind = kind;
  t.file_name = st.text(0);
  t.loaded_at = moment(st.text(1));
  t.rows = st.integer(2);
  t.sha256 = st.text(3);
  t.text = st.text(4);
  return t;
}

}  // namespace

std::optional<LoadedTable> Database::latest_table(TableKind kind) {
  auto st = conn_->prepare(
      "SELECT file_name, loaded_at, rows, sha256, text FROM loads WHERE kind = ? ORDER BY id DESC LIMIT 1");
  st.bind(1, enum_code(kind));
  if (!st.step()) return std::nullopt;
  return loaded_table(kind, st);
}

std::vector<LoadedTable> Database::tables(TableKind kind) {
  auto st = conn_->prepare("SELECT file_name, loaded_at, rows, sha256, text FROM loads WHERE kind = ? ORDER BY id DESC");
  st.bind(1, enum_code(kind));
  std::vector<LoadedTable> out;
  while (st.step()) out.push_back(loaded_table(kind, st));
  return out;
}

}  // namespace kaigo::store
