#include "kaigo/platform/pmh.hpp"

#include "kaigo/core/sha256.hpp"

namespace kaigo::platform {

char my_number_check_digit(std::string_view eleven) {
  // P_n is the n-th digit counted from the right of the 11; Q_n = n + 1 (n ≤ 6), n − 5 (n ≥ 7).
  int sum = 0;
  for (int n = 1; n <= 11; ++n) {
    const int p = eleven[static_cast<std::size_t>(11 - n)] - '0';
    const int q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const int r = sum % 11;
  return static_cast<char>('0' + (r <= 1 ? 0 : 11 - r));
}

bool my_number_ok(std::string_view number) {
  if (number.size() != 12) return false;
  for (char c : number) {
    if (c < '0' || c > '9') return false;
  }
  return my_number_check_digit(number.substr(0, 11)) == number[11];
}

PmhOutcome link_person(std::string_view my_number, std::string_view medical_insurance, std::string_view salt) {
  if (my_number.empty()) return {{}, "PL41"};
  if (medical_insurance != "1") return {{}, "PL42"};
  return {sha256_hex(std::string("kaigo-pmh-v1\n").append(salt).append("\n").append(my_number)), {}};
}

}  // namespace kaigo::platform
