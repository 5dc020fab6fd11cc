#include "kaigo/careplan/encoding.hpp"

#include <cstdint>
#include <cstring>

#include "kaigo/core/strings.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::careplan {
namespace {

// Which two-byte sequences are MS932 characters, one bit each, taken once from text's table: the
// scan below looks a character up instead of calling into text for every one.
class DoubleByteSet {
 public:
  DoubleByteSet() {
    char pair[2];
    for (unsigned code = 0x8100; code <= 0xFCFF; ++code) {
      pair[0] = static_cast<char>(code >> 8);
      pair[1] = static_cast<char>(code & 0xFF);
      if (text::cp932_char_length({pair, 2}) == 2) bits_[code >> 6] |= std::uint64_t{1} << (code & 63);
    }
  }
  bool contains(unsigned char lead, unsigned char trail) const {
    unsigned code = (unsigned{lead} << 8) | trail;
    return (bits_[code >> 6] >> (code & 63)) & 1;
  }

 private:
  std::uint64_t bits_[1024] = {};
};

const DoubleByteSet& double_bytes() {
  static const DoubleByteSet set;
  return set;
}

}  // namespace

bool looks_like_utf8(std::string_view line) { return !text::is_ascii(line) && find_invalid_utf8(line) == std::string_view::npos; }

std::size_t find_bad_byte(std::string_view s, std::size_t from) {
  const DoubleByteSet& pairs = double_bytes();
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const char* p = s.data();
  std::size_t i = from;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & kHigh) == 0 && ((w - kOnes) & ~w & kHigh) == 0) {  // ASCII, no NUL
        i += 8;
        continue;
      }
    }
    auto b = static_cast<unsigned char>(p[i]);
    if (b == 0 || (b >= 0xF0 && b <= 0xF9)) return i;
    if (b < 0x80 || (b >= 0xA1 && b <= 0xDF)) {  // ASCII, 半角カナ
      ++i;
      continue;
    }
    if (i + 1 >= s.size() || !pairs.contains(b, static_cast<unsigned char>(p[i + 1]))) return i;
    i += 2;
  }
  return text::npos;
}

}  // namespace kaigo::careplan
