// exchange/hash_set — a compact open-addressing set of 64-bit hashes (8 bytes per slot), used to
// find documents split across a file without holding their keys.
// Public: the care-plan rules find repeated rows with it too.
#pragma once
#include <cstdint>
#include <vector>

namespace kaigo::exchange {

class HashSet {
 public:
  // Inserts h; returns false when it was already there.
  bool insert(std::uint64_t h);
  bool contains(std::uint64_t h) const;
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

 private:
  void grow();
  static std::uint64_t slot_value(std::uint64_t h) { return h == 0 ? 1 : h; }  // 0 marks an empty slot
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

}  // namespace kaigo::exchange
