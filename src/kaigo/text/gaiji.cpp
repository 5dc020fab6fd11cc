#include "kaigo/text/gaiji.hpp"

#include "kaigo/text/cp932.hpp"

namespace kaigo::text {

std::size_t find_user_defined_cp932(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0xF0 && b <= 0xF9) return i;
    std::size_t len = cp932_char_length(s.substr(i));
    i += len == 0 ? 1 : len;
  }
  return npos;
}

}  // namespace kaigo::text
