#include "kaigo/core/arena.hpp"

#include <algorithm>
#include <cstring>

namespace kaigo {

std::string_view Arena::copy(std::string_view s) {
  if (s.empty()) return {};
  if (blocks_.empty() || used_ + s.size() > sizes_[current_]) {
    // Move to the next block that can hold s, allocating one when none is left.
    ++current_;
    if (blocks_.empty()) current_ = 0;
    while (current_ < blocks_.size() && sizes_[current_] < s.size()) ++current_;
    if (current_ >= blocks_.size()) {
      std::size_t size = std::max(kBlock, s.size());
      blocks_.push_back(std::make_unique<char[]>(size));
      sizes_.push_back(size);
      current_ = blocks_.size() - 1;
    }
    used_ = 0;
  }
  char* dst = blocks_[current_].get() + used_;
  std::memcpy(dst, s.data(), s.size());
  used_ += s.size();
  return {dst, s.size()};
}

void Arena::reset() {
  current_ = 0;
  used_ = 0;
}

}  // namespace kaigo
