// core/arena — text copied into blocks that never move, so that the string_views handed out stay
// valid while the arena lives: the records of a document being read (exchange), the カナ氏名 of a
// ledger of millions of people (master), without a heap block of their own each.
// Owns: the blocks and copying into them. Must not: know what the text is.
#pragma once
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace kaigo {

class Arena {
 public:
  std::string_view copy(std::string_view s);
  // Forgets the text (the views handed out are no longer valid) and keeps the blocks for reuse.
  void reset();

 private:
  static constexpr std::size_t kBlock = 256 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::size_t> sizes_;  // capacity of each block
  std::size_t current_ = 0;         // index of the block being filled
  std::size_t used_ = 0;            // bytes used in the current block
};

}  // namespace kaigo
