// text/cp932 — CP932 (MS932, the Shift_JIS of the 交換情報) ⇄ UTF-8, and byte-level validation.
// Owns: the code tables and the conversions. Must not: allocate per character on hot paths (the
// validators work in place and the converters append to a caller's buffer) or replace bad bytes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace kaigo::text {

inline constexpr std::size_t npos = std::string_view::npos;

// Offset of the first byte that does not start a valid CP932 character (an undefined single byte,
// a lead byte without a valid trail, or a double-byte code with no character), or npos.
std::size_t find_invalid_cp932(std::string_view bytes);

// Appends the UTF-8 form of `cp932` to `out`. Returns npos on success, otherwise the offset of the
// first invalid byte (nothing of the invalid tail is appended).
std::size_t cp932_to_utf8(std::string_view cp932, std::string& out);

// Appends the CP932 form of `utf8` to `out`. Returns npos on success, otherwise the byte offset in
// `utf8` of the first character that is malformed UTF-8 or has no CP932 form.
std::size_t utf8_to_cp932(std::string_view utf8, std::string& out);

// Convenience forms that throw std::invalid_argument naming the offset; for tests and tools only.
std::string to_utf8(std::string_view cp932);
std::string to_cp932(std::string_view utf8);

// UTF-8 text of a possibly invalid CP932 value (for a message, or domain text read from a record):
// valid characters converted, every invalid byte written as \xHH; ASCII is copied as it is.
std::string printable(std::string_view cp932);

// True when every byte is below 0x80: the same text in CP932 and in UTF-8 (nearly every item is).
inline bool is_ascii(std::string_view bytes) {
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Length in bytes of the CP932 character starting at bytes[0] (1 or 2), or 0 if invalid there.
std::size_t cp932_char_length(std::string_view bytes);

}  // namespace kaigo::text
