// libFuzzer target for the municipal 総合事業 master loader (`kaigo load … sougou`, master/sougou):
// any bytes give a table or diagnostics naming the file, never a crash, hang, leak or undefined
// behaviour. A table holds only 総合事業 types, each row's ServiceCode view agrees with it, it lists
// exactly the insurers of its rows, and merging it with itself per insurer keeps every row.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/master/masters.hpp"
#include "kaigo/master/sougou.hpp"
#include "loader_refusal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaigo;
  using namespace kaigo::master;
  static const Masters masters = *load_bundled_masters().table;
  auto master = fuzz::accepted(data, size, "sougou.csv", [](std::string_view bytes, const std::string& file) {
    return load_sougou_master(bytes, file, &masters.service_types);
  });
  if (!master) return 0;
  const SougouMaster& m = *master;
  if (m.insurers().empty() != (m.size() == 0)) __builtin_trap();
  m.table().for_each([&](const SougouCodeKey&, const SougouServiceCode& c) {
    const auto& s = c.as_service_code;
    if (s.code() != c.code() || s.units != c.units || s.limit_target != c.limit_target()) __builtin_trap();
    if (!m.governs(c.insurer_no)) __builtin_trap();
    if (c.unit_price && c.unit_price->x100 <= 0) __builtin_trap();
  });
  auto merged = SougouMaster::per_insurer({&m, &m});
  if (merged.size() != m.size() || merged.insurers() != m.insurers()) __builtin_trap();
  return 0;
}
