// core/flat_map — a hash map whose slots hold the keys and values themselves (open addressing,
// linear probing). A lookup reads one slot and its neighbours, where std::unordered_map reads a
// bucket and then a node elsewhere in memory: for the review's lookups of every 明細書 (the
// 給付管理票 of its person-month, the copies already registered), those misses were most of the
// time (docs/performance.md, sixteenth session). The table is sized to the entries (a hash is mapped
// onto it by multiplying, not masked to a power of two), so that millions of keys take no more room
// than in std::unordered_map.
// Owns: storing, finding, inserting and erasing entries. Must not: know what its keys mean.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "kaigo/core/prefetch.hpp"

namespace kaigo {

// The value of a FlatMap used as a set.
struct NoValue {};

// K and V must be default-constructible and movable; Hash gives a std::size_t.
template <class K, class V, class Hash = std::hash<K>>
class FlatMap {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Room for n entries without growing.
  void reserve(std::size_t n) {
    if (slots_for(n) > slots_.size()) rehash(slots_for(n));
  }

  const V* find(const K& key) const {
    if (size_ == 0) return nullptr;
    const auto h = Hash{}(key);
    const auto t = tag(h);
    for (std::size_t i = home(h);; i = next(i)) {
      const Slot& s = slots_[i];
      if (s.tag == 0) return nullptr;
      if (s.tag == t && s.key == key) return &s.value;
    }
  }
  bool contains(const K& key) const { return find(key) != nullptr; }
  // Asks the memory for the slot find(key) reads first, ahead of the lookup.
  void prefetch(const K& key) const {
    if (!slots_.empty()) kaigo::prefetch(&slots_[home(Hash{}(key))]);
  }

  // The value of `key`, inserted default-constructed when absent.
  V& operator[](const K& key) {
    if (slots_for(size_ + 1) > slots_.size()) rehash(std::max(slots_for(size_ + 1), 2 * slots_.size()));
    const auto h = Hash{}(key);
    const auto t = tag(h);
    std::size_t i = home(h);
    for (;; i = next(i)) {
      Slot& s = slots_[i];
      if (s.tag == 0) break;
      if (s.tag == t && s.key == key) return s.value;
    }
    slots_[i].tag = t;
    slots_[i].key = key;
    ++size_;
    return slots_[i].value;
  }

  // Removes `key`; false when it was absent. The entries after it in its run move back, so that no
  // marker of a removed entry is left to lengthen later searches.
  bool erase(const K& key) {
    if (size_ == 0) return false;
    const auto h = Hash{}(key);
    const auto t = tag(h);
    std::size_t hole = home(h);
    for (;; hole = next(hole)) {
      const Slot& s = slots_[hole];
      if (s.tag == 0) return false;
      if (s.tag == t && s.key == key) break;
    }
    for (std::size_t j = next(hole); slots_[j].tag != 0; j = next(j)) {
      const std::size_t at = home(Hash{}(slots_[j].key));
      // slots_[j] may fill the hole when its home is not in (hole, j], cyclically.
      const bool stays = hole <= j ? (hole < at && at <= j) : (hole < at || at <= j);
      if (stays) continue;
      slots_[hole] = std::move(slots_[j]);
      hole = j;
    }
    slots_[hole] = Slot{};
    --size_;
    return true;
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;  // the hash's low bits, never 0; 0 marks an empty slot
    K key{};
    [[no_unique_address]] V value{};  // a set's NoValue takes no room
  };

  // The slot is chosen by the hash's high bits, the tag is its low ones.
  static std::uint32_t tag(std::size_t h) { return static_cast<std::uint32_t>(h) | 1U; }
  std::size_t home(std::size_t h) const {
    __extension__ using Wide = unsigned __int128;
    return static_cast<std::size_t>((static_cast<Wide>(h) * slots_.size()) >> 64);
  }
  std::size_t next(std::size_t i) const { return i + 1 == slots_.size() ? 0 : i + 1; }
  // The slots n entries need: at most two thirds full. Growing past them doubles the table.
  static std::size_t slots_for(std::size_t n) { return std::max<std::size_t>(16, n + n / 2); }

  void rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    for (Slot& s : old) {
      if (s.tag == 0) continue;
      std::size_t i = home(Hash{}(s.key));
      while (slots_[i].tag != 0) i = next(i);
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace kaigo
