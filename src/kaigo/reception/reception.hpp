// reception/reception — 電子請求受付: takes a file in, gives it its 処理年月 by the window, keeps it,
// pre-checks it, flags documents already received and not cancelled (the future ANN2 / ANN0),
// and moves it through the states of seed 002 §3(1); cancels (取消) until the cut-off; moves the
// processing month through its states (month_state.hpp): closes it, marks its files 送信完了 when
// its review starts, and lets one review or settlement run on it at a time.
// Every decision that depends on what another process may be doing at the same time (is the month
// open? is this document already in? is the file still cancellable?) is taken inside the atomic
// step that writes its outcome, so overlapping commands can never interleave into a wrong month.
// Owns: those decisions. Must not: review claims or know how files are stored.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/settings.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/reception/repository.hpp"

namespace kaigo::reception {

// Project codes of reception (docs/diagnostics.md).
namespace code {
inline constexpr std::string_view kOutsideWindow = "KR01";  // 受付期間外
inline constexpr std::string_view kMonthClosed = "KR02";    // 処理年月が締め切られている
inline constexpr std::string_view kInterrupted = "KR03";    // 受信処理が中断された
}  // namespace code

struct CancelResult {
  bool cancelled = false;
  std::string message_ja;  // why not, when refused
  std::string message_en;
};

// The answer to a step of the month (close, start of a review or a settlement).
struct MonthStep {
  bool done = false;
  std::string message_ja;  // why not, when refused; what happened, when done
  std::string message_en;
  std::size_t files_sent = 0;  // start of a review: files moved to 送信完了
  bool restarted = false;      // a review or settlement that had stopped half-way is started again
};

// A file pre-checked before it is stored: what `kaigo submit` holds while it gathers a group of
// files to store in one transaction (month::ReceiptGroup, issue 19).
struct CheckedFile {
  std::string file_name;
  std::string bytes;
  LocalDateTime at;
  std::string sender;
  std::optional<YearMonth> month;  // none: outside the window (never pre-checked)
  precheck::FileResult result;
};

class Reception {
 public:
  Reception(Repository& repo, ReceptionSettings settings, precheck::PrecheckContext context)
      : repo_(repo), settings_(settings), context_(context) {}

  // Receives one file at `at` from `sender` (an account; '' from the command line). The bytes are
  // kept before anything else is done with them. With an idempotency `key`, a file the sender
  // already sent with that key is answered as it stands (受付中 while another request receives it)
  // and nothing is stored again: a retry after a lost answer never makes a duplicate.
  Submission submit(std::string_view file_name, std::string_view bytes, const LocalDateTime& at,
                    std::string_view sender = {}, std::string_view key = {});

  // The same in two halves, for files received together: check() pre-checks a file and writes
  // nothing (it runs outside any transaction); store() takes it in — arrival and outcome in one
  // atomic step, a savepoint of the caller's transaction when there is one — deciding from the
  // month as it stands then, exactly as submit() does.
  CheckedFile check(std::string file_name, std::string bytes, const LocalDateTime& at, std::string_view sender = {});
  Submission store(const CheckedFile& file);

  // 取消 of a file: allowed for 受付完了 and 様式エラー有 until the cut-off, while its month is open.
  CancelResult cancel(std::int64_t id, const LocalDateTime& at);

  // Files left 受付中 by a process that no longer runs were never acknowledged: each becomes
  // 伝送エラー (KR03, "send it again") exactly once, so that the sender's retry is taken in as new.
  // Files another running process is receiving are left to it. Returns the ids recovered.
  std::vector<std::int64_t> recover_interrupted(const LocalDateTime& at);

  // The operator closes `month` before (or after) its deadline: no file is taken in after this.
  MonthStep close_month(YearMonth month, const LocalDateTime& at);

  // Starts the review of `month` at `at`: the month must be closed (its window over at `at`, or
  // closed by the operator); a month already reviewed only with `again`; never while another review
  // or settlement runs, nor when a later month has been reviewed. In one step: the month (and any
  // earlier month still open) closes, its 受付完了 / 様式エラー有 files become 送信完了, and it is 審査中.
  MonthStep start_review(YearMonth month, const LocalDateTime& at, bool again);
  // 審査中 → 審査済 (inside the step that stores the last decisions, when given one).
  void finish_review(YearMonth month, const LocalDateTime& at);

  // Starts the settlement (kaigo results) of a reviewed month; one job at a time.
  MonthStep start_settlement(YearMonth month, const LocalDateTime& at);
  // → 支払済.
  void finish_settlement(YearMonth month, const LocalDateTime& at);

  // Gives up the month's job after a failure (the month keeps its state; the job can run again).
  void abandon_job();

 private:
  precheck::FileResult precheck(std::string_view file_name, std::string_view bytes, YearMonth month) const;
  void finish(std::int64_t id, std::string_view file_name, const precheck::FileResult& result, YearMonth month,
              const LocalDateTime& at);
  // The outcomes, inside the atomic step that records them.
  void refuse_closed(std::int64_t id, std::string_view file_name, YearMonth month,
                     std::pair<std::string, std::string> closed, const LocalDateTime& at);
  void refuse_outside_window(std::int64_t id, std::string_view file_name, const LocalDateTime& at);
  void record_checked(std::int64_t id, const precheck::FileResult& result, YearMonth month, const LocalDateTime& at);
  // Whether files of `month` may be taken in or cancelled now; the reason when not.
  std::optional<std::pair<std::string, std::string>> closed_reason(YearMonth month);
  std::optional<MonthStep> take_job(std::string_view kind, YearMonth month, const LocalDateTime& at);

  Repository& repo_;
  ReceptionSettings settings_;
  precheck::PrecheckContext context_;
};

}  // namespace kaigo::reception
