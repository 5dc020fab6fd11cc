// A small valid 711 claim file (one 7111, one 7131 明細書 with 01/02/10) used by the reader tests,
// built line by line so that each test can break exactly one thing.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace kaigo::testing {

inline std::vector<std::string> sample_711_lines() {
  std::string b01 = "2,3,7131,01,202604,1370000001,00131011,0000012345,,,,,,,19380512,2,23,,20250401,20270331,1,1370000099,"
                    ",,,,,0,0,,90,,,,976,10013,1113,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0";
  return {
      "1,1,0,4,711,0,0,1370000001,0,7,202605,0",
      "2,2,7111,202604,1370000001,1,0,01,1,976,11126,10013,0,1113,0,0,0,0,0,0",
      b01,
      "2,4,7131,02,202604,1370000001,00131011,0000012345,11,1111,244,4,,,,976,,,,",
      "2,5,7131,10,202604,1370000001,00131011,0000012345,11,4,0,976,0,,,976,1140,10013,1113,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0",
      "3,6",
  };
}

inline std::string join_lines(const std::vector<std::string>& lines, const char* eol = "\r\n") {
  std::string out;
  for (const auto& l : lines) {
    out += l;
    out += eol;
  }
  return out;
}

// What real senders write (claims-format.md §0, §1.3): the fields of one line whose column (from 0)
// `which` names, written between double quotes.
inline std::string quote_fields(const std::string& line, const std::function<bool(int)>& which) {
  std::string out;
  int col = 0;
  std::size_t start = 0;
  while (true) {
    auto comma = line.find(',', start);
    std::string f = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    out += which(col) ? "\"" + f + "\"" : f;
    if (comma == std::string::npos) return out;
    out += ',';
    start = comma + 1;
    ++col;
  }
}

}  // namespace kaigo::testing
