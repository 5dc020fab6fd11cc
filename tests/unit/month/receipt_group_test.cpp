// Group commit of the files of one `kaigo submit` (issue 19): each file is pre-checked as it comes
// with no lock held; a group is stored in one transaction when it is full or its wait is over, a
// file is acknowledged only after the sync that holds it, what is decided at storing time (the
// month's state, a document already in) is decided against the month as it stands then, and the
// database syncs each commit again once the group ends.
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
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

// Files another connection sees stored.
std::int64_t stored_files(const std::filesystem::path& db) {
  auto st = store::Database::open(db)->connection().prepare("SELECT count(*) FROM submissions");
  return st.step() ? st.integer(0) : -1;
}

const LocalDateTime kAt = jst("2026-05-05T10:00:00");

// One file of the world's month into the group, sent on 2026-05-05 at 10:00.
void receive(month::ReceiptGroup& group, const std::filesystem::path& file) {
  group.receive(file.filename().string(), read_file(file), kAt);
}

// Nothing of a group stored or acknowledged, and the desk syncing each commit again.
void expect_nothing_kept(const ReceptionWorld& w, month::Desk& desk, std::size_t acknowledged) {
  EXPECT_EQ(acknowledged, 0u);
  EXPECT_EQ(stored_files(w.db_path()), 0);
  EXPECT_EQ(synchronous(desk), 2);
}

month::ReceiptGroup::Each nothing() {
  return [](const reception::Submission&) {};
}

// A month's world with one desk and one group over it (a group of up to 1,000 files, waiting an
// hour): what the group acknowledged, in order.
struct OneGroup {
  ReceptionWorld world;
  month::Desk desk{world.db_path()};
  std::vector<reception::Submission> acknowledged;
  month::ReceiptGroup group{desk, nothing(), [this](const reception::Submission& s) { acknowledged.push_back(s); },
                            1000, std::chrono::hours(1)};
};

TEST(ReceiptGroup, StoresAGroupAtOnceAndAcknowledgesItAfterItsSync) {
  ReceptionWorld w;
  const auto& files = w.files();
  ASSERT_GE(files.size(), 7u);
  month::Desk desk(w.db_path());
  std::vector<std::int64_t> stored;
  std::vector<std::int64_t> acknowledged;
  {
    month::ReceiptGroup group(
        desk, [&](const reception::Submission& s) { stored.push_back(s.id); },
        [&](const reception::Submission& s) {
          // Committed (another connection reads it) before it is acknowledged.
          EXPECT_EQ(store::Database::open(w.db_path())->submission(s.id)->state, s.state);
          acknowledged.push_back(s.id);
        },
        3, 1h);
    EXPECT_EQ(synchronous(desk), 1);
    for (std::size_t i = 0; i < 7; ++i) {
      receive(group, files[i]);
      // Files 1–2 wait, unstored. The 3rd hands the first group to the storing thread, the 6th the
      // second, after acknowledging the first; 7 waits for close().
      if (i < 2) {
        EXPECT_TRUE(acknowledged.empty()) << "after file " << i + 1;
        EXPECT_EQ(stored_files(w.db_path()), 0) << "after file " << i + 1;
      }
      if (i == 5) {
        EXPECT_EQ(acknowledged, (std::vector<std::int64_t>{1, 2, 3}));
      }
    }
    const auto before_close = std::filesystem::file_size(w.db_path());
    group.close();
    // While the last group was stored, the groups before it were copied from the log into the
    // database file (checkpoint_while_storing), not left for the last connection to close.
    EXPECT_GT(std::filesystem::file_size(w.db_path()), before_close);
    EXPECT_EQ(stored_files(w.db_path()), 7);
    EXPECT_EQ(acknowledged, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7}));  // every file, once, in order
    EXPECT_EQ(stored, acknowledged);
    EXPECT_EQ(synchronous(desk), 2);
  }
  EXPECT_EQ(synchronous(desk), 2);
}

TEST(ReceiptGroup, AGroupClosesAfterItsWait) {
  ReceptionWorld w;
  month::Desk desk(w.db_path());
  std::size_t acknowledged = 0;
  month::ReceiptGroup group(desk, nothing(), [&](const reception::Submission&) { ++acknowledged; }, 1000, 0ms);
  receive(group, w.files()[0]);
  // The wait is over at once: the first file is a group of its own, stored while the second is
  // pre-checked, and acknowledged when the second is handed over.
  receive(group, w.files()[1]);
  EXPECT_EQ(acknowledged, 1u);
  group.close();
  EXPECT_EQ(acknowledged, 2u);
}

