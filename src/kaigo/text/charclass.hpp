// text/charclass — the character classes of the インタフェース仕様書 and their byte widths.
// Owns: 数字 / 英数 / 漢字 / 半角カナ membership tests on CP932 bytes. Must not: allocate.
#pragma once
#include <cstddef>
#include <string_view>

#include "kaigo/core/enum_table.hpp"

namespace kaigo::text {

// 属性 of an interface item.
enum class CharClass {
  Digits,    // 数字: 0-9 (a leading '-' is a sign, handled by the caller)
  Alnum,     // 英数: half-width characters — printable ASCII and 半角カナ (single-byte CP932)
  Kanji,     // 漢字: full-width characters only (double-byte CP932), 2 bytes each
  HalfKana,  // 半角カナ: half-width katakana (0xA1–0xDF), half-width space and ASCII digits/letters
};
inline constexpr EnumTable<CharClass, 4> kCharClasses{{{
#include "kaigo/text/char_class.enum.inc"
}}};
constexpr const auto& enum_table(CharClass) { return kCharClasses; }

// Offset of the first character of `cp932` that is not of class `c`, or npos. The bytes must be
// valid CP932 (check with find_invalid_cp932 first).
std::size_t find_class_violation(std::string_view cp932, CharClass c);

// True when every byte is an ASCII digit (and the string is not empty).
inline bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char ch : s) {
    if (static_cast<unsigned char>(ch - '0') > 9) return false;
  }
  return true;
}

// Japanese and English names of a class, for messages.

}  // namespace kaigo::text
