// store/database — a kaigo database (SQLite, WAL): the 国保連's settings, the ledgers and masters
// loaded into it, and (submissions.cpp) every received file with its states and errors.
// Owns: all SQL and the durability rules (a write that returns has been committed with a full
// sync, so it survives a kill -9). Must not: decide anything — it keeps what it is given.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/clock.hpp"
#include "kaigo/core/settings.hpp"
#include "kaigo/reception/repository.hpp"

namespace kaigo::store {

class Connection;
class SyncGroup;
struct StoredFile;  // detail/file_packing.hpp

// What `kaigo load` takes (DESIGN §3.1): the three ledgers and the service-code master; and, beyond
// DESIGN, the fees due per office and month (fees.csv: who applied for a certificate or holds a
// ケアプランデータ連携 license is not in any of the DESIGN files); the municipalities' 総合事業
// masters (sougou, docs/masters.md §3); and the 公費受給者台帳 (kohi.csv, docs/masters.md: DESIGN
// §3.2's 受給者台帳 has no 公費).
enum class TableKind { Offices, Insurers, Recipients, Services, Fees, Sougou, Kohi };
inline constexpr EnumTable<TableKind, 7> kTableKinds{{{
#include "kaigo/store/table_kind.enum.inc"
}}};
constexpr const auto& enum_table(TableKind) { return kTableKinds; }

// One accepted load of a table, kept as the text that was validated.
struct LoadedTable {
  TableKind kind = TableKind::Offices;
  std::string file_name;
  LocalDateTime loaded_at;
  std::int64_t rows = 0;
  std::string sha256;
  std::string text;
};

// Who may read the files kaigo writes (the database, results, logs): they hold names, birth dates
// and bank accounts, so only the owner by default (0600 / 0700); the owner's group as well when a
// 国保連 runs kaigo under a shared group ([files] group_readable in kokuhoren.toml).
enum class FileAccess { Owner, Group };

class Database : public reception::Repository {
 public:
  // Creates the database file (with `access`) and its schema when missing; an existing database
  // keeps its data. An existing empty file is made into a database (mktemp's).
  static std::unique_ptr<Database> create(const std::filesystem::path& path, FileAccess access = FileAccess::Owner);
  // Opens an existing database; refuses — without changing it — a file that `kaigo init` has not
  // prepared (an empty file included). Writes nothing unless the schema must be brought up to date.
  static std::unique_ptr<Database> open(const std::filesystem::path& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Settings: the kokuhoren.toml text as given (validated by the caller), or the defaults.
  void store_settings(std::string_view toml_text, std::string_view file_name, const LocalDateTime& at);
  Settings settings();
  std::optional<std::string> settings_file_name();

  // Tables: the latest load of each kind is in force; earlier ones stay for the record.
  void store_table(const LoadedTable& table);
  std::optional<LoadedTable> latest_table(TableKind kind);
  // Every accepted load of `kind`, newest first (a 総合事業 master is in force per insurer).
  std::vector<LoadedTable> tables(TableKind kind);
  // The id of the latest load of any table (0 when none): it changes whenever a table is loaded.
  std::int64_t latest_load_id();

  // reception::Repository (submissions.cpp, months.cpp).
  void atomically(const std::function<void()>& step) override;
  // WAL is sequential: the next durable commit makes an unsynced one durable too.
  void atomically_unsynced(const std::function<void()>& step) override;
  // Group commit (issue 19): from defer_sync(true), every commit of this connection — the atomic
  // steps and any other write — is kept without waiting for the disk (a kill -9 loses none of them:
  // they are in the system's cache; a power loss may lose those after the last make_durable()).
  // make_durable() writes all of them to the disk at once: acknowledge a step only after the
  // make_durable() that follows its commit. defer_sync(false) makes everything durable first.
  void defer_sync(bool on);
  void make_durable();
  // Copies what the log holds into the database file, as far as no reader needs the older pages,
  // without waiting for any lock (PRAGMA wal_checkpoint(PASSIVE)); another connection may be
  // writing meanwhile. What it copied, the last connection's checkpoint at close need not.
  void checkpoint_passive();
  // The database file this connection has open.
  std::filesystem::path file() const;
  // defer_sync for a scope: durable() ends it, making everything durable; leaving the scope by an
  // exception ends it too (a kill -9 still loses no commit; see above).
  class DeferredSync {
   public:
    explicit DeferredSync(Database& db) : db_(db) { db_.defer_sync(true); }
    DeferredSync(const DeferredSync&) = delete;
    DeferredSync& operator=(const DeferredSync&) = delete;
    ~DeferredSync();
    void durable() { db_.defer_sync(false); }
    // The same, the log synced through `group` with other threads' commits (server uploads).
    void durable_in(SyncGroup& group);

   private:
    Database& db_;
  };
  std::string owner() override;
  bool alive(std::string_view owner) override;
  std::int64_t record_arrival(std::string_view file_name, std::string_view bytes, const std::string& sha256,
                              const LocalDateTime& at, std::optional<YearMonth> processing_month,
                              std::string_view owner, std::string_view sender = {}, std::string_view key = {}) override;
  std::optional<std::int64_t> submission_with_key(std::string_view sender, std::string_view key) override;
  void release_key(std::int64_t id) override;
  void record_outcome(std::int64_t id, const precheck::FileResult& result, std::span<const precheck::ErrorRow> errors,
                      bool keep_documents, reception::FileState state, const LocalDateTime& at) override;
  void record_state(std::int64_t id, reception::FileState state, const LocalDateTime& at,
                    std::string_view note) override;
  std::optional<reception::Submission> submission(std::int64_t id) override;
  std::vector<reception::StateChange> history(std::int64_t id) override;
  std::string bytes(std::int64_t id) override;
  // The file as kept (packed): bytes(id) is stored_file(id).unpack().
  StoredFile stored_file(std::int64_t id);
  std::vector<std::int64_t> submissions_in(YearMonth month, reception::FileState state) override;
  std::vector<reception::InFlight> unfinished() override;
  std::string in_flight_owner(std::int64_t id) override;
  std::vector<reception::StoredDocument> documents_in_review(YearMonth month, std::span<const exchange::DocumentKey> keys,
                                                             std::int64_t except) override;
  reception::MonthRecord month(YearMonth month) override;
  std::vector<reception::MonthRecord> months() override;
  std::optional<reception::MonthRecord> later_month_not_open(YearMonth month) override;
  std::vector<YearMonth> earlier_open_months(YearMonth month) override;
  void move_month(YearMonth month, reception::MonthState to, const LocalDateTime& at, std::string_view note) override;
  std::optional<reception::MonthJob> month_job() override;
  void set_month_job(const std::optional<reception::MonthJob>& job) override;

  // The 送信結果 list: files of a month (or every month), newest first, a page at a time, without
  // their error rows; an office sees the files of its offices and those it sent.
  struct SubmissionFilter {
    std::optional<YearMonth> month;
    bool everyone = false;              // a 国保連 operator: every file
    std::vector<std::string> offices;   // otherwise: files whose control record names one of these
    std::string sender;                 // … or that this account sent
    std::int64_t offset = 0;
    std::int64_t limit = 50;
  };
  struct SubmissionPage {
    std::vector<reception::Submission> rows;
    std::int64_t total = 0;
  };
  SubmissionPage list_submissions(const SubmissionFilter& filter);

  // Who may read the files written beside this database (results, logs): the setting of
  // kokuhoren.toml ([files] group_readable).
  FileAccess file_access();

  Connection& connection() { return *conn_; }

 private:
  explicit Database(std::unique_ptr<Connection> conn);
  void append_state(std::int64_t id, reception::FileState state, const LocalDateTime& at, std::string_view note);
  // The pragmas of defer_sync, without its sync.
  void set_sync_mode(bool on);
  std::unique_ptr<Connection> conn_;
  bool sync_deferred_ = false;
};

}  // namespace kaigo::store
