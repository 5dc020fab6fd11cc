// Group commit across threads: callers who arrive while a sync runs share the next one, and a
// caller is released only by a sync that started after it asked.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "kaigo/store/sync_group.hpp"

namespace kaigo::store {
namespace {

// A sync that holds until released, so that the test knows who arrives while it runs.
struct HeldSync {
  std::mutex m;
  std::condition_variable cv;
  bool entered = false;
  bool released = false;
  void run() {
    std::unique_lock lock(m);
    entered = true;
    cv.notify_all();
    cv.wait(lock, [&] { return released; });
  }
  void wait_entered() {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return entered; });
  }
  void release() {
    std::lock_guard lock(m);
    released = true;
    cv.notify_all();
  }
};

void wait_for_callers(const SyncGroup& g, std::uint64_t n) {
  while (g.callers() < n) std::this_thread::yield();
}

TEST(SyncGroup, ACallerAloneRunsItsOwnSyncEachTime) {
  SyncGroup g;
  int runs = 0;
  for (int i = 0; i < 3; ++i) g.sync([&] { ++runs; });
  EXPECT_EQ(runs, 3);
  EXPECT_EQ(g.syncs_run(), 3u);
}

TEST(SyncGroup, CallersArrivingDuringASyncShareTheNextOne) {
  SyncGroup g;
  HeldSync first;
  std::thread leader([&] { g.sync([&] { first.run(); }); });
  first.wait_entered();
  // Three uploads commit and ask while the first sync runs: it may not cover them.
  std::atomic<int> later_runs{0};
  std::vector<std::thread> others;
  for (int i = 0; i < 3; ++i) others.emplace_back([&] { g.sync([&] { ++later_runs; }); });
  wait_for_callers(g, 4);
  EXPECT_EQ(later_runs.load(), 0);  // none runs its own while the first runs
  first.release();
  leader.join();
  for (auto& t : others) t.join();
  EXPECT_EQ(later_runs.load(), 1);  // one sync for the three of them
  EXPECT_EQ(g.syncs_run(), 2u);
}

TEST(SyncGroup, AFailedSyncIsThrownToItsRunnerAndTheOthersSyncAgain) {
  SyncGroup g;
  HeldSync first;
  std::string failure;
  std::thread leader([&] {
    try {
      g.sync([&] {
        first.run();
        throw std::runtime_error("disk full");
      });
    } catch (const std::runtime_error& e) {
      failure = e.what();
    }
  });
  first.wait_entered();
  std::atomic<int> later_runs{0};
  std::thread other([&] { g.sync([&] { ++later_runs; }); });
  wait_for_callers(g, 2);
  first.release();
  leader.join();
  other.join();
  EXPECT_EQ(failure, "disk full");
  EXPECT_EQ(later_runs.load(), 1);
  EXPECT_EQ(g.syncs_run(), 1u);  // only the one that succeeded counts
}

}  // namespace
}  // namespace kaigo::store
