#include "kaigo/store/sync_group.hpp"

#include <algorithm>

namespace kaigo::store {

void SyncGroup::sync(const std::function<void()>& sync_log) {
  std::unique_lock lock(mutex_);
  const auto ticket = ++requested_;
  while (covered_ < ticket) {
    if (running_) {
      done_cv_.wait(lock);
      continue;
    }
    running_ = true;
    const auto upto = requested_;  // everyone who asked so far committed before asking
    lock.unlock();
    try {
      sync_log();
    } catch (...) {
      lock.lock();
      running_ = false;
      done_cv_.notify_all();
      throw;
    }
    lock.lock();
    running_ = false;
    covered_ = std::max(covered_, upto);
    ++runs_;
    done_cv_.notify_all();
  }
}

std::uint64_t SyncGroup::syncs_run() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

std::uint64_t SyncGroup::callers() const {
  std::lock_guard lock(mutex_);
  return requested_;
}

}  // namespace kaigo::store
