#include "kaigo/master/csv.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "kaigo/core/strings.hpp"

namespace kaigo::master {
namespace {

std::string_view strip_bom(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (starts_with(text, kBom)) text.remove_prefix(kBom.size());
  return text;
}

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string column_label(const Column& c) { return fmt::format("{}({})", c.ja, c.name); }

}  // namespace

bool split_csv_fields(std::string_view line, std::vector<std::string_view>& out, Arena& unescaped) {
  std::string escaped;  // the text of a quoted field with "" in it, once unescaped
  std::size_t i = 0;
  while (true) {
    if (i < line.size() && line[i] == '"') {
      const std::size_t start = ++i;
      bool closed = false;
      bool has_escape = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            if (!has_escape) escaped.assign(line.substr(start, i - start));
            has_escape = true;
            escaped += '"';
            i += 2;
            continue;
          }
          closed = true;
          break;
        }
        if (has_escape) escaped += line[i];
        ++i;
      }
      if (!closed) return false;
      out.push_back(has_escape ? unescaped.copy(escaped) : line.substr(start, i - start));
      ++i;  // the closing quote
      if (i < line.size() && line[i] != ',') return false;
    } else {
      const std::size_t start = i;
      while (i < line.size() && line[i] != ',') {
        if (line[i] == '"') return false;  // a quote inside an unquoted field
        ++i;
      }
      out.push_back(line.substr(start, i - start));
    }
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
}

std::optional<std::vector<std::string>> split_csv_line(std::string_view line) {
  Arena unescaped;
  std::vector<std::string_view> fields;
  if (!split_csv_fields(line, fields, unescaped)) return std::nullopt;
  return std::vector<std::string>(fields.begin(), fields.end());
}

Diagnostic make_diagnostic(std::string_view code, const std::string& file, std::uint64_t line, int item_no,
                           std::string item_name, std::string value, std::string message_ja,
                           std::string message_en) {
  Diagnostic d;
  d.severity = Severity::Error;
  d.code = std::string(code);
  d.file = file;
  d.line = line;
  d.item_no = item_no;
  d.item_name = std::move(item_name);
  d.value = std::move(value);
  d.message_ja = std::move(message_ja);
  d.message_en = std::move(message_en);
  return d;
}

