// text/gaiji — 外字: the user-defined area of CP932 (lead bytes 0xF0–0xF9), which Microsoft's
// table maps to the Private Use Area. Valid CP932, but standards that say "no 外字" (ケアプラン
// データ連携標準仕様 §4.3) refuse it. Must not: allocate.
#pragma once
#include <string_view>

namespace kaigo::text {

// Offset of the first character in the user-defined area, or npos (string_view::npos). The bytes
// must be valid CP932 (find_invalid_cp932 first): the scan steps over double-byte characters.
std::size_t find_user_defined_cp932(std::string_view cp932);

}  // namespace kaigo::text
