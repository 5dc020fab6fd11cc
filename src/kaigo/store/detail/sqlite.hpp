// store/sqlite — a thin RAII layer over the SQLite C API, private to the store module: one
// connection, prepared statements with typed binds and columns, and transactions that roll back
// unless committed. Every failure throws StoreError with SQLite's message in both languages.
// Must not: be included outside src/kaigo/store (no SQL leaves the store).
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "kaigo/store/errors.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kaigo::store {


class Statement;
struct IdleStatements;

// The file given is not an SQLite database (its first 16 bytes are not SQLite's header).
class NotADatabase : public StoreError {
 public:
  using StoreError::StoreError;
};

// While writing in bulk (a receipt group, the review's writer): 256 MiB of log between
// checkpoints, so that a checkpoint copies each of the month's hot index pages once (docs/performance.md,
// eighth session).
inline constexpr const char* kBulkCheckpoint = "PRAGMA wal_autocheckpoint=65536";

class Connection {
 public:
  // How long a writer waits for another process's write transaction before StoreBusy: 10 s, or
  // KAIGO_BUSY_TIMEOUT_MS from the environment (an operator's script; the tests).
  static int busy_timeout_ms();

  // Opens (creating when `create`) the database file; WAL journal, FULL sync, foreign keys on.
  // Opening writes nothing: a reader never takes the write lock. A file that is not empty and does
  // not start with SQLite's header throws NotADatabase before anything is read or written.
  Connection(const std::filesystem::path& path, bool create);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  // The database file this connection has open (to open another connection to it).
  std::filesystem::path file() const;
  std::int64_t last_insert_id() const;
  std::int64_t changes() const;
  [[noreturn]] void fail(std::string_view what) const;
  // Writes the write-ahead log to the disk (fdatasync): every transaction committed so far on this
  // database, whatever its synchronous setting, is then durable. The barrier of a group commit.
  void sync_log();
  // Starts writing the log's pages to the disk and returns at once (sync_file_range): the sync that
  // must wait for them later (sync_log, a synchronous=FULL commit) then finds less left to write.
  // Advisory: a failure is ignored, the later sync still makes everything durable.
  void start_log_writeback();
  // Whether a transaction (read or write) is open on this connection.
  bool in_transaction() const { return depth_ > 0; }

 private:
  friend class Transaction;
  friend class ReadTransaction;
  friend class Statement;
  void begin_write();
  bool starts_like_sqlite() const;
  sqlite3* db_ = nullptr;
  // Prepared statements not in use, by their SQL (sqlite.cpp): a received file runs the same dozen
  // statements, and parsing them again for each of a national month's files cost more than running
  // some. Shared with the Statements, which may outlive the connection.
  std::shared_ptr<IdleStatements> idle_;
  int depth_ = 0;  // nesting of Transaction / ReadTransaction
  bool writing_ = false;
};

class Statement {
 public:
  Statement(Connection& c, sqlite3_stmt* s) : conn_(&c), stmt_(s), idle_(c.idle_) {}
  // Puts the statement back among its connection's idle ones (finalizes it once the connection is closed).
  ~Statement();
  Statement(Statement&& other) noexcept : conn_(other.conn_), stmt_(other.stmt_), idle_(std::move(other.idle_)) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Binds are 1-based, as in SQL.
  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
  // The text is not copied (SQLITE_STATIC): it must stay valid until the statement has run (run()
  // and reset() clear the binds). For the hot inserts of the review, whose values outlive the step.
  Statement& bind_static(int i, std::string_view text);
  // The bytes are not copied: they must stay valid until the statement has run (run() resets it).
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_null(int i);
  // Binds `values` to ?1, ?2, … in their order.
  template <class... Values>
  Statement& bind_all(const Values&... values) {
    int i = 0;
    (bind(++i, values), ...);
    return *this;
  }

  // Advances; true while a row is available.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  void reset();

  // Each remaining row as `read(statement)` makes it, in order.
  template <class Read>
  auto rows(Read read) -> std::vector<std::invoke_result_t<Read&, const Statement&>> {
    std::vector<std::invoke_result_t<Read&, const Statement&>> out;
    while (step()) out.push_back(read(std::as_const(*this)));
    return out;
  }
  // The next row as `read(statement)` makes it, or nullopt when there is none.
  template <class Read>
  auto first_row(Read read) -> std::optional<std::invoke_result_t<Read&, const Statement&>> {
    if (!step()) return std::nullopt;
    return read(std::as_const(*this));
  }

  // Columns are 0-based, as in the C API.
  std::int64_t integer(int col) const;
  std::string text(int col) const;
  std::string blob(int col) const;
  bool is_null(int col) const;

 private:
  Connection* conn_;
  sqlite3_stmt* stmt_;
  std::shared_ptr<IdleStatements> idle_;
};

// BEGIN IMMEDIATE … COMMIT: the one writer. Rolls back when destroyed uncommitted (an exception
// on the way). Nested inside another Transaction it is a SAVEPOINT, so a function that writes
// atomically can be called alone or as part of a larger atomic step. Waiting for another writer
// longer than the busy timeout throws StoreBusy.
class Transaction {
 public:
  explicit Transaction(Connection& c);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& conn_;
  int level_ = 0;  // 1 = the outer BEGIN; deeper = a savepoint
  bool done_ = false;
};

// BEGIN (deferred) … COMMIT: one consistent snapshot for several reads, without the write lock.
// Nested inside another transaction it adds nothing.
class ReadTransaction {
 public:
  explicit ReadTransaction(Connection& c);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Connection& conn_;
  bool outer_ = false;
};

}  // namespace kaigo::store
