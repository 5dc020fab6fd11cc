// core/strings — small string helpers shared by the table loaders and the CLI.
// Owns: splitting, trimming, integer parsing without exceptions. Must not: know any file format.
#pragma once
#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaigo {

// Hashes a std::string key by its view, so that a map keyed by std::string is searched with a
// string_view (with std::equal_to<>) without building a string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Splits on `sep` keeping empty parts ("a,,b" → 3 parts).
std::vector<std::string_view> split(std::string_view s, char sep);
// The pieces are views: splitting a temporary string would leave them dangling, so it does not compile.
std::vector<std::string_view> split(std::string&& s, char sep) = delete;

// The parts with `sep` between them (split's inverse).
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Lines of a text; strips a trailing '\r' from each and drops the final empty line.
std::vector<std::string_view> lines(std::string_view text);
std::vector<std::string_view> lines(std::string&& text) = delete;

std::string_view trim(std::string_view s);
std::string_view trim(std::string&& s) = delete;

// Whole-string integer parse; nullopt on anything else (no sign except a leading '-').
std::optional<std::int64_t> parse_int(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);

// Byte offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates and code
// points above U+10FFFF included), or npos when all of `s` is valid.
std::size_t find_invalid_utf8(std::string_view s);

// The length of the well-formed UTF-8 sequence that starts at s[i], or 0 when none does.
std::size_t utf8_length_at(std::string_view s, std::size_t i);

// A file name as it was sent, made safe to keep, print and put in JSON: well-formed UTF-8 other
// than control characters is kept; a backslash becomes "\\"; any other byte (a control character,
// '/', a byte that is not UTF-8) becomes "\xNN". Different names stay different.
std::string escape_file_name(std::string_view raw);

// Text shown on one line of a message or a report: control characters (NUL, tab, newline …) and
// bytes that are not UTF-8 become "\xNN", so nothing after them is lost or misread.
std::string escape_control(std::string_view text);

}  // namespace kaigo
