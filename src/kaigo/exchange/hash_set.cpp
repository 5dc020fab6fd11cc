#include "kaigo/exchange/hash_set.hpp"

namespace kaigo::exchange {

bool HashSet::insert(std::uint64_t h) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  std::uint64_t v = slot_value(h);
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(v * 0x9E3779B97F4A7C15ULL) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == v) return false;
    if (slots_[i] == 0) {
      slots_[i] = v;
      ++size_;
      return true;
    }
  }
}

bool HashSet::contains(std::uint64_t h) const {
  if (slots_.empty()) return false;
  std::uint64_t v = slot_value(h);
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(v * 0x9E3779B97F4A7C15ULL) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == v) return true;
    if (slots_[i] == 0) return false;
  }
}

void HashSet::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  size_ = 0;
  for (auto v : old) {
    if (v != 0) insert(v);
  }
}

}  // namespace kaigo::exchange