// A group that fails while it is stored (here its second file's audit row) is rolled back whole:
// none of its files is stored or acknowledged, the next hand-over reports the failure, and nothing
// received after it is stored.
TEST(ReceiptGroup, AGroupThatFailsIsNeitherStoredNorAcknowledgedNorFollowed) {
  ReceptionWorld w;
  month::Desk desk(w.db_path());
  std::size_t stored = 0;
  std::size_t acknowledged = 0;
  {
    month::ReceiptGroup group(
        desk,
        [&](const reception::Submission&) {
          if (++stored == 2) throw std::runtime_error("監査行を書けません / cannot write the audit row");
        },
        [&](const reception::Submission&) { ++acknowledged; }, 3, 1h);
    const auto file = [&](std::size_t i) { return w.files()[i % w.files().size()]; };
    for (std::size_t i = 0; i < 5; ++i) receive(group, file(i));  // files 1–3 the failing group
    EXPECT_THROW(receive(group, file(5)), std::runtime_error);     // the next hand-over meets it
    for (std::size_t i = 6; i < 10; ++i) receive(group, file(i));  // a caller that goes on
    EXPECT_NO_THROW(group.close());
  }
  EXPECT_EQ(stored, 2u);
  expect_nothing_kept(w, desk, acknowledged);
}

// Left without close() (an exception on the way), nothing pending is stored or acknowledged and
// the database syncs each commit again.
TEST(ReceiptGroup, WithoutCloseNothingPendingIsStoredOrAcknowledged) {
  ReceptionWorld w;
  month::Desk desk(w.db_path());
  std::size_t acknowledged = 0;
  {
    month::ReceiptGroup group(desk, nothing(), [&](const reception::Submission&) { ++acknowledged; }, 1000, 1h);
    receive(group, w.files().front());
  }
  expect_nothing_kept(w, desk, acknowledged);
}

// While a group gathers its files no lock is held: another writer (here a second desk receiving a
// file) does not wait for the group.
TEST(ReceiptGroup, HoldsNoLockWhileItGathersFiles) {
  ReceptionWorld w;
  month::Desk desk(w.db_path());
  month::ReceiptGroup group(desk, nothing(), nothing(), 1000, 1h);
  receive(group, w.files()[0]);
  month::Desk other(w.db_path());
  const auto start = std::chrono::steady_clock::now();
  auto s = other.submit(w.files()[1].filename().string(), read_file(w.files()[1]), kAt);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(s.state, reception::FileState::Accepted);
  group.close();
  EXPECT_EQ(stored_files(w.db_path()), 2);
}

// The month is decided when the group is stored: closed by the operator after the file was
// pre-checked, the file is refused (KR02), as if it had arrived after the close.
TEST(ReceiptGroup, AMonthClosedBeforeTheGroupIsStoredRefusesItsFiles) {
  OneGroup g;
  receive(g.group, g.world.files()[0]);
  month::Desk operator_desk(g.world.db_path());
  ASSERT_TRUE(operator_desk.reception().close_month(YearMonth{2026, 5}, kAt).done);
  g.group.close();
  ASSERT_EQ(g.acknowledged.size(), 1u);
  EXPECT_EQ(g.acknowledged[0].state, reception::FileState::TransmissionError);
  ASSERT_EQ(g.acknowledged[0].errors.size(), 1u);
  EXPECT_EQ(g.acknowledged[0].errors[0].code, "KR02");
}

// Two copies of one file in one group: the second finds the first's documents, stored a moment
// before in the same transaction (ANN2), as if they had come in separate calls.
TEST(ReceiptGroup, ASecondCopyInTheSameGroupIsADuplicate) {
  OneGroup g;
  receive(g.group, g.world.claim_file());
  receive(g.group, g.world.claim_file());
  g.group.close();
  ASSERT_EQ(g.acknowledged.size(), 2u);
  EXPECT_EQ(g.acknowledged[0].state, reception::FileState::Accepted);
  EXPECT_EQ(g.acknowledged[1].state, reception::FileState::FormatErrors);
  ASSERT_FALSE(g.acknowledged[1].errors.empty());
  for (const auto& e : g.acknowledged[1].errors) EXPECT_EQ(e.code, "ANN2") << e.message_en;
}

// A name as sent (a newline, a slash, a byte that is not UTF-8) is kept escaped, the same as a
// file the desk receives alone (Desk::submit): one file, one name, whichever way it came.
TEST(ReceiptGroup, KeepsAFileNameEscapedAsTheDeskDoes) {
  OneGroup g;
  g.group.receive(std::string("KK\n/\xFF.CSV"), read_file(g.world.claim_file()), kAt);
  g.group.close();
  ASSERT_EQ(g.acknowledged.size(), 1u);
  EXPECT_EQ(g.acknowledged[0].file_name, "KK\\x0A\\x2F\\xFF.CSV");
  EXPECT_EQ(g.acknowledged[0].file_name, escape_file_name(std::string("KK\n/\xFF.CSV")));
  auto alone = g.desk.submit(std::string("KK\n/\xFF.CSV"), read_file(g.world.plan_file()), kAt);
  EXPECT_EQ(alone.file_name, g.acknowledged[0].file_name);
}

}  // namespace
}  // namespace kaigo::testing
