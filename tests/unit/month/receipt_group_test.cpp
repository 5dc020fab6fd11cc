// Group commit of the files of one `kaigo submit` (issue 19): a file is acknowledged only after the
// sync that holds its commit, a group closes after its count of files or its wait, and the
// database syncs each commit again once the group ends.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "kaigo/core/strings.hpp"
#include "kaigo/month/desk.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/reception_world.hpp"

namespace kaigo::testing {
namespace {

using namespace std::chrono_literals;

// PRAGMA synchronous of the desk's connection: 1 NORMAL (commits wait for no disk), 2 FULL.
std::int64_t synchronous(month::Desk& desk) {
  auto st = desk.db().connection().prepare("PRAGMA synchronous");
  return st.step() ? st.integer(0) : -1;
}

// The desk's answer to one file of the world's month, sent on 2026-05-05 at 10:00.
reception::Submission submit_at_the_desk(month::Desk& desk, const std::filesystem::path& file) {
  return desk.submit(file.filename().string(), read_file(file), jst("2026-05-05T10:00:00"));
}

TEST(ReceiptGroup, AcknowledgesEachFileAfterTheSyncThatHoldsIt) {
  ReceptionWorld w;
  const auto& files = w.files();
  ASSERT_GE(files.size(), 5u);
  month::Desk desk(w.db_path());
  std::vector<std::int64_t> acknowledged;
  {
    month::ReceiptGroup group(desk, [&](const reception::Submission& s) { acknowledged.push_back(s.id); }, 3, 1h);
    EXPECT_EQ(synchronous(desk), 1);
    std::vector<std::int64_t> received;
    for (std::size_t i = 0; i < 5; ++i) {
      auto s = submit_at_the_desk(desk, files[i]);
      // Committed (another connection reads it) before it is acknowledged.
      EXPECT_EQ(store::Database::open(w.db_path())->submission(s.id)->state, s.state);
      received.push_back(s.id);
      group.received(std::move(s));
      // Files 1–2 wait; the 3rd closes the first group; 4–5 wait for close().
      EXPECT_EQ(acknowledged.size(), i < 2 ? 0u : 3u) << "after file " << i + 1;
    }
    group.close();
    EXPECT_EQ(acknowledged, received);  // every file, once, in the order received
    EXPECT_EQ(synchronous(desk), 2);
  }
  EXPECT_EQ(synchronous(desk), 2);
}

TEST(ReceiptGroup, AGroupClosesAfterItsWait) {
  ReceptionWorld w;
  month::Desk desk(w.db_path());
  std::size_t acknowledged = 0;
  month::ReceiptGroup group(desk, [&](const reception::Submission&) { ++acknowledged; }, 1000, 0ms);
  group.received(submit_at_the_desk(desk, w.files().front()));
  EXPECT_EQ(acknowledged, 1u);  // the wait is over at once: synced and acknowledged
  group.close();
  EXPECT_EQ(acknowledged, 1u);
}

// Left without close() (an exception on the way), nothing pending is acknowledged and the
// database syncs each commit again.
TEST(ReceiptGroup, WithoutCloseNothingPendingIsAcknowledged) {
  ReceptionWorld w;
  month::Desk desk(w.db_path());
  std::size_t acknowledged = 0;
  {
    month::ReceiptGroup group(desk, [&](const reception::Submission&) { ++acknowledged; }, 1000, 1h);
    group.received(submit_at_the_desk(desk, w.files().front()));
  }
  EXPECT_EQ(acknowledged, 0u);
  EXPECT_EQ(synchronous(desk), 2);
}

}  // namespace
}  // namespace kaigo::testing
