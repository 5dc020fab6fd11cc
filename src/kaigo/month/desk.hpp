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
  reception::CancelResult cancel(std::int64_t id, const LocalDateTime& at);

 private:
  std::unique_ptr<store::Database> db_;
  std::shared_ptr<const store::TablesInForce> world_;
  std::unique_ptr<reception::Reception> reception_;
};

// Group commit of files received together (the files of one `kaigo submit`, issue 19): each file is
// still its own atomic steps, but their commits wait for the disk together — one sync of the log
// every kFiles files or kWait after the group's first file, whichever comes first — and each
// file is acknowledged (`acknowledge`, in the order received) only after the sync that holds it.
// A kill -9 loses nothing acknowledged, nor anything committed; a power loss at most what was
// never acknowledged. Everything written on the desk's database in between shares the sync (the
// audit row of an upload).
class ReceiptGroup {
 public:
  static constexpr std::size_t kFiles = 64;
  static constexpr std::chrono::milliseconds kWait{200};

  ReceiptGroup(Desk& desk, std::function<void(const reception::Submission&)> acknowledge,
               std::size_t files = kFiles, std::chrono::milliseconds wait = kWait);
  // Without close(): what is pending is never acknowledged (it was never known to be durable).
  ~ReceiptGroup();
  ReceiptGroup(const ReceiptGroup&) = delete;
  ReceiptGroup& operator=(const ReceiptGroup&) = delete;

  // A file whose steps are all committed: acknowledged at the next sync.
  void received(reception::Submission s);
  // Syncs what is pending, acknowledges it and ends the group (the database syncs each commit again).
  void close();

 private:
  void sync_and_acknowledge();

  Desk& desk_;
  std::function<void(const reception::Submission&)> acknowledge_;
  std::size_t files_;
  std::chrono::milliseconds wait_;
  std::vector<reception::Submission> pending_;
  std::chrono::steady_clock::time_point first_{};
  bool open_ = true;
};

}  // namespace kaigo::month
