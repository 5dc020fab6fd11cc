// An effective-dated table stored flat: every key of many is found with its own versions, oldest
// first; a key it does not hold finds nothing; for_each goes in key order; overlaps are reported.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "kaigo/master/versioned.hpp"

namespace kaigo::master {
namespace {

struct Version {
  int value = 0;
  Period period;
  std::uint64_t line = 0;
};

TEST(VersionedTable, ManyKeysEachFindTheirOwnVersionsOldestFirst) {
  VersionedTable<Version> table;
  constexpr int kKeys = 5000;
  std::uint64_t line = 0;
  // Added newest first, and the keys in reverse, so that finish() has to sort both.
  for (int k = kKeys - 1; k >= 0; --k) {
    table.add(fmt::format("{:06d}", k), {k * 10 + 1, {Date{2026, 4, 1}, std::nullopt}, ++line});
    table.add(fmt::format("{:06d}", k), {k * 10, {Date{2025, 4, 1}, Date{2026, 3, 31}}, ++line});
  }
  int overlaps = 0;
  table.finish([&](const std::string&, const Version&, const Version&) { ++overlaps; });
  EXPECT_EQ(overlaps, 0);
  EXPECT_EQ(table.key_count(), static_cast<std::size_t>(kKeys));
  EXPECT_EQ(table.version_count(), static_cast<std::size_t>(2 * kKeys));
  for (int k = 0; k < kKeys; ++k) {
    const auto v = table.versions(std::string_view(fmt::format("{:06d}", k)));
    ASSERT_EQ(v.size(), 2u) << k;
    EXPECT_EQ(v[0].value, k * 10);
    EXPECT_EQ(v[1].value, k * 10 + 1);
    EXPECT_EQ(table.at(fmt::format("{:06d}", k), Date{2026, 5, 1})->value, k * 10 + 1);
  }
  EXPECT_TRUE(table.versions(std::string_view("999999")).empty());
  EXPECT_TRUE(table.versions(std::string_view("")).empty());
  std::string last;
  int seen = 0;
  table.for_each([&](const std::string& key, const Version&) {
    EXPECT_LE(last, key);
    last = key;
    ++seen;
  });
  EXPECT_EQ(seen, 2 * kKeys);
}

TEST(VersionedTable, OverlappingVersionsAreReportedOnTheLaterLine) {
  VersionedTable<Version> table;
  table.add("A", {1, {Date{2026, 4, 1}, std::nullopt}, 7});
  table.add("A", {2, {Date{2025, 4, 1}, Date{2026, 4, 30}}, 3});
  std::vector<std::pair<std::uint64_t, std::uint64_t>> reported;
  table.finish([&](const std::string& key, const Version& earlier, const Version& later) {
    EXPECT_EQ(key, "A");
    reported.emplace_back(earlier.line, later.line);
  });
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0], (std::pair<std::uint64_t, std::uint64_t>{3, 7}));
  VersionedTable<Version> empty;
  empty.finish([](const std::string&, const Version&, const Version&) {});
  EXPECT_TRUE(empty.versions(std::string_view("A")).empty());
  EXPECT_TRUE(VersionedTable<Version>{}.versions(std::string_view("A")).empty());
}

}  // namespace
}  // namespace kaigo::master
