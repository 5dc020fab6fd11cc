#include "kaigo/master/keys.hpp"

namespace kaigo::master {

std::string_view normalize_insurer_no(std::string_view no) {
  constexpr std::size_t kDigits = 6;
  if (no.size() > kDigits && no.size() <= 8 && no.find_first_not_of('0') >= no.size() - kDigits) {
    no.remove_prefix(no.size() - kDigits);
  }
  return no;
}

}  // namespace kaigo::master
