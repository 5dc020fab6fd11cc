// Reading stored files on every core (store/detail/stored_documents: parse_on_cores): the same
// documents, file by file and in their order, as reading them one after the other; a failure in one
// file is rethrown once every thread has stopped.
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/stored_documents.hpp"
#include "support/test_support.hpp"

namespace kaigo::store {
namespace {

const LocalDateTime kStoredAt = *LocalDateTime::parse("2026-05-02T10:00:00");

class StoredFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Database::create(dir_ / "k.db");
    const auto claims = testing::read_file(testing::fixture("exchange/7131.csv"));
    const auto plans = testing::read_file(testing::fixture("exchange/8222.csv"));
    for (int i = 0; i < 24; ++i) {  // more files than the threads wait for at once
      const auto& bytes = i % 3 == 2 ? plans : claims;
      files_.push_back(db_->record_arrival("F" + std::to_string(i) + ".CSV", bytes, "", kStoredAt, YearMonth{2026, 5},
                                           "", "", ""));
    }
  }

  // The document keys of each file, read one file after the other.
  std::vector<std::vector<exchange::DocumentKey>> read_one_by_one() {
    std::vector<std::vector<exchange::DocumentKey>> keys(files_.size());
    for (std::size_t f = 0; f < files_.size(); ++f) {
      read_stored(*db_, files_[f], [&](const exchange::Document& d) { keys[f].push_back(d.key); });
    }
    return keys;
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
  std::vector<std::int64_t> files_;
};

TEST_F(StoredFiles, OnEveryCoreEachFileGivesItsDocumentsInOrder) {
  const auto expected = read_one_by_one();
  ASSERT_EQ(expected[0].size(), 3u);  // the 請求書 and two 明細書 of 7131.csv
  ASSERT_FALSE(expected[2].empty());
  std::vector<std::vector<exchange::DocumentKey>> keys(files_.size());
  std::mutex mutex;
  parse_on_cores(*db_, files_, [&](std::size_t f, const exchange::Document& d) {
    std::lock_guard lock(mutex);
    keys[f].push_back(d.key);
  });
  EXPECT_EQ(keys, expected);
}

TEST_F(StoredFiles, AFailureInOneFileIsRethrownAfterEveryThreadStopped) {
  std::mutex mutex;
  std::set<std::size_t> files_after_failure;
  bool failed = false;
  try {
    parse_on_cores(*db_, files_, [&](std::size_t f, const exchange::Document&) {
      {
        std::lock_guard lock(mutex);
        if (failed) files_after_failure.insert(f);
        if (f == 5) {
          failed = true;
          throw std::runtime_error("file 5");
        }
      }
      // The other files are slow (2 ms a document), so that the failure is seen long before a
      // thread that kept going would get far.
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    });
    FAIL() << "no failure rethrown";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "file 5");
  }
  // The other thread finishes the file it had, and at most the one it took meanwhile; the 18
  // files after file 5 are not all read.
  EXPECT_LE(files_after_failure.size(), 2u);
  for (auto f : files_after_failure) EXPECT_NE(f, 5u);
}

TEST_F(StoredFiles, NoFilesIsNothingToDo) {
  int calls = 0;
  parse_on_cores(*db_, {}, [&](std::size_t, const exchange::Document&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace kaigo::store