CsvFile::CsvFile(std::string_view text, std::string file_name, const CsvSpec& spec, Diagnostics& out)
    : file_(std::move(file_name)), spec_(spec), position_(spec.columns.size(), -1) {
  text = strip_bom(text);
  if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    // A ledger saved as Shift_JIS by a spreadsheet would otherwise load with garbled names.
    auto line_start = text.rfind('\n', bad);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    auto line_no = static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n')) + 1;
    auto column = static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(line_start),
                                              text.begin() + static_cast<std::ptrdiff_t>(bad), ',')) + 1;
    out.push_back(make_diagnostic(code::kEncoding, file_, line_no, column, "", fmt::format("\\x{:02X}", static_cast<unsigned char>(text[bad])),
                                  fmt::format("UTF-8 ではありません（{}バイト目）。UTF-8 で保存し直してください", bad - line_start + 1),
                                  fmt::format("not UTF-8 (byte {} of the line); save the file as UTF-8", bad - line_start + 1)));
    ok_ = false;
    return;
  }
  auto all = lines(text);
  std::size_t first = 0;
  std::size_t width = spec.columns.size();
  if (spec.has_header) {
    if (all.empty()) {
      out.push_back(make_diagnostic(code::kHeader, file_, 1, 0, "ヘッダー行", "", "ヘッダー行がありません",
                                    "the header row is missing"));
      ok_ = false;
      return;
    }
    auto header = split_csv_line(all[0]);
    std::vector<std::string> names = header ? *header : std::vector<std::string>{};
    // Required columns first, in the order of the spec; then known optional ones in any order.
    std::size_t pos = 0;
    for (std::size_t c = 0; c < spec.columns.size() && !spec.columns[c].optional; ++c, ++pos) {
      if (pos >= names.size() || trim(names[pos]) != spec.columns[c].name) {
        std::string got = pos < names.size() ? names[pos] : "";
        out.push_back(make_diagnostic(
            code::kHeader, file_, 1, static_cast<int>(pos + 1), column_label(spec.columns[c]), got,
            fmt::format("ヘッダー行の{}列目は「{}」でなければなりません", pos + 1, spec.columns[c].name),
            fmt::format("header column {} must be '{}'", pos + 1, spec.columns[c].name)));
        ok_ = false;
        return;
      }
      position_[c] = static_cast<int>(pos);
    }
    for (; pos < names.size(); ++pos) {
      auto it = std::find_if(spec.columns.begin(), spec.columns.end(),
                             [&](const Column& c) { return c.optional && c.name == trim(names[pos]); });
      if (it == spec.columns.end() || position_[static_cast<std::size_t>(it - spec.columns.begin())] >= 0) {
        out.push_back(make_diagnostic(code::kHeader, file_, 1, static_cast<int>(pos + 1), "ヘッダー行",
                                      names[pos], "未知の列名または重複した列名です",
                                      "unknown or repeated column name"));
        ok_ = false;
        return;
      }
      position_[static_cast<std::size_t>(it - spec.columns.begin())] = static_cast<int>(pos);
    }
    width = names.size();
    first = 1;
  } else {
    for (std::size_t c = 0; c < spec.columns.size(); ++c) position_[c] = static_cast<int>(c);
  }
  rows_.reserve(all.size() - first);
  fields_.reserve((all.size() - first) * width);
  for (std::size_t i = first; i < all.size(); ++i) {
    std::uint64_t line_no = i + 1;
    if (trim(all[i]).empty()) continue;  // blank lines (e.g. a trailing one) carry no data
    const std::size_t start = fields_.size();
    if (!split_csv_fields(all[i], fields_, unescaped_)) {
      fields_.resize(start);
      out.push_back(make_diagnostic(code::kQuoting, file_, line_no, 0, "", std::string(all[i]),
                                    "引用符の使い方が不正です", "broken double quotes"));
      ok_ = false;
      continue;
    }
    const std::size_t count = fields_.size() - start;
    bool width_ok = spec.has_header ? count == width : (count >= spec.min_columns && count <= width);
    if (!width_ok) {
      fields_.resize(start);
      out.push_back(make_diagnostic(code::kColumnCount, file_, line_no, 0, "", std::to_string(count),
                                    fmt::format("列数が{}です（{}列であるべきです）", count, width),
                                    fmt::format("the row has {} columns, expected {}", count, width)));
      ok_ = false;
      continue;
    }
    rows_.push_back({line_no, start, count});
  }
}

std::string_view CsvFile::field(std::size_t row, std::size_t col) const {
  int p = position_[col];
  if (p < 0) return {};
  const Row& r = rows_[row];
  if (static_cast<std::size_t>(p) >= r.count) return {};
  return trim(fields_[r.first + static_cast<std::size_t>(p)]);
}

void RowReader::fail(std::size_t col, std::string_view code, std::string message_ja, std::string message_en) {
  const Column& c = file_.column(col);
  out_.push_back(make_diagnostic(code, file_.file_name(), line(), file_.item_no(col), std::string(c.ja),
                                 std::string(text(col)), std::move(message_ja),
                                 fmt::format("{} (column {})", message_en, c.name)));
  ok_ = false;
}

std::optional<std::string_view> RowReader::required(std::size_t col) {
  auto t = text(col);
  if (t.empty()) {
    fail(col, code::kRequired, fmt::format("{}が未設定です", file_.column(col).ja), "required value is empty");
    return std::nullopt;
  }
  return t;
}

std::optional<std::string_view> RowReader::present(std::size_t col, bool req) {
  auto t = text(col);
  if (t.empty()) {
    if (req) required(col);
    return std::nullopt;
  }
  return t;
}

