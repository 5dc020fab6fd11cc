// store/read_ahead: items fetched on a thread of their own are used on the caller's, in order, a
// bounded number ahead; a failure on either side stops both and reaches the caller.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kaigo/store/detail/read_ahead.hpp"

namespace kaigo::store {
namespace {

TEST(ReadAhead, EachItemIsUsedOnceInOrderOnTheCallersThread) {
  const auto caller = std::this_thread::get_id();
  std::vector<std::thread::id> fetched_on;
  std::vector<std::string> used;
  read_ahead(
      50, 2,
      [&](std::size_t i) {
        fetched_on.push_back(std::this_thread::get_id());
        return "file " + std::to_string(i);
      },
      [&](std::string&& s) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        used.push_back(std::move(s));
      });
  ASSERT_EQ(used.size(), 50u);
  for (std::size_t i = 0; i < used.size(); ++i) EXPECT_EQ(used[i], "file " + std::to_string(i));
  for (const auto& id : fetched_on) EXPECT_NE(id, caller);
}

TEST(ReadAhead, FetchesNoMoreThanDepthAheadOfUse) {
  std::atomic<std::size_t> fetched{0};
  std::size_t used = 0;
  read_ahead(
      40, 3, [&](std::size_t) { return fetched.fetch_add(1); },
      [&](std::size_t&&) {
        ++used;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        // Fetched: the ones used, at most `depth` waiting, and one being fetched.
        EXPECT_LE(fetched.load(), used + 3 + 1);
      });
  EXPECT_EQ(used, 40u);
}

TEST(ReadAhead, AFailedFetchIsThrownAfterTheItemsBeforeItAreUsed) {
  std::vector<std::size_t> used;
  EXPECT_THROW(read_ahead(
                   10, 2,
                   [&](std::size_t i) {
                     if (i == 4) throw std::runtime_error("ファイル 4 を読めません / cannot read file 4");
                     return i;
                   },
                   [&](std::size_t&& i) { used.push_back(i); }),
               std::runtime_error);
  EXPECT_EQ(used, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(ReadAhead, AFailedUseStopsTheFetchingAndIsThrown) {
  std::atomic<std::size_t> fetched{0};
  EXPECT_THROW(read_ahead(
                   1000, 2, [&](std::size_t) { return fetched.fetch_add(1); },
                   [&](std::size_t&& i) {
                     if (i == 2) throw std::logic_error("判定できません / cannot decide");
                   }),
               std::logic_error);
  // Items 0–2 taken, at most two waiting and one under way: nothing fetched after the stop.
  EXPECT_LE(fetched.load(), 3u + 2u + 1u);
  EXPECT_LT(fetched.load(), 1000u);
}

TEST(ReadAhead, NoItemsNoCalls) {
  bool called = false;
  read_ahead(
      0, 2, [&](std::size_t) { called = true; return 0; }, [&](int&&) { called = true; });
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace kaigo::store
