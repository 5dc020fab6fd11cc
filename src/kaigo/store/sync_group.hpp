// store/sync_group — group commit across threads (issue 19): callers that have each committed
// without waiting for the disk share one fdatasync of the write-ahead log. One sync covers every
// commit made before it started, whoever made it, so a caller that arrives while a sync runs waits
// for the next one, and every caller waiting then is released by that one sync.
// Owns: who syncs and who waits. Must not: commit anything (the callers have).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

namespace kaigo::store {

class SyncGroup {
 public:
  // Returns once a sync that started after this call has finished: `sync_log` (this caller's way
  // to sync the log, e.g. its Database::make_durable) runs here when no other sync is running,
  // else the caller waits for the next. A failed sync is thrown to the caller that ran it; the
  // ones waiting try again.
  void sync(const std::function<void()>& sync_log);
  std::uint64_t syncs_run() const;
  std::uint64_t callers() const;  // sync() calls so far (finished or waiting)

 private:
  mutable std::mutex mutex_;
  std::condition_variable done_cv_;
  std::uint64_t requested_ = 0;  // tickets given
  std::uint64_t covered_ = 0;    // every ticket up to this one is durable
  bool running_ = false;
  std::uint64_t runs_ = 0;
};

}  // namespace kaigo::store
