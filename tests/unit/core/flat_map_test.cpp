// core/flat_map: inserting, overwriting, finding and erasing agree with std::unordered_map, also
// where every key collides, runs wrap past the table's end, and erasing moves entries back.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <unordered_map>

#include "kaigo/core/flat_map.hpp"

namespace kaigo {
namespace {

// Every third key hashes to the last slot and its run wraps to the first; the others spread.
struct WrappingHash {
  std::size_t operator()(std::uint32_t k) const {
    if (k % 3 == 0) return std::numeric_limits<std::size_t>::max() - k % 7;
    return static_cast<std::size_t>(k) * 0x9E3779B97F4A7C15ULL;
  }
};
// Four homes for every key: long runs, and each erase has entries behind it to move.
struct FourHomesHash {
  std::size_t operator()(std::uint32_t k) const { return (static_cast<std::size_t>(k % 4) << 62) | k; }
};

template <class Map>
void expect_same(const Map& flat, const std::unordered_map<std::uint32_t, std::string>& model, std::uint32_t universe) {
  ASSERT_EQ(flat.size(), model.size());
  for (std::uint32_t k = 0; k < universe; ++k) {
    const auto* found = flat.find(k);
    const auto it = model.find(k);
    if (it == model.end()) {
      EXPECT_EQ(found, nullptr) << "key " << k;
    } else {
      ASSERT_NE(found, nullptr) << "key " << k;
      EXPECT_EQ(*found, it->second) << "key " << k;
    }
  }
}

template <class Hash>
void random_operations_agree(std::uint32_t seed) {
  constexpr std::uint32_t kUniverse = 600;
  FlatMap<std::uint32_t, std::string, Hash> flat;
  std::unordered_map<std::uint32_t, std::string> model;
  std::mt19937 rng(seed);
  for (int step = 0; step < 20000; ++step) {
    const auto k = static_cast<std::uint32_t>(rng() % kUniverse);
    if (rng() % 3 == 0) {
      EXPECT_EQ(flat.erase(k), model.erase(k) == 1) << "erase " << k << " at step " << step;
    } else {
      const auto value = std::to_string(step);
      flat[k] = value;
      model[k] = value;
    }
    if (step % 997 == 0) expect_same(flat, model, kUniverse);
  }
  expect_same(flat, model, kUniverse);
}

TEST(FlatMap, RandomOperationsAgreeWithUnorderedMap) {
  random_operations_agree<std::hash<std::uint32_t>>(1);
  random_operations_agree<WrappingHash>(2);
  random_operations_agree<FourHomesHash>(3);
}

TEST(FlatMap, ErasingInAWrappedRunKeepsEveryOtherKeyFindable) {
  FlatMap<std::uint32_t, std::string, WrappingHash> flat;
  for (std::uint32_t k = 0; k < 30; k += 3) flat[k] = "v" + std::to_string(k);  // all in one run at the end
  ASSERT_EQ(flat.size(), 10U);
  EXPECT_TRUE(flat.erase(9));
  EXPECT_FALSE(flat.erase(9));
  EXPECT_FALSE(flat.contains(9));
  for (std::uint32_t k = 0; k < 30; k += 3) {
    if (k == 9) continue;
    ASSERT_NE(flat.find(k), nullptr) << k;
    EXPECT_EQ(*flat.find(k), "v" + std::to_string(k));
  }
  EXPECT_EQ(flat.size(), 9U);
}

TEST(FlatMap, OverwritingKeepsOneEntryAndReservingKeepsThemAll) {
  FlatMap<std::string, int> flat;
  EXPECT_EQ(flat.find("a"), nullptr);
  EXPECT_FALSE(flat.erase("a"));
  flat["a"] = 1;
  flat["a"] = 2;
  flat["b"] = 3;
  EXPECT_EQ(flat.size(), 2U);
  flat.reserve(10000);
  EXPECT_EQ(flat.size(), 2U);
  ASSERT_NE(flat.find("a"), nullptr);
  EXPECT_EQ(*flat.find("a"), 2);
  EXPECT_EQ(*flat.find("b"), 3);
  EXPECT_EQ(flat.find("c"), nullptr);
}

}  // namespace
}  // namespace kaigo