std::optional<std::int64_t> RowReader::integer(std::size_t col, std::int64_t lo, std::int64_t hi, bool req) {
  auto t = present(col, req);
  if (!t) return std::nullopt;
  auto v = parse_int(*t);
  if (!v || *v < lo || *v > hi) {
    fail(col, code::kNumber, fmt::format("{}は{}〜{}の整数でなければなりません", file_.column(col).ja, lo, hi),
         fmt::format("must be an integer in {}..{}", lo, hi));
    return std::nullopt;
  }
  return v;
}

namespace {

// `text` read as a Date or a YearMonth (T::parse); KM06 naming the form written when it is not one.
template <class T>
std::optional<T> date_like(RowReader& r, std::optional<std::string_view> text, std::size_t col,
                           std::string_view column_ja, std::string_view form_ja, std::string_view form_en) {
  if (!text) return std::nullopt;
  auto v = T::parse(*text);
  if (!v) {
    r.fail(col, code::kDate, fmt::format("{}が{}として不正です", column_ja, form_ja), fmt::format("not a valid {}", form_en));
  }
  return v;
}

}  // namespace

std::optional<Date> RowReader::date(std::size_t col, bool req) {
  return date_like<Date>(*this, present(col, req), col, file_.column(col).ja, "日付(YYYYMMDD)", "date YYYYMMDD");
}

std::optional<YearMonth> RowReader::year_month(std::size_t col, bool req) {
  return date_like<YearMonth>(*this, present(col, req), col, file_.column(col).ja, "年月(YYYYMM)",
                              "year-month YYYYMM");
}

std::optional<std::string_view> RowReader::alnum(std::size_t col, std::size_t width, bool req) {
  auto t = present(col, req);
  if (!t) return std::nullopt;
  if (t->size() != width || !std::all_of(t->begin(), t->end(), is_alnum)) {
    fail(col, code::kUnknownCode, fmt::format("{}は英数字{}桁でなければなりません", file_.column(col).ja, width),
         fmt::format("must be {} letters or digits", width));
    return std::nullopt;
  }
  return t;
}

std::optional<std::string_view> RowReader::digits(std::size_t col, std::size_t min_width, std::size_t max_width,
                                                  bool req) {
  auto t = present(col, req);
  if (!t) return std::nullopt;
  if (t->size() < min_width || t->size() > max_width || !std::all_of(t->begin(), t->end(), is_digit)) {
    std::string width = min_width == max_width ? std::to_string(min_width)
                                               : fmt::format("{}〜{}", min_width, max_width);
    fail(col, code::kUnknownCode, fmt::format("{}は数字{}桁でなければなりません", file_.column(col).ja, width),
         fmt::format("must be {} digits", width));
    return std::nullopt;
  }
  return t;
}

std::optional<std::string_view> RowReader::one_of(std::size_t col, std::span<const std::string_view> allowed,
                                                  bool req) {
  auto t = present(col, req);
  if (!t) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *t) == allowed.end()) {
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : " ") + std::string(a);
    fail(col, code::kUnknownCode, fmt::format("{}のコードが不正です（{}）", file_.column(col).ja, list),
         fmt::format("unknown code, expected one of: {}", list));
    return std::nullopt;
  }
  return t;
}

std::optional<Period> read_period(RowReader& r, std::size_t from_col, std::size_t to_col) {
  auto from = r.date(from_col, true);
  auto to = r.date(to_col, false);
  if (!from || (!to && !r.text(to_col).empty())) return std::nullopt;
  if (to && *to < *from) {
    r.fail(to_col, code::kPeriod, "有効期間の終了日が開始日より前です", "valid_to is before valid_from");
    return std::nullopt;
  }
  return Period{*from, to};
}

std::string period_text(const Period& p) {
  return fmt::format("{}〜{}", p.from.str(), p.to ? p.to->str() : "");
}

}  // namespace kaigo::master
