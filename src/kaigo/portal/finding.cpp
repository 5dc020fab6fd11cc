#include "kaigo/portal/finding.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::portal {

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string yen_text(Yen y) { return grouped(y.value) + " 円"; }

std::string day_text(Date d) { return wareki_date(d); }

}  // namespace kaigo::portal
