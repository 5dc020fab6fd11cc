// report/kanji — text made to fit an item of a result file: 漢字 items hold full-width characters
// only (a half-width digit or letter is a format error, claims-format §1.3), and every text item
// has a width in bytes. Error codes, numbers and names from the ledgers are turned into their
// full-width form (12P0 → １２Ｐ０, ｶﾅ → カナ) — or, for 半角カナ items, their half-width form — and
// cut at the width, never inside a character.
// Owns: these conversions. Must not: change what the text says beyond its width.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace kaigo::report {

// ASCII → 全角 (space → U+3000), 半角カナ → 全角カタカナ (with ﾞ / ﾟ joined); other characters unchanged.
std::string to_full_width(std::string_view utf8);

// 全角 → 半角 for the 半角カナ items (カナ氏名): 全角 ASCII and space, katakana (濁点・半濁点 split into
// ﾞ / ﾟ), 「ー」; other characters unchanged.
std::string to_half_width(std::string_view utf8);

// The longest prefix of `utf8` whose CP932 form has at most `max_bytes` bytes (0 = no limit).
std::string fit_bytes(std::string_view utf8, std::size_t max_bytes);

}  // namespace kaigo::report
