#include "kaigo/text/charclass.hpp"

#include "kaigo/text/cp932.hpp"

namespace kaigo::text {
namespace {

bool is_half_kana_byte(unsigned char b) { return b >= 0xA1 && b <= 0xDF; }

bool single_byte_in_class(unsigned char b, CharClass c) {
  switch (c) {
    case CharClass::Digits: return b >= '0' && b <= '9';
    case CharClass::Alnum: return (b >= 0x20 && b <= 0x7E) || is_half_kana_byte(b);
    case CharClass::Kanji: return false;
    case CharClass::HalfKana:
      return is_half_kana_byte(b) || b == ' ' || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') ||
             b == '(' || b == ')' || b == '-' || b == '.';
  }
  return false;
}

}  // namespace

std::size_t find_class_violation(std::string_view s, CharClass c) {
  if (c == CharClass::Alnum) {
    // Fast path: printable ASCII only (codes and numbers, the usual content).
    std::size_t k = 0;
    while (k < s.size() && static_cast<unsigned char>(s[k]) >= 0x20 && static_cast<unsigned char>(s[k]) <= 0x7E) ++k;
    if (k == s.size()) return npos;
  }
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = cp932_char_length(s.substr(i));
    if (len == 0) return i;
    if (len == 2) {
      if (c != CharClass::Kanji) return i;
    } else if (!single_byte_in_class(static_cast<unsigned char>(s[i]), c)) {
      return i;
    }
    i += len;
  }
  return npos;
}

}  // namespace kaigo::text
