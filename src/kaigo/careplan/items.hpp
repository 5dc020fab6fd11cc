// careplan/items — the check of one item against its layout row: required, length, and the format
// of its 書式 column (digits, dates, times, codes, postal code, 被保険者番号, day bitmap …).
// Owns: those per-item checks and their detail texts. Must not: look at other items.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/careplan/codes.hpp"
#include "kaigo/careplan/layout.hpp"

namespace kaigo::careplan {

struct ItemProblem {
  Finding finding;
  std::string detail_ja;  // what exactly, e.g. "項目長 6 に対し 7 桁"
  std::string detail_en;
};

// Checks a value (CP932 bytes, already known to be valid MS932) against its item; nullopt when it
// is right. Empty values are right unless the item is required.
std::optional<ItemProblem> check_item(const ItemSpec& item, std::string_view value);

// The cheap answer for the common cases — empty, digits, a plain ASCII code — without building
// anything; false means "call check_item", not "wrong".
bool quick_ok(const ItemSpec& item, std::string_view value);

// Helpers the record rules share.
bool is_valid_time(std::string_view hhmm);  // HHMM, 0000–2400

}  // namespace kaigo::careplan
