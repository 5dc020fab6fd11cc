#include "kaigo/store/detail/sqlite.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "kaigo/core/strings.hpp"

namespace kaigo::store {

int Connection::busy_timeout_ms() {
  static const int ms = [] {
    const char* env = std::getenv("KAIGO_BUSY_TIMEOUT_MS");
    if (env == nullptr) return 10000;
    char* end = nullptr;
    long v = std::strtol(env, &end, 10);
    return end != env && *end == '\0' && v > 0 && v <= 600000 ? static_cast<int>(v) : 10000;
  }();
  return ms;
}

// Bounded: SQL built with values in it would otherwise grow it; beyond kMax a statement is finalized.
struct IdleStatements {
  static constexpr std::size_t kMax = 256;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> by_sql;
  bool closed = false;

  sqlite3_stmt* take(std::string_view sql) {
    auto it = by_sql.find(sql);
    if (it == by_sql.end()) return nullptr;
    auto* stmt = it->second;
    by_sql.erase(it);
    return stmt;
  }
  void put_back(sqlite3_stmt* stmt) {
    if (closed) {
      sqlite3_finalize(stmt);
      return;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const char* sql = sqlite3_sql(stmt);
    if (sql == nullptr || by_sql.size() >= kMax || !by_sql.emplace(sql, stmt).second) sqlite3_finalize(stmt);
  }
  void close() {
    for (auto& [sql, stmt] : by_sql) sqlite3_finalize(stmt);
    by_sql.clear();
    closed = true;
  }
};

namespace {

// Before SQLite's first use in the process: no count of its memory (nothing reads it), whose mutex
// every allocation took — 2 % of a submit; and statement and savepoint journals kept in memory
// (each file of a receipt group has its savepoint, whose journal spilled to a temporary file past
// 64 KiB: 270 MB written to /var/tmp by the compare.sh month's submit). Temporary tables and sorts
// stay as they were: a national month's sorts may spill to disk.
void configure_sqlite() {
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK &&
           sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1) == SQLITE_OK;
  }();
  (void)configured;
}

}  // namespace

Connection::Connection(const std::filesystem::path& path, bool create)
    : idle_(std::make_shared<IdleStatements>()) {
  configure_sqlite();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("データベースを開けません / cannot open the database: {}: {}", path.string(), msg));
  }
  if (!starts_like_sqlite()) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw NotADatabase(path.string());
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms());
  // journal_mode=WAL is persistent: set once when the database is made (Database::create); setting
  // it again on every open would need the write lock. The rest are per connection.
  if (create) exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=FULL");
  exec("PRAGMA foreign_keys=ON");
  // 64 MiB of page cache: a review month inserts millions of index entries.
  exec("PRAGMA cache_size=-65536");
}

Connection::~Connection() {
  idle_->close();
  sqlite3_close_v2(db_);
}

std::filesystem::path Connection::file() const {
  const char* name = sqlite3_db_filename(db_, "main");
  if (name == nullptr || *name == '\0') fail("file name");
  return name;
}

// The header is read through SQLite's own handle of the file. Opening the file a second time and
// closing it would drop every POSIX lock this process holds on it (fcntl locks belong to the
// process, not to the descriptor): in a server, the locks its other connections rely on.
bool Connection::starts_like_sqlite() const {
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || file == nullptr ||
      file->pMethods == nullptr) {
    return false;
  }
  sqlite3_int64 size = 0;
  if (file->pMethods->xFileSize(file, &size) != SQLITE_OK) return false;
  if (size == 0) return true;  // a new database
  char head[16] = {};
  if (file->pMethods->xRead(file, head, sizeof head, 0) != SQLITE_OK) return false;
  return std::memcmp(head, "SQLite format 3", 16) == 0;
}

namespace {

bool busy(int rc) { return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; }

[[noreturn]] void throw_busy() {
  const double waited = Connection::busy_timeout_ms() / 1000.0;
  throw StoreBusy(fmt::format(
      "データベースは他の処理が書き込み中です（{:g} 秒待ちました）。何も変更していません。しばらくしてから、もう一度"
      "実行してください / the database is busy with another writer (waited {:g} s); nothing was changed — try "
      "again in a moment",
      waited, waited));
}

}  // namespace

void Connection::fail(std::string_view what) const {
  if (busy(sqlite3_extended_errcode(db_))) throw_busy();
  throw StoreError(
      fmt::format("データベースの操作に失敗しました / database operation failed: {}: {}", what, sqlite3_errmsg(db_)));
}

