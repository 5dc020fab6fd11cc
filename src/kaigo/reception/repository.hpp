// reception/repository — what reception needs kept: every received file byte for byte with its
// hash, each state change with its time, the pre-check errors and the documents of the file.
// The store module implements it (store::Database); tests and a future server use the same one.
// Must not: hold rules — it keeps what reception decides.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/clock.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/reception/lifecycle.hpp"
#include "kaigo/reception/month_state.hpp"

namespace kaigo::reception {

// 受付ファイル — one received file as the sender sees it on the 送信結果 screen.
struct Submission {
  std::int64_t id = 0;  // 受付番号
  std::string file_name;
  LocalDateTime received_at;
  std::optional<YearMonth> processing_month;  // 処理年月; none when received outside every window
  FileState state = FileState::Arrived;
  std::string sha256;
  std::uint64_t size = 0;
  std::string data_type;         // データ種別 of the control record
  std::string office_no;         // 事業所番号 of the control record
  std::uint64_t statements = 0;  // 明細件数
  std::uint64_t records = 0;     // レコード件数
  std::vector<precheck::ErrorRow> errors;
  std::uint64_t error_count = 0;  // rows kept (errors may be left unread in a list)
  std::string sender;            // the account that sent it ('' from the command line)
};

struct StateChange {
  FileState state = FileState::Arrived;
  LocalDateTime at;
  std::string note;
};

// A document of an earlier file with the same key (a re-sent 明細書 or 給付管理票).
struct StoredDocument {
  std::int64_t submission_id = 0;
  std::string file_name;
  exchange::DocumentKey key;
};

// A file left 受付中 and the process that was receiving it.
struct InFlight {
  std::int64_t id = 0;
  std::string owner;
};

// One processing month as the store keeps it (a month never recorded is Open).
struct MonthRecord {
  YearMonth month;
  MonthState state = MonthState::Open;
  LocalDateTime since;  // when it entered the state
  std::string note;
};

// The one long job on a month (a review or a settlement) and the process running it. Only one runs
// at a time in a database; a job whose process has died can be taken over.
struct MonthJob {
  std::string kind;  // "review" / "results"
  YearMonth month;
  std::string owner;
  LocalDateTime started_at;
};

class Repository {
 public:
  virtual ~Repository() = default;

  // Runs `step` as one atomic step of the one writer: nothing another process commits comes between
  // its reads and its writes, and its writes are all kept or none. Steps may nest.
  virtual void atomically(const std::function<void()>& step) = 0;
  // The same for a step that acknowledges nothing to anyone: its commit need not reach the disk
  // before the next durable step (which makes both durable).
  virtual void atomically_unsynced(const std::function<void()>& step) = 0;
  // This process, as the owner of what it has in flight; and whether an owner's process still runs.
  virtual std::string owner() = 0;
  virtual bool alive(std::string_view owner) = 0;

  // Keeps the file as 連合会到達 → 受付中, owned by `owner` until its outcome, and returns its id;
  // `sender` is the account that sent it ('' from the command line), `key` its Idempotency-Key.
  virtual std::int64_t record_arrival(std::string_view file_name, std::string_view bytes, const std::string& sha256,
                                      const LocalDateTime& at, std::optional<YearMonth> processing_month,
                                      std::string_view owner, std::string_view sender = {},
                                      std::string_view key = {}) = 0;
  // The file `sender` sent with Idempotency-Key `key`, if any.
  virtual std::optional<std::int64_t> submission_with_key(std::string_view sender, std::string_view key) = 0;
  // Frees a file's key (a file never taken in must not answer its sender's retry).
  virtual void release_key(std::int64_t id) = 0;
  // Stores the pre-check result, the error rows and (when taken in) the documents, and moves the
  // file to `state` — all in one transaction.
  virtual void record_outcome(std::int64_t id, const precheck::FileResult& result,
                              std::span<const precheck::ErrorRow> errors, bool keep_documents, FileState state,
                              const LocalDateTime& at) = 0;
  // Moves a file to `state` with a note.
  virtual void record_state(std::int64_t id, FileState state, const LocalDateTime& at, std::string_view note) = 0;

  virtual std::optional<Submission> submission(std::int64_t id) = 0;
  virtual std::vector<StateChange> history(std::int64_t id) = 0;
  virtual std::string bytes(std::int64_t id) = 0;
  // Files of `month` in `state`, in the order received.
  virtual std::vector<std::int64_t> submissions_in(YearMonth month, FileState state) = 0;
  // Files left 受付中, with the process receiving them.
  virtual std::vector<InFlight> unfinished() = 0;
  virtual std::string in_flight_owner(std::int64_t id) = 0;
  // Documents with one of `keys` in files of `month` that go to the review, except file `except`.
  virtual std::vector<StoredDocument> documents_in_review(YearMonth month, std::span<const exchange::DocumentKey> keys,
                                                          std::int64_t except) = 0;

  // Processing months.
  virtual MonthRecord month(YearMonth month) = 0;
  virtual std::vector<MonthRecord> months() = 0;
  // The first month after `month` that has left Open, if any.
  virtual std::optional<MonthRecord> later_month_not_open(YearMonth month) = 0;
  // Months before `month` still Open.
  virtual std::vector<YearMonth> earlier_open_months(YearMonth month) = 0;
  virtual void move_month(YearMonth month, MonthState to, const LocalDateTime& at, std::string_view note) = 0;
  virtual std::optional<MonthJob> month_job() = 0;
  virtual void set_month_job(const std::optional<MonthJob>& job) = 0;
};

}  // namespace kaigo::reception
