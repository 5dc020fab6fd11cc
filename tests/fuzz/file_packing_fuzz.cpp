// libFuzzer target for a received file as stored (store/detail/file_packing): any bytes, read as a
// packed frame of the length the first eight bytes give, are refused with a StoreError naming the
// file or give exactly that many bytes; and any bytes packed come back as they were — never a crash,
// hang, leak or undefined behaviour (a damaged database must not take kaigo down with it).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "kaigo/store/detail/file_packing.hpp"
#include "kaigo/store/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaigo;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (store::unpack_file(store::pack_file(bytes), store::kFilePacking, static_cast<std::int64_t>(size), 1) != bytes)
    __builtin_trap();
  if (size < 8) return 0;
  std::uint64_t claimed = 0;
  std::memcpy(&claimed, data, 8);
  const auto recorded = static_cast<std::int64_t>(claimed % (1u << 20));  // at most 1 MiB unpacked
  try {
    if (std::cmp_not_equal(store::unpack_file(bytes.substr(8), store::kFilePacking, recorded, 1).size(), recorded))
      __builtin_trap();
  } catch (const store::StoreError& e) {
    if (std::string_view(e.what()).find("the stored bytes of submission 1 cannot be read") == std::string_view::npos)
      __builtin_trap();
  }
  return 0;
}