void Connection::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : "";
    sqlite3_free(err);
    if (busy(rc)) throw_busy();
    // The statement's start names it; a whole schema would bury the message.
    const auto from = s.find_first_not_of(" \n");
    auto shown = from == std::string::npos ? s : s.substr(from, 120);
    throw StoreError(fmt::format("データベースの操作に失敗しました / database operation failed: {}…: {}", shown, msg));
  }
}

Statement Connection::prepare(std::string_view sql) {
  if (auto* stmt = idle_->take(sql)) return Statement(*this, stmt);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) fail(sql);
  return Statement(*this, stmt);
}

void Connection::sync_log() {
  // The WAL file's handle, as SQLite's own commits sync it (synchronous=FULL syncs this file, with
  // these flags, after each commit). An fsync covers every write made before it, whoever made it.
  sqlite3_file* log = nullptr;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log) != SQLITE_OK) fail("sync");
  if (log == nullptr || log->pMethods == nullptr) return;  // no log open: nothing committed through one
  if (log->pMethods->xSync(log, SQLITE_SYNC_NORMAL) != SQLITE_OK) fail("sync");
}

void Connection::start_log_writeback() {
  // The log's own handle is SQLite's; the page cache is the file's, so a handle of our own serves.
  const auto log = file().string() + "-wal";
  const int fd = ::open(log.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  ::close(fd);
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

Statement::~Statement() {
  if (stmt_ != nullptr) idle_->put_back(stmt_);
}

Statement& Statement::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) conn_->fail("bind");
  return *this;
}

Statement& Statement::bind(int i, std::string_view text) {
  // An empty view may have no data pointer, which SQLite would take for NULL: text is never NULL.
  const char* data = text.data() ? text.data() : "";
  if (sqlite3_bind_text64(stmt_, i, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) {
    conn_->fail("bind");
  }
  return *this;
}

Statement& Statement::bind_static(int i, std::string_view text) {
  const char* data = text.data() ? text.data() : "";
  if (sqlite3_bind_text64(stmt_, i, data, text.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK) conn_->fail("bind");
  return *this;
}

Statement& Statement::bind_blob(int i, std::string_view bytes) {
  // A zero-length blob must still be a blob, not NULL: an empty received file is kept as received.
  static const char kEmpty = 0;
  const void* data = bytes.empty() ? &kEmpty : bytes.data();
  // SQLITE_STATIC: the caller's bytes outlive the statement's step (a received file can be hundreds
  // of megabytes; a copy would double the memory).
  if (sqlite3_bind_blob64(stmt_, i, data, bytes.size(), SQLITE_STATIC) != SQLITE_OK) conn_->fail("bind");
  return *this;
}

Statement& Statement::bind_null(int i) {
  if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) conn_->fail("bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  conn_->fail(sqlite3_sql(stmt_));
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

std::string Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col));
  return p ? std::string(static_cast<const char*>(p), n) : std::string();
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

void Connection::begin_write() {
  // The busy handler waits busy_timeout_ms() for another writer; BEGIN IMMEDIATE takes the write lock
  // at once, so a transaction never fails half-way because a reader became a writer.
  exec("BEGIN IMMEDIATE");
  writing_ = true;
}

Transaction::Transaction(Connection& c) : conn_(c), level_(c.depth_ + 1) {
  if (level_ == 1) {
    conn_.begin_write();
  } else {
    if (!conn_.writing_) {
      throw StoreError(
          "読み取り中の処理の中で書き込もうとしました（内部エラー）/ a write was started inside a read-only "
          "transaction (internal error)");
    }
    conn_.exec(fmt::format("SAVEPOINT kaigo_{}", level_));
  }
  ++conn_.depth_;
}

Transaction::~Transaction() {
  if (done_) return;
  --conn_.depth_;
  try {
    if (level_ == 1) {
      conn_.exec("ROLLBACK");
      conn_.writing_ = false;
    } else {
      conn_.exec(fmt::format("ROLLBACK TO kaigo_{}", level_));
      conn_.exec(fmt::format("RELEASE kaigo_{}", level_));
    }
  } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more to do while unwinding
  }
}

void Transaction::commit() {
  if (level_ == 1) {
    conn_.exec("COMMIT");
    conn_.writing_ = false;
  } else {
    conn_.exec(fmt::format("RELEASE kaigo_{}", level_));
  }
  --conn_.depth_;
  done_ = true;
}

ReadTransaction::ReadTransaction(Connection& c) : conn_(c), outer_(c.depth_ == 0) {
  if (outer_) conn_.exec("BEGIN");
  ++conn_.depth_;
}

ReadTransaction::~ReadTransaction() {
  --conn_.depth_;
  if (!outer_) return;
  try {
    conn_.exec("COMMIT");
  } catch (...) {  // NOLINT(bugprone-empty-catch): a read-only transaction has nothing to lose
  }
}

}  // namespace kaigo::store
