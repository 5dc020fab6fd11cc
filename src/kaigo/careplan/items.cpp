#include "kaigo/careplan/items.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kaigo/careplan/file_name.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/text/charclass.hpp"

namespace kaigo::careplan {
namespace {

bool is_printable_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}

ItemProblem problem(Finding f, std::string ja, std::string en) { return {f, std::move(ja), std::move(en)}; }

ItemProblem not_numeric() { return problem(Finding::NotNumeric, "半角数字でない", "not half-width digits"); }

ItemProblem too_long(const ItemSpec& item, std::size_t n) {
  return problem(Finding::Length, fmt::format("項目長 {} に対し {} 文字", item.len, n),
                 fmt::format("length {} but {} characters", item.len, n));
}

ItemProblem not_exact(const ItemSpec& item, std::size_t n) {
  return problem(Finding::Length, fmt::format("{} 桁ちょうどのところ {} 文字", item.len, n),
                 fmt::format("exactly {} characters expected, {} given", item.len, n));
}

ItemProblem not_half_width() {
  return problem(Finding::BadCharacters, "半角英数字以外の文字がある", "characters other than half-width ones");
}

// An exactly-n-digit item: CP32 for other characters, CP31 for another length.
std::optional<ItemProblem> fixed_digits(const ItemSpec& item, std::string_view v) {
  if (!text::all_digits(v)) return not_numeric();
  if (static_cast<int>(v.size()) != item.len) return not_exact(item, v.size());
  return std::nullopt;
}

std::optional<ItemProblem> bad_date(std::string_view what_ja, std::string_view what_en) {
  return problem(Finding::BadDate, fmt::format("{}として存在しない", what_ja), fmt::format("not a real {}", what_en));
}

std::optional<ItemProblem> bad_format(std::string_view ja, std::string_view en) {
  return problem(Finding::BadFormat, std::string(ja), std::string(en));
}

std::optional<ItemProblem> check_text(std::string_view v) {
  for (char c : v) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 && c != '\t' && c != '\r' && c != '\n') {
      return problem(Finding::BadCharacters, fmt::format("制御文字 0x{:02X} がある", b),
                     fmt::format("control character 0x{:02X}", b));
    }
    if (b == 0x7F) return problem(Finding::BadCharacters, "制御文字 0x7F がある", "control character 0x7F");
  }
  return std::nullopt;
}

std::optional<ItemProblem> check_integer(const ItemSpec& item, std::string_view v, bool may_be_negative) {
  std::string_view digits = v;
  if (may_be_negative && !digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  if (!text::all_digits(digits)) return not_numeric();
  if (static_cast<int>(digits.size()) > item.len) return too_long(item, digits.size());
  return std::nullopt;
}

std::optional<ItemProblem> check_code(const ItemSpec& item, std::string_view v) {
  if (!is_printable_ascii(v)) return not_half_width();
  if (item.codes->contains(v)) return std::nullopt;
  std::string list;
  for (const auto& e : item.codes->entries) {
    if (!list.empty()) list += ' ';
    list += e.code;
  }
  return problem(Finding::BadCode, fmt::format("コード表 {} の値（{}）でない", item.codes->name, list),
                 fmt::format("not a value of code list {} ({})", item.codes->name, list));
}

// The formats made of half-width characters only, checked once they are known to be ASCII.
std::optional<ItemProblem> check_ascii_format(const ItemSpec& item, std::string_view v) {
  switch (item.format) {
    case ItemFormat::Office:
    case ItemFormat::Type:
    case ItemFormat::ServiceCode:
      if (static_cast<int>(v.size()) != item.len) return not_exact(item, v.size());
      if (!all_code_chars(v)) return bad_format("半角の数字・英大文字でない", "not half-width digits or capitals");
      return std::nullopt;
    case ItemFormat::Alnum:
      if (static_cast<int>(v.size()) > item.len) return too_long(item, v.size());
      return std::nullopt;
    case ItemFormat::Insured:
      if (v.size() != 10) return not_exact(item, v.size());
      if (text::all_digits(v) || (v[0] == 'H' && text::all_digits(v.substr(1)))) return std::nullopt;
      return bad_format("数字10桁（生保単独は H＋数字9桁）でない", "not 10 digits (or H + 9 digits)");
    case ItemFormat::Postal:
      if (v.size() == 8 && text::all_digits(v.substr(0, 3)) && v[3] == '-' && text::all_digits(v.substr(4))) {
        return std::nullopt;
      }
      return bad_format("XXX-XXXX でない", "not XXX-XXXX");
    case ItemFormat::DayBitmap:
      if (v.size() != 31) return not_exact(item, v.size());
      if (v.find_first_not_of("01") != std::string_view::npos) return bad_format("0 と 1 以外がある", "not only 0 and 1");
      return std::nullopt;
    case ItemFormat::Decimal: {
      auto dot = v.find('.');
      if (static_cast<int>(v.size()) > item.len) return too_long(item, v.size());
      if (dot != std::string_view::npos && dot >= 1 && dot <= 2 && v.size() == dot + 3 &&
          text::all_digits(v.substr(0, dot)) && text::all_digits(v.substr(dot + 1))) {
        return std::nullopt;
      }
      return bad_format("99.99 形式でない", "not of the form 99.99");
    }
    default: return std::nullopt;
  }
}

// A month, date or time item: its digits, the marker that may stand for none, what a real one is.
struct CalendarItem {
  ItemFormat with_marker;  // the format that also takes `marker`
  std::string_view marker;
  bool (*is_real)(std::string_view);
  std::string_view what_ja, what_en;
};

constexpr CalendarItem kMonthItems{ItemFormat::YearMonthOrZero, "000000",
                                   [](std::string_view v) { return YearMonth::parse(v).has_value(); },
                                   "年月 YYYYMM", "month YYYYMM"};
constexpr CalendarItem kDateItems{ItemFormat::DateOrZero, "00000000",
                                  [](std::string_view v) { return Date::parse(v).has_value(); }, "年月日 YYYYMMDD",
                                  "date YYYYMMDD"};
constexpr CalendarItem kTimeItems{ItemFormat::TimeOr9999, "9999", [](std::string_view v) { return is_valid_time(v); },
                                  "時刻 HHMM", "time HHMM"};

std::optional<ItemProblem> check_calendar_item(const ItemSpec& item, std::string_view v, const CalendarItem& c) {
  if (auto p = fixed_digits(item, v)) return p;
  if (item.format == c.with_marker && v == c.marker) return std::nullopt;
  if (!c.is_real(v)) return bad_date(c.what_ja, c.what_en);
  return std::nullopt;
}

}  // namespace

