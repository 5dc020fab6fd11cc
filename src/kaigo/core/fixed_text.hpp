// core/fixed_text — the pieces typed keys are made of: a text of at most N bytes held in place,
// and the one hash every key uses (FNV-1a over its items, each item closed by a separator byte).
// A key built from these is small, compares as bytes and hashes without allocating.
// Owns: FixedText, KeyHasher and PairKey. Must not: know what any key means (billing/keys, master/keys do).
#pragma once
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "kaigo/core/date.hpp"

namespace kaigo {

// Text of at most N bytes held in place (zero-padded, so that equal texts are equal bytes).
template <std::size_t N>
class FixedText {
 public:
  // nullopt when `s` is longer than N (a value no official item can hold).
  static constexpr std::optional<FixedText> of(std::string_view s) {
    if (s.size() > N) return std::nullopt;
    FixedText t;
    for (std::size_t i = 0; i < s.size(); ++i) t.bytes_[i] = s[i];
    t.size_ = static_cast<std::uint8_t>(s.size());
    return t;
  }
  constexpr FixedText() = default;
  // A literal code (a table's, a test's): its width is checked when it is compiled.
  template <std::size_t M>
    requires(M >= 1 && M - 1 <= N)
  constexpr FixedText(const char (&s)[M]) {  // NOLINT(google-explicit-constructor)
    for (std::size_t i = 0; i + 1 < M; ++i) bytes_[i] = s[i];
    size_ = static_cast<std::uint8_t>(M - 1);
  }
  template <std::size_t M>
    requires(M >= 1 && M - 1 <= N)
  constexpr FixedText& operator=(const char (&s)[M]) {
    return *this = FixedText(s);
  }
  // A code of a record field, read where the loader has checked its width (a test writes it as a
  // literal): std::length_error when it does not fit, which is a bug, not bad input.
  explicit FixedText(std::string_view s) { *this = s; }
  FixedText& operator=(std::string_view s) {
    auto t = of(s);
    if (!t) throw std::length_error("text longer than its field");
    return *this = *t;
  }

  constexpr std::string_view view() const { return {bytes_.data(), size_}; }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }
  constexpr bool empty() const { return size_ == 0; }
  constexpr std::size_t size() const { return size_; }
  auto operator<=>(const FixedText&) const = default;
  bool operator==(const FixedText&) const = default;
  friend bool operator==(const FixedText& a, std::string_view b) { return a.view() == b; }
  template <std::size_t M>
  friend bool operator==(const FixedText& a, const char (&b)[M]) {  // a literal: not through the converting constructor
    return a.view() == std::string_view(b, M - 1);
  }

 private:
  std::array<char, N> bytes_{};
  std::uint8_t size_ = 0;
};

// FNV-1a over a key's items.
class KeyHasher {
 public:
  KeyHasher& add(std::string_view s) {
    for (char c : s) mix(static_cast<unsigned char>(c));
    mix(0x1F);
    return *this;
  }
  KeyHasher& add(YearMonth m) {
    mix(static_cast<unsigned char>(m.year & 0xFF));
    mix(static_cast<unsigned char>(m.year >> 8));
    mix(static_cast<unsigned char>(m.month));
    return *this;
  }
  KeyHasher& add(int n) {
    auto u = static_cast<std::uint32_t>(n);
    for (int i = 0; i < 4; ++i) mix(static_cast<unsigned char>((u >> (8 * i)) & 0xFF));
    return *this;
  }
  std::size_t value() const { return static_cast<std::size_t>(h_); }

 private:
  void mix(unsigned char c) { h_ = (h_ ^ c) * 0x100000001b3ULL; }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

// A key of two texts at their widths A and B: the base of the named two-item keys (master/keys),
// where Self names the items and says how they are normalised.
template <class Self, std::size_t A, std::size_t B>
class PairKey {
 public:
  KeyHasher& hash_into(KeyHasher& h) const { return h.add(first_.view()).add(second_.view()); }
  std::size_t hash() const {
    KeyHasher h;
    return hash_into(h).value();
  }
  // The key as a diagnostic names it: the two items separated by a space.
  std::string text() const {
    std::string t(first_.view());
    t += ' ';
    t += second_.view();
    return t;
  }
  auto operator<=>(const PairKey&) const = default;
  bool operator==(const PairKey&) const = default;

 protected:
  // nullopt when an item is longer than its width (no official item can hold it).
  static std::optional<Self> make(std::string_view a, std::string_view b) {
    auto first = FixedText<A>::of(a);
    auto second = FixedText<B>::of(b);
    if (!first || !second) return std::nullopt;
    Self key;
    static_cast<PairKey&>(key).first_ = *first;
    static_cast<PairKey&>(key).second_ = *second;
    return key;
  }
  std::string_view first() const { return first_.view(); }
  std::string_view second() const { return second_.view(); }

 private:
  FixedText<A> first_;
  FixedText<B> second_;
};

}  // namespace kaigo

template <std::size_t N>
struct fmt::formatter<kaigo::FixedText<N>> : fmt::formatter<std::string_view> {
  auto format(const kaigo::FixedText<N>& t, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.view(), ctx);
  }
};
