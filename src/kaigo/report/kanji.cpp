#include "kaigo/report/kanji.hpp"

#include <array>
#include <string_view>

#include "kaigo/text/cp932.hpp"

namespace kaigo::report {
namespace {

// U+FF61 … U+FF9F (｡ … ﾟ) as full-width characters.
constexpr std::array<char32_t, 63> kHalfKana{
    U'。', U'「', U'」', U'、', U'・', U'ヲ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ャ', U'ュ', U'ョ', U'ッ', U'ー',
    U'ア', U'イ', U'ウ', U'エ', U'オ', U'カ', U'キ', U'ク', U'ケ', U'コ', U'サ', U'シ', U'ス', U'セ', U'ソ', U'タ',
    U'チ', U'ツ', U'テ', U'ト', U'ナ', U'ニ', U'ヌ', U'ネ', U'ノ', U'ハ', U'ヒ', U'フ', U'ヘ', U'ホ', U'マ', U'ミ',
    U'ム', U'メ', U'モ', U'ヤ', U'ユ', U'ヨ', U'ラ', U'リ', U'ル', U'レ', U'ロ', U'ワ', U'ン', U'゛', U'゜'};

// Decodes one UTF-8 character at `i` (the input is valid UTF-8: it comes from our own values).
char32_t decode(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  char32_t c = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  for (int k = 0; k < extra && i + 1 < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
  ++i;
  return c;
}

void encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Kana whose voiced form (濁音) is the next code point.
constexpr std::u32string_view kVoiceable = U"カキクケコサシスセソタチツテトハヒフヘホ";

bool takes_voiced(char32_t c) { return kVoiceable.find(c) != std::u32string_view::npos || c == U'ウ'; }

}  // namespace

std::string to_full_width(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = decode(s, i);
    if (c == U' ') {
      c = U'\u3000';
    } else if (c >= 0x21 && c <= 0x7E) {
      c = c - 0x21 + 0xFF01;
    } else if (c >= 0xFF61 && c <= 0xFF9F) {
      c = kHalfKana[c - 0xFF61];
      std::size_t j = i;
      const char32_t next = j < s.size() ? decode(s, j) : 0;
      if (next == 0xFF9E && takes_voiced(c)) {
        c = c == U'ウ' ? U'ヴ' : c + 1;
        i = j;
      } else if (next == 0xFF9F && c >= U'ハ' && c <= U'ホ' && (c - U'ハ') % 3 == 0) {
        c = c + 2;
        i = j;
      }
    }
    encode(c, out);
  }
  return out;
}

std::string to_half_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto half_of = [](char32_t c) -> char32_t {
    for (std::size_t i = 0; i < kHalfKana.size(); ++i) {
      if (kHalfKana[i] == c) return static_cast<char32_t>(0xFF61 + i);
    }
    return 0;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = decode(s, i);
    if (c == U'\u3000') {
      out.push_back(' ');
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      encode(c - 0xFF01 + 0x21, out);
    } else if (const char32_t h = half_of(c)) {
      encode(h, out);
    } else if (c == U'ヴ') {
      encode(half_of(U'ウ'), out);
      encode(0xFF9E, out);
    } else if (kVoiceable.find(c - 1) != std::u32string_view::npos) {
      encode(half_of(c - 1), out);
      encode(0xFF9E, out);
    } else if (c >= U'パ' && c <= U'ポ' && (c - U'ハ') % 3 == 2) {
      encode(half_of(c - 2), out);
      encode(0xFF9F, out);
    } else {
      encode(c, out);
    }
  }
  return out;
}

std::string fit_bytes(std::string_view s, std::size_t max_bytes) {
  if (max_bytes == 0) return std::string(s);
  std::size_t bytes = 0;
  std::string one;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    decode(s, i);
    one.clear();
    text::utf8_to_cp932(s.substr(start, i - start), one);
    if (bytes + one.size() > max_bytes) return std::string(s.substr(0, start));
    bytes += one.size();
  }
  return std::string(s);
}

}  // namespace kaigo::report
