// libFuzzer target for the packed 集計 rows of a stored decision (store/detail/packed_rows): any
// bytes are refused with a StoreError or give rows that pack and unpack to the same rows — never a
// crash, hang, leak or undefined behaviour (a damaged database must not take kaigo down with it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kaigo/store/detail/packed_rows.hpp"
#include "kaigo/store/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaigo;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  review::ClaimDecision d;
  try {
    store::unpack_rows(bytes, d);
  } catch (const store::StoreError& e) {
    if (std::string_view(e.what()).find("stored 集計 rows are malformed") == std::string_view::npos) __builtin_trap();
    return 0;
  }
  review::ClaimDecision again;
  store::unpack_rows(store::pack_rows(d), again);
  if (again.rows.size() != d.rows.size() || again.facility_written != d.facility_written ||
      again.facility_decided != d.facility_decided)
    __builtin_trap();
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    const auto& a = d.rows[i];
    const auto& b = again.rows[i];
    if (a.service_type != b.service_type || a.last_item_code != b.last_item_code || a.cut != b.cut ||
        a.plan_units != b.plan_units || a.written != b.written || a.decided != b.decided)
      __builtin_trap();
  }
  return 0;
}
