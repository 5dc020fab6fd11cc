// month/desk — the reception desk of one database: the database opened, the masters and ledgers the
// pre-check needs, and the Reception over them. What `kaigo submit`, `kaigo cancel` and the
// server's upload and cancel routes call, so that the command line and the server take files in
// exactly the same way.
// Owns: wiring a database to reception. Must not: print, parse options or know HTTP.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/reception/reception.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::month {

// The pre-check's view of a database: its masters, and the office and insurer ledgers when loaded.
precheck::PrecheckContext precheck_context(store::Database& db, const store::TablesInForce& world);

class Desk {
 public:
  // Opens the database; `recipients`: the review needs the 受給者台帳, reception does not.
  explicit Desk(const std::filesystem::path& db_path, store::Recipients recipients = store::Recipients::Skip);
  // Over a database already open, with a world already loaded (the server shares one world
  // between its connections; `world` must outlive the desk).
  Desk(std::unique_ptr<store::Database> db, std::shared_ptr<const store::TablesInForce> world);

  store::Database& db() { return *db_; }
  const store::TablesInForce& world() const { return *world_; }
  const std::shared_ptr<const store::TablesInForce>& shared_world() const { return world_; }
  reception::Reception& reception() { return *reception_; }

  // Files another process left 受付中 when it died become 伝送エラー (KR03), once; their ids.
  std::vector<std::int64_t> recover(const LocalDateTime& at);

  // Receives one file: its name as sent (any bytes; kept escaped, core/strings escape_file_name),
  // from `sender` (an account; '' from the command line).
  reception::Submission submit(std::string_view file_name, std::string_view bytes, const LocalDateTime& at,
                               std::string_view sender = {}, std::string_view key = {});
  // The pre-check of one file of a receipt group (nothing stored), its name escaped as submit's.
  reception::CheckedFile check(std::string_view file_name, std::string bytes, const LocalDateTime& at,
                               std::string_view sender = {});
  reception::CancelResult cancel(std::int64_t id, const LocalDateTime& at);

 private:
  std::unique_ptr<store::Database> db_;
  std::shared_ptr<const store::TablesInForce> world_;
  std::unique_ptr<reception::Reception> reception_;
};

// Group commit of files received together (the files of one `kaigo submit`, issue 19): each file
// is pre-checked as it comes, holding no lock; the group is then stored in one transaction (each
// file its own savepoint: arrival and outcome, decided from the month as it stands then) and made
// durable with one sync of the log — when kFiles files or kBytes bytes are waiting, or kWait after
// the group's first file, whichever comes first — and each file is acknowledged (`acknowledge`,
// in the order received) only after that sync. A group is stored on a thread of its own while the
// next files are pre-checked (two cores: one checks, one writes); one group is stored at a time.
// The write lock is held only while a group is written, so other writers (a cancel, a review
// starting, the server) get it between groups. A kill -9 loses nothing acknowledged: a file is
// either stored whole with its group or not at all.
class ReceiptGroup {
 public:
  static constexpr std::size_t kFiles = 64;
  static constexpr std::size_t kBytes = std::size_t{32} << 20;
  static constexpr std::chrono::milliseconds kWait{200};

  using Each = std::function<void(const reception::Submission&)>;
  // `stored`: runs for each file inside the group's transaction, on the storing thread (what must
  // be written with it, such as its audit row); `acknowledge`: on the caller's thread, after the sync.
  ReceiptGroup(Desk& desk, Each stored, Each acknowledge, std::size_t files = kFiles,
               std::chrono::milliseconds wait = kWait);
  // Without close(): what is pending is neither stored nor acknowledged (a group being stored is
  // waited for, and not acknowledged).
  ~ReceiptGroup();
  ReceiptGroup(const ReceiptGroup&) = delete;
  ReceiptGroup& operator=(const ReceiptGroup&) = delete;

  // Receives one file (its name as sent, escaped as Desk::submit does) from `sender`. The desk's
  // database must not be used by the caller until close().
  void receive(std::string_view file_name, std::string bytes, const LocalDateTime& at, std::string_view sender = {});
  // Stores, syncs and acknowledges what is pending, and ends the group. After a group failed to
  // store, stores nothing more and throws that failure.
  void close();

 private:
  // Starts storing what is pending (after the group being stored is done and acknowledged).
  void hand_over();
  // Waits for the group being stored and acknowledges it; a failure is thrown here.
  void finish_storing();
  // While the last group is stored: what the log holds so far copied into the database on a
  // connection of this thread's own, which would otherwise wait idle.
  void checkpoint_while_storing();
  std::vector<reception::Submission> store_and_sync(const std::vector<reception::CheckedFile>& group);

  Desk& desk_;
  Each stored_;
  Each acknowledge_;
  std::size_t files_;
  std::chrono::milliseconds wait_;
  std::vector<reception::CheckedFile> pending_;
  std::size_t pending_bytes_ = 0;
  std::chrono::steady_clock::time_point first_{};
  std::future<std::vector<reception::Submission>> storing_;
  bool failed_ = false;
  bool open_ = true;
};

}  // namespace kaigo::month
