#include "kaigo/store/detail/sqlite.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace kaigo::store {

Connection::Connection(const std::filesystem::path& path, bool create) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("データベースを開けません / cannot open the database: {}: {}", path.string(), msg));
  }
  sqlite3_busy_timeout(db_, 10000);
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=FULL");
  exec("PRAGMA foreign_keys=ON");
  // 64 MiB of page cache: a review month inserts millions of index entries.
  exec("PRAGMA cache_size=-65536");
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::fail(std::string_view what) const {
  throw StoreError(
      fmt::format("データベースの操作に失敗しました / database operation failed: {}: {}", what, sqlite3_errmsg(db_)));
}

void Connection::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "";
    sqlite3_free(err);
    throw StoreError(fmt::format("データベースの操作に失敗しました / database operation failed: {}: {}", s, msg));
  }
}

Statement Connection::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) fail(sql);
  return Statement(*this, stmt);
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) conn_->fail("bind");
  return *this;
}

Statement& Statement::bind(int i, std::string_view text) {
  if (sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) {
    conn_->fail("bind");
  }
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

Transaction::Transaction(Connection& c) : conn_(c) { conn_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (done_) return;
  try {
    conn_.exec("ROLLBACK");
  } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more to do while unwinding
  }
}

void Transaction::commit() {
  conn_.exec("COMMIT");
  done_ = true;
}

}  // namespace kaigo::store