bool is_valid_time(std::string_view v) {
  if (v.size() != 4 || !text::all_digits(v)) return false;
  int h = (v[0] - '0') * 10 + (v[1] - '0');
  int m = (v[2] - '0') * 10 + (v[3] - '0');
  return m <= 59 && (h <= 23 || (h == 24 && m == 0));
}

bool quick_ok(const ItemSpec& item, std::string_view v) {
  if (v.empty()) return !item.required;
  switch (item.format) {
    case ItemFormat::Int: return text::all_digits(v) && static_cast<int>(v.size()) <= item.len;
    case ItemFormat::Digits:
    case ItemFormat::Version: return text::all_digits(v) && static_cast<int>(v.size()) == item.len;
    case ItemFormat::Office:
    case ItemFormat::Type:
    case ItemFormat::ServiceCode: return static_cast<int>(v.size()) == item.len && all_code_chars(v);
    case ItemFormat::Text: {
      for (char c : v) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
      }
      return true;
    }
    default: return false;
  }
}

std::optional<ItemProblem> check_item(const ItemSpec& item, std::string_view v) {
  if (v.empty()) {
    if (item.required) return problem(Finding::RequiredMissing, "必須項目が空", "required item is empty");
    return std::nullopt;
  }
  switch (item.format) {
    case ItemFormat::Text: {
      if (auto p = check_text(v)) return p;
      if (item.len > 0 && static_cast<int>(v.size()) > item.len) return too_long(item, v.size());
      return std::nullopt;
    }
    case ItemFormat::Digits:
    case ItemFormat::Version: return fixed_digits(item, v);
    case ItemFormat::Int: return check_integer(item, v, false);
    case ItemFormat::SignedInt: return check_integer(item, v, true);
    case ItemFormat::Seq99: {
      if (auto p = check_integer(item, v, false)) return p;
      if (*parse_int(v) < 1) return bad_format("1～99 でない", "not 1–99");
      return std::nullopt;
    }
    case ItemFormat::YearMonth:
    case ItemFormat::YearMonthOrZero: return check_calendar_item(item, v, kMonthItems);
    case ItemFormat::Date:
    case ItemFormat::DateOrZero: return check_calendar_item(item, v, kDateItems);
    case ItemFormat::Time:
    case ItemFormat::TimeOr9999: return check_calendar_item(item, v, kTimeItems);
    case ItemFormat::Code: return check_code(item, v);
    default:
      if (!is_printable_ascii(v)) return not_half_width();
      return check_ascii_format(item, v);
  }
}

}  // namespace kaigo::careplan
