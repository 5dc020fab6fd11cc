#include "kaigo/text/cp932.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace kaigo::text {
namespace {

#include "kaigo/text/cp932_table.inc"

constexpr bool is_lead(unsigned char b) { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }
constexpr bool is_half_kana(unsigned char b) { return b >= 0xA1 && b <= 0xDF; }

int lead_index(unsigned char b) { return b <= 0x9F ? b - 0x81 : b - 0xE0 + (0xA0 - 0x81); }

// Unicode code point of the double-byte character (lead, trail), or 0.
unsigned decode_double(unsigned char lead, unsigned char trail) {
  if (trail < 0x40 || trail > 0xFC) return 0;
  return kCp932Double[lead_index(lead)][trail - 0x40];
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes one UTF-8 character at s[i]; returns its length (0 if malformed) and sets cp.
std::size_t next_utf8(std::string_view s, std::size_t i, unsigned& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b < 0x80) { cp = b; return 1; }
  if ((b & 0xE0) == 0xC0) { cp = b & 0x1Fu; n = 2; }
  else if ((b & 0xF0) == 0xE0) { cp = b & 0x0Fu; n = 3; }
  else if ((b & 0xF8) == 0xF0) { cp = b & 0x07u; n = 4; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3Fu);
  }
  static constexpr unsigned kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Characters that text from JIS-based (non-Microsoft) systems carries where CP932 has its own
// code point: the 「波ダッシュ問題」. They are written as the CP932 character people mean.
unsigned jis_compatible(unsigned cp) {
  switch (cp) {
    case 0x301C: return 0x8160;  // 〜 WAVE DASH → ～
    case 0x2016: return 0x8161;  // ‖ DOUBLE VERTICAL LINE → ∥
    case 0x2212: return 0x817C;  // − MINUS SIGN → －
    case 0x2014: return 0x815C;  // — EM DASH → ―
    case 0x00A2: return 0x8191;  // ¢ → ￠
    case 0x00A3: return 0x8192;  // £ → ￡
    case 0x00AC: return 0x81CA;  // ¬ → ￢
    default: return 0;
  }
}

// CP932 double-byte code for a code point, or 0.
unsigned encode_double(unsigned cp) {
  if (unsigned compat = jis_compatible(cp); compat != 0) return compat;
  const auto* begin = std::begin(kCp932Encode);
  const auto* end = std::end(kCp932Encode);
  const auto* it = std::lower_bound(begin, end, cp, [](const unsigned int(&e)[2], unsigned v) { return e[0] < v; });
  return (it != end && (*it)[0] == cp) ? (*it)[1] : 0;
}

}  // namespace

std::size_t cp932_char_length(std::string_view bytes) {
  if (bytes.empty()) return 0;
  auto b = static_cast<unsigned char>(bytes[0]);
  if (b < 0x80 || is_half_kana(b)) return 1;
  if (!is_lead(b) || bytes.size() < 2) return 0;
  return decode_double(b, static_cast<unsigned char>(bytes[1])) != 0 ? 2 : 0;
}

std::size_t find_invalid_cp932(std::string_view bytes) {
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) { i += 8; continue; }
    }
    std::size_t len = cp932_char_length(bytes.substr(i));
    if (len == 0) return i;
    i += len;
  }
  return npos;
}

std::size_t cp932_to_utf8(std::string_view in, std::string& out) {
  out.reserve(out.size() + in.size() + in.size() / 2);
  std::size_t i = 0;
  while (i < in.size()) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) { out.push_back(static_cast<char>(b)); ++i; continue; }
    if (is_half_kana(b)) { append_utf8(out, 0xFF61 + (b - 0xA1)); ++i; continue; }
    if (!is_lead(b) || i + 1 >= in.size()) return i;
    unsigned cp = decode_double(b, static_cast<unsigned char>(in[i + 1]));
    if (cp == 0) return i;
    append_utf8(out, cp);
    i += 2;
  }
  return npos;
}

std::size_t utf8_to_cp932(std::string_view in, std::string& out) {
  out.reserve(out.size() + in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    unsigned cp = 0;
    std::size_t len = next_utf8(in, i, cp);
    if (len == 0) return i;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp >= 0xFF61 && cp <= 0xFF9F) {
      out.push_back(static_cast<char>(0xA1 + (cp - 0xFF61)));
    } else {
      unsigned code = encode_double(cp);
      if (code == 0) return i;
      out.push_back(static_cast<char>(code >> 8));
      out.push_back(static_cast<char>(code & 0xFF));
    }
    i += len;
  }
  return npos;
}

std::string to_utf8(std::string_view cp932) {
  std::string out;
  if (auto bad = cp932_to_utf8(cp932, out); bad != npos)
    throw std::invalid_argument(fmt::format("invalid CP932 byte at offset {}", bad));
  return out;
}

std::string to_cp932(std::string_view utf8) {
  std::string out;
  if (auto bad = utf8_to_cp932(utf8, out); bad != npos)
    throw std::invalid_argument(fmt::format("character at offset {} has no CP932 form", bad));
  return out;
}

std::string printable(std::string_view in) {
  if (is_ascii(in)) return std::string(in);  // nearly every item: nothing to convert
  std::string out;
  std::size_t i = 0;
  while (i < in.size()) {
    std::size_t len = cp932_char_length(in.substr(i));
    if (len == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(in[i]));
      ++i;
      continue;
    }
    cp932_to_utf8(in.substr(i, len), out);
    i += len;
  }
  return out;
}

}  // namespace kaigo::text
