#include "kaigo/master/keys.hpp"

namespace kaigo::master {

std::string_view normalize_insurer_no(std::string_view no) {
  if (no.size() == 8 && no.substr(0, 2) == "00") no.remove_prefix(2);
  return no;
}

}  // namespace kaigo::master
