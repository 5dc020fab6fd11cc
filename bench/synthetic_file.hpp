// A synthetic, valid 711 claim file of any size for the benchmarks: 明細書 of 訪問介護 with three
// 明細 lines each, every one with its own 被保険者番号, written with the project's Writer.
#pragma once
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "kaigo/exchange/writer.hpp"

namespace kaigo::bench {

inline void add_statement(exchange::Writer& w, std::uint64_t n) {
  std::string insured = fmt::format("{:010d}", n + 1);
  const std::string base = "7131";
  auto add = [&](std::initializer_list<std::string_view> items) { w.add(items); };
  // 244 × 8 + 387 × 4 + 179 × 6 = 4,574 units; 1級地 70% → 11.40.
  add({base, "01", "202604", "1370000001", "00131011", insured, "", "", "", "", "", "", "19380512", "2", "23", "",
       "20250401", "20270331", "1", "1370000099", "", "", "", "", "", "0", "0", "", "90", "", "", "", "4574", "46928",
       "5215", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"});
  add({base, "02", "202604", "1370000001", "00131011", insured, "11", "1111", "244", "8", "", "", "", "1952", "", "", "", ""});
  add({base, "02", "202604", "1370000001", "00131011", insured, "11", "1211", "387", "4", "", "", "", "1548", "", "", "", ""});
  add({base, "02", "202604", "1370000001", "00131011", insured, "11", "7211", "179", "6", "", "", "", "1074", "", "", "", ""});
  add({base, "10", "202604", "1370000001", "00131011", insured, "11", "12", "4574", "4574", "0", "", "", "4574", "1140",
       "46928", "5215", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
       "0", "0"});
}

inline exchange::ControlFields synthetic_control() {
  exchange::ControlFields c;
  c.data_type = "711";
  c.office_no = "1370000001";
  c.processing_month = "202605";
  return c;
}

// About `bytes` bytes of file (one 明細書 is ~560 bytes).
inline std::string synthetic_file(std::size_t bytes) {
  exchange::Writer w(synthetic_control());
  std::uint64_t n = 0;
  while (n * 560 < bytes) add_statement(w, n++);
  return w.finish_to_string();
}

}  // namespace kaigo::bench
