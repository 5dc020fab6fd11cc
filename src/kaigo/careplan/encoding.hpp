// careplan/encoding — the bytes the standard allows: MS932 only (spec §4.3: no characters outside
// MS932, no 外字). UTF-8 is recognised so that it can be refused with a clear answer rather than as a
// mass of invalid bytes (docs/careplan.md).
// Owns: the scans. Must not: allocate per character or convert anything (text does).
#pragma once
#include <cstddef>
#include <string_view>

namespace kaigo::careplan {

// A line that holds non-ASCII bytes and is valid UTF-8: CP932 Japanese practically never is
// (hiragana, katakana and 半角カナ bytes are UTF-8 continuation bytes).
bool looks_like_utf8(std::string_view line);

// Offset of the first byte at or after `from` that starts no MS932 character, starts a 外字 (lead
// bytes F0–F9) or is NUL; npos when there is none.
std::size_t find_bad_byte(std::string_view s, std::size_t from);

}  // namespace kaigo::careplan
