#include "kaigo/core/fixed_text.hpp"
#include "kaigo/exchange/reader.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "kaigo/core/date.hpp"
#include "kaigo/exchange/codec_diagnostics.hpp"
#include "kaigo/exchange/hash_set.hpp"
#include "kaigo/exchange/line_source.hpp"
#include "kaigo/text/charclass.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::exchange {
namespace {

// Splits a line into columns, removing optional surrounding quotes. Returns false when a quote is
// misplaced (the columns are still filled as well as possible); bad_column is its 0-based column.
// Stops after max_columns columns (the rest of the line is then not looked at).
bool split_quoted(std::string_view line, std::vector<std::string_view>& cols, std::size_t& bad_column,
                  std::size_t max_columns) {
  cols.clear();
  bool ok = true;
  const char* p = line.data();
  const char* const end = p + line.size();
  while (cols.size() < max_columns) {
    if (p < end && *p == '"') {
      const char* close = p + 1;
      while (close < end && *close != '"') ++close;
      if (close < end && (close + 1 == end || close[1] == ',')) {
        cols.emplace_back(p + 1, static_cast<std::size_t>(close - p - 1));
        if (close + 1 == end) return ok;
        p = close + 2;
        continue;
      }
      // Unbalanced or followed by something else: keep the raw text up to the next comma.
      if (ok) bad_column = cols.size();
      ok = false;
    }
    const char* q = p;
    bool quote = false;
    while (q < end && *q != ',') {
      quote |= (*q == '"');
      ++q;
    }
    if (quote) {
      if (ok) bad_column = cols.size();
      ok = false;
    }
    cols.emplace_back(p, static_cast<std::size_t>(q - p));
    if (q == end) return ok;
    p = q + 1;
  }
  return ok;
}

// The common case — no quotes at all — finds the commas 16 bytes at a time.
bool split_columns(std::string_view line, std::vector<std::string_view>& cols, std::size_t& bad_column,
                   std::size_t max_columns = SIZE_MAX) {
  if (std::memchr(line.data(), '"', line.size()) != nullptr) return split_quoted(line, cols, bad_column, max_columns);
  cols.clear();
  const char* base = line.data();
  const std::size_t n = line.size();
  std::size_t start = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  for (; i + 16 <= n; i += 16) {
    __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, comma)));
    while (mask != 0) {
      std::size_t pos = i + static_cast<std::size_t>(__builtin_ctz(mask));
      cols.emplace_back(base + start, pos - start);
      if (cols.size() == max_columns) return true;
      start = pos + 1;
      mask &= mask - 1;
    }
  }
#endif
  for (; i < n; ++i) {
    if (base[i] == ',') {
      cols.emplace_back(base + start, i - start);
      if (cols.size() == max_columns) return true;
      start = i + 1;
    }
  }
  cols.emplace_back(base + start, n - start);
  return true;
}

// The first max_columns columns of a line with surrounding quotes trimmed — enough for the
// pre-scan, which only needs the key items and must not look at the rest of the line.
void split_prefix(std::string_view line, std::vector<std::string_view>& cols, std::size_t max_columns) {
  cols.clear();
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size() && cols.size() < max_columns; ++i) {
    if (i < line.size() && line[i] != ',') continue;
    std::string_view f = line.substr(start, i - start);
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
    cols.push_back(f);
    start = i + 1;
  }
}

std::uint64_t parse_record_no(std::string_view s) {
  if (s.empty() || s.size() > 18) return 0;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

// "0" and "00…0" in an unused numeric item mean the same as empty (claims-format.md §0 item 3).
bool is_zero(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c != '0') return false;
  }
  return true;
}

// The identity of a document without building its key: the hash its DocumentKey would have.
std::uint64_t key_hash(const Form* form, std::span<const std::string_view> items) {
  KeyHasher h;
  h.add(items.empty() ? std::string_view{} : items[0]);
  for (int no : form->key_items) {
    auto i = static_cast<std::size_t>(no - 1);
    h.add(i < items.size() ? items[i] : std::string_view{});
  }
  return h.value();
}

// Builds the key of a data record from its form's key items.
void build_key(const Form* form, std::span<const std::string_view> items, DocumentKey& key) {
  key.clear();
  key.push_back(items.empty() ? std::string_view{} : items[0]);
  if (form == nullptr) return;
  for (int no : form->key_items) {
    key.push_back(static_cast<std::size_t>(no) <= items.size() ? items[static_cast<std::size_t>(no - 1)]
                                                                : std::string_view{});
  }
}

// True when `items` have the same key items as `first` (both of `form`).
bool same_key(const Form* form, std::span<const std::string_view> items, const Record& first) {
  for (int no : form->key_items) {
    auto i = static_cast<std::size_t>(no - 1);
    std::string_view a = i < items.size() ? items[i] : std::string_view{};
    if (a != first.item(no)) return false;
  }
  return true;
}

// The common cases of an item — empty, plain digits, ASCII codes, a valid month — decided without
// any call; false means "look closer" (check_item), not necessarily "wrong".
inline bool quick_ok(const ItemCheck& c, std::string_view v, bool encoding_ok) {
  if (v.empty()) return !c.required;
  if (!encoding_ok) return false;
  const char* p = v.data();
  std::size_t n = v.size();
  switch (c.attr) {
    case text::CharClass::Digits:
      if (*p == '-') {
        if (!c.is_signed || n == 1) return false;
        ++p;
        --n;
      }
      for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<unsigned char>(p[i] - '0') > 9) return false;
      }
      break;
    case text::CharClass::Alnum:
      for (std::size_t i = 0; i < n; ++i) {
        auto b = static_cast<unsigned char>(p[i]);
        if (b < 0x20 || b > 0x7E) return false;
      }
      break;
    case text::CharClass::Kanji:
    case text::CharClass::HalfKana: return false;
  }
  if (c.max_bytes != 0 && n > c.max_bytes) return false;
  switch (c.format) {
    case ItemFormat::Plain:
    case ItemFormat::Code: return true;
    case ItemFormat::YearMonth:
      return n == 6 && (p[0] == '2' || (p[0] == '1' && p[1] == '9')) &&
             ((p[4] == '0' && p[5] >= '1') || (p[4] == '1' && p[5] <= '2'));
    case ItemFormat::Date:
    case ItemFormat::Const: return false;
  }
  return false;
}

// Caches the last form looked up: records of one form come in runs.
class FormCache {
 public:
  const Form* get(std::string_view code) {
    if (last_ != nullptr && last_->code == code) return last_;
    last_ = Registry::instance().form(code);
    return last_;
  }

 private:
  const Form* last_ = nullptr;
};

// First pass: which document keys occur in more than one run of records. Reads only as far into
// each line as the key items go.
HashSet find_split_keys(LineSource& lines) {
  HashSet seen;
  HashSet split;
  FormCache forms;
  std::vector<std::string_view> cols;
  std::uint64_t previous = 0;
  bool have_previous = false;
  Line line;
  while (lines.next(line)) {
    if (line.too_long || line.text.size() < 2 || line.text[0] != '2') continue;
    split_prefix(line.text, cols, 3);
    if (cols.size() < 3) continue;
    const Form* form = forms.get(cols[2]);
    if (form == nullptr || form->key_items.empty()) {
      have_previous = false;
      continue;
    }
    split_prefix(line.text, cols, 2 + static_cast<std::size_t>(form->max_key_item));
    std::span<const std::string_view> items(cols.data() + 2, cols.size() - 2);
    std::uint64_t h = key_hash(form, items);
    if (have_previous && h == previous) continue;
    if (!seen.insert(h)) split.insert(h);
    previous = h;
    have_previous = true;
  }
  return split;
}

class Parser {
 public:
  Parser(std::string file_name, Sink& sink, HashSet split, bool check_items)
      : file_(std::move(file_name)), sink_(sink), split_(std::move(split)), check_items_(check_items) {}

  void run(LineSource& lines);

 private:
  void line(const Line& l);
  void control(const std::vector<std::string_view>& cols);
  void data(const std::vector<std::string_view>& cols, std::uint64_t record_no);
  void end(const std::vector<std::string_view>& cols);
  void check_record_no(std::string_view written, std::uint64_t& parsed);
  bool check_items(const RecordLayout& layout, std::span<const std::string_view> items, std::uint64_t record_no,
                   bool items_are_columns);
  bool check_item(const ItemSpec& spec, std::string_view value, std::uint64_t record_no, int item_no);
  bool check_count(const RecordLayout& layout, std::size_t& n, std::span<const std::string_view> items,
                   std::uint64_t record_no);
  void emit_current();
  void emit(const Document& doc);
  void finish();

  template <typename... Args>
  void report(CodecIssue issue, std::uint64_t record_no, int item_no, std::string_view item_name,
              std::string_view value, const Args&... args);

  std::string file_;
  Sink& sink_;
  HashSet split_;
  FormCache forms_;
  FileSummary summary_;
  ControlRecord control_;
  std::uint64_t line_no_ = 0;
  std::uint64_t last_record_no_ = 0;
  std::uint64_t record_count_line_ = 0;
  bool data_type_checked_ = false;
  bool after_end_reported_ = false;
  bool utf8_hint_given_ = false;
  bool saw_any_line_ = false;
  bool all_crlf_ = true;
  bool line_encoding_ok_ = true;  // the current line is valid CP932 (checked once per line)
  bool check_items_ = true;       // ReadOptions::check_items
  std::string_view line_text_;    // the current line, which the items are views into
  std::vector<std::string_view> cols_;
  DocumentKey key_;
  Document current_;
  bool current_open_ = false;
  std::vector<std::unique_ptr<Document>> held_;  // documents split across the file
  std::unordered_map<std::uint64_t, std::size_t> held_index_;
  std::string bad_line_copy_;
};

template <typename... Args>
void Parser::report(CodecIssue issue, std::uint64_t record_no, int item_no, std::string_view item_name,
                    std::string_view value, const Args&... args) {
  const auto& t = issue_text(issue);
  Diagnostic d;
  d.severity = t.warning ? Severity::Warning : Severity::Error;
  d.code = std::string(t.code);
  d.file = file_;
  d.line = line_no_;
  d.record_no = record_no;
  d.item_no = item_no;
  d.item_name = std::string(item_name);
  d.value = text::printable(value);
  d.message_ja = fmt::format(fmt::runtime(t.ja), args...);
  d.message_en = fmt::format(fmt::runtime(t.en), args...);
  if (t.warning) ++summary_.warnings;
  else ++summary_.errors;
  sink_.on_diagnostic(d);
}

void Parser::run(LineSource& lines) {
  Line l;
  while (lines.next(l)) {
    line(l);
    if (!l.terminated && !l.too_long && !l.text.empty()) {
      report(CodecIssue::NoFinalNewline, 0, 0, "", "", "", "", "");
    }
  }
  summary_.bytes = lines.bytes_read();
  finish();
}

void Parser::line(const Line& l) {
  ++line_no_;
  ++summary_.lines;
  saw_any_line_ = true;
  if (l.terminated && !l.crlf) all_crlf_ = false;
  if (l.too_long) {
    report(CodecIssue::LineTooLong, 0, 0, "", std::string_view(l.text.substr(0, 40)), fmt::to_string(l.text.size()), "", "");
    ++last_record_no_;
    return;
  }
  if (l.text.empty()) {
    if (l.terminated) report(CodecIssue::EmptyLine, 0, 0, "", "", "", "", "");
    return;
  }
  std::size_t bad_column = 0;
  if (!split_columns(l.text, cols_, bad_column)) {
    report(CodecIssue::BadQuoting, 0, bad_column >= 2 ? static_cast<int>(bad_column - 1) : 0, "",
           cols_.size() > bad_column ? cols_[bad_column] : std::string_view{}, "", "", "");
  }
  line_encoding_ok_ = !check_items_ || text::find_invalid_cp932(l.text) == text::npos;
  line_text_ = l.text;
  std::string_view type = cols_[0];
  if (summary_.has_end) {
    if (!after_end_reported_) report(CodecIssue::AfterEnd, 0, 0, "", type, "", "", "");
    after_end_reported_ = true;
    return;
  }
  std::uint64_t record_no = 0;
  check_record_no(cols_.size() > 1 ? cols_[1] : std::string_view{}, record_no);
  if (type == "1") {
    control(cols_);
  } else if (type == "2") {
    if (!summary_.has_control && summary_.data_records == 0) report(CodecIssue::ControlMissing, record_no, 0, "", "", "", "", "");
    data(cols_, record_no);
  } else if (type == "3") {
    end(cols_);
  } else {
    report(CodecIssue::RecordType, record_no, 0, "レコード種別", type, "", "", "");
  }
}

void Parser::check_record_no(std::string_view written, std::uint64_t& parsed) {
  parsed = parse_record_no(written);
  std::uint64_t expected = last_record_no_ + 1;
  if (parsed != expected) {
    report(CodecIssue::RecordNumber, parsed, 0, "レコード番号", written, fmt::to_string(expected), "", "");
  }
  last_record_no_ = parsed != 0 ? parsed : expected;
}

void Parser::control(const std::vector<std::string_view>& cols) {
  if (summary_.has_control || summary_.data_records > 0) {
    report(CodecIssue::ControlMissing, parse_record_no(cols.size() > 1 ? cols[1] : ""), 0, "コントロールレコード", "", "", "", "");
    return;
  }
  summary_.has_control = true;
  const RecordLayout& layout = Registry::instance().control();
  std::span<const std::string_view> items(cols.data(), cols.size());
  std::size_t n = items.size();
  check_count(layout, n, items, parse_record_no(cols.size() > 1 ? cols[1] : ""));
  if (check_items_) check_items(layout, items.first(n), parse_record_no(cols.size() > 1 ? cols[1] : ""), true);
  control_.line = line_no_;
  control_.items.assign(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n));
  record_count_line_ = line_no_;
  sink_.on_control(control_);
}

bool Parser::check_count(const RecordLayout& layout, std::size_t& n, std::span<const std::string_view> items,
                         std::uint64_t record_no) {
  auto expected = static_cast<std::size_t>(layout.count());
  // One trailing empty field is what some senders write; it is not an item.
  if (n == expected + 1 && items[n - 1].empty()) n = expected;
  if (n == expected) return true;
  report(CodecIssue::ItemCount, record_no, 0, "", "", fmt::to_string(n), fmt::to_string(expected), "");
  if (n > expected) n = expected;
  return false;
}

bool Parser::check_items(const RecordLayout& layout, std::span<const std::string_view> items, std::uint64_t record_no,
                         bool) {
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (quick_ok(layout.checks[i], items[i], line_encoding_ok_)) continue;
    // The full check says exactly what is wrong (or finds the item fine after all, e.g. 半角カナ).
    ok = check_item(layout.items[i], items[i], record_no, static_cast<int>(i + 1)) && ok;
  }
  return ok;
}

bool Parser::check_item(const ItemSpec& spec, std::string_view v, std::uint64_t record_no, int item_no) {
  if (v.empty()) {
    if (spec.req == Requirement::Always) {
      report(CodecIssue::RequiredMissing, record_no, item_no, spec.name, v, "", "", "");
      return false;
    }
    return true;
  }
  if (std::size_t bad = line_encoding_ok_ ? text::npos : text::find_invalid_cp932(v); bad != text::npos) {
    std::string hint;
    if (!utf8_hint_given_) {
      hint = "（UTF-8 など別の文字コードで保存されている可能性があります）";
      utf8_hint_given_ = true;
    }
    report(CodecIssue::InvalidEncoding, record_no, item_no, spec.name, v, fmt::to_string(bad + 1), hint,
           hint.empty() ? "" : " (the file may be saved in UTF-8 or another encoding)");
    return false;
  }
  if (spec.attr == text::CharClass::Digits) {
    std::string_view digits = v;
    if (digits[0] == '-') {
      if (!spec.is_signed) {
        report(CodecIssue::SignNotAllowed, record_no, item_no, spec.name, v, "", "", "");
        return false;
      }
      digits.remove_prefix(1);
    }
    if (!text::all_digits(digits)) {
      report(CodecIssue::NotNumeric, record_no, item_no, spec.name, v, "", "", "");
      return false;
    }
    if (spec.max_bytes > 0 && digits.size() > static_cast<std::size_t>(spec.max_bytes)) {
      report(CodecIssue::TooLong, record_no, item_no, spec.name, v, fmt::format("{}桁", digits.size()),
             fmt::format("{}桁", spec.max_bytes), "");
      return false;
    }
  } else {
    if (std::size_t bad = text::find_class_violation(v, spec.attr); bad != text::npos) {
      if (spec.attr == text::CharClass::Kanji) {
        report(CodecIssue::NotFullWidth, record_no, item_no, spec.name, v, fmt::to_string(bad + 1), "", "");
      } else {
        report(CodecIssue::NotHalfWidth, record_no, item_no, spec.name, v, enum_ja(spec.attr),
               fmt::to_string(bad + 1), enum_en(spec.attr));
      }
      return false;
    }
    if (spec.max_bytes > 0 && v.size() > static_cast<std::size_t>(spec.max_bytes)) {
      report(CodecIssue::TooLong, record_no, item_no, spec.name, v, fmt::format("{}バイト", v.size()),
             fmt::format("{}バイト", spec.max_bytes), "");
      return false;
    }
  }
  switch (spec.format) {
    case ItemFormat::YearMonth:
      if (!is_zero(v) && !YearMonth::parse(v)) {
        report(CodecIssue::BadDate, record_no, item_no, spec.name, v, "YYYYMM", "", "");
        return false;
      }
      break;
    case ItemFormat::Date:
      if (!is_zero(v) && !Date::parse(v)) {
        report(CodecIssue::BadDate, record_no, item_no, spec.name, v, "YYYYMMDD", "", "");
        return false;
      }
      break;
    case ItemFormat::Const:
      if (v != spec.const_value) {
        report(CodecIssue::ConstMismatch, record_no, item_no, spec.name, v, spec.const_value, "", "");
        return false;
      }
      break;
    case ItemFormat::Plain:
    case ItemFormat::Code: break;
  }
  return true;
}

void Parser::data(const std::vector<std::string_view>& cols, std::uint64_t record_no) {
  ++summary_.data_records;
  if (cols.size() < 3 || cols[2].empty()) {
    report(CodecIssue::RequiredMissing, record_no, 1, "交換情報識別番号", "", "", "", "");
    return;
  }
  std::span<const std::string_view> items(cols.data() + 2, cols.size() - 2);
  const Form* form = forms_.get(items[0]);
  bool errors = false;
  const RecordLayout* layout = nullptr;
  std::string_view kind;
  if (form == nullptr) {
    report(CodecIssue::UnknownForm, record_no, 1, "交換情報識別番号", items[0], "", "", "");
    errors = true;
  } else if (form->has_kinds()) {
    kind = items.size() > 1 ? items[1] : std::string_view{};
    layout = form->layout_for(kind);
    if (layout == nullptr) {
      report(CodecIssue::UnknownKind, record_no, 2, form->family == Family::Notice ? "帳票レコード種別" : "レコード種別コード",
             kind, "", "", "");
      errors = true;
    }
  } else {
    layout = form->kinds[0].second;
  }
  if (form != nullptr && !data_type_checked_) {
    data_type_checked_ = true;
    if (summary_.has_control && control_.data_type() != form->data_type) {
      auto saved = line_no_;
      line_no_ = control_.line;
      report(CodecIssue::DataTypeMismatch, parse_record_no(control_.item(2)), 5, "データ種別", control_.data_type(),
             form->code, form->data_type, "");
      line_no_ = saved;
    }
  }
  std::size_t n = items.size();
  if (layout != nullptr) {
    errors = !check_count(*layout, n, items, record_no) || errors;
    if (check_items_) errors = !check_items(*layout, items.first(n), record_no, false) || errors;
  }
  items = items.first(n);

  // Group into documents.
  if (form == nullptr || form->key_items.empty()) {
    emit_current();
    current_.reset();
    current_.form = form;
    current_.code = std::string(items[0]);
    current_.key = DocumentKey::of({current_.code});
    current_.add(line_no_, record_no, layout, kind, line_text_, items, errors);
    current_open_ = true;
    emit_current();
    return;
  }
  if (current_open_ && current_.form == form && same_key(form, items, current_.records().front())) {
    current_.add(line_no_, record_no, layout, kind, line_text_, items, errors);
    return;
  }
  build_key(form, items, key_);
  if (!split_.empty() && split_.contains(key_hash(form, items))) {
    auto h = key_hash(form, items);
    auto it = held_index_.find(h);
    Document* doc;
    if (it == held_index_.end()) {
      held_.push_back(std::make_unique<Document>());
      held_index_[h] = held_.size() - 1;
      doc = held_.back().get();
      doc->form = form;
      doc->code = std::string(items[0]);
      doc->key = key_;
    } else {
      doc = held_[it->second].get();
    }
    doc->add(line_no_, record_no, layout, kind, line_text_, items, errors);
    return;
  }
  if (!current_open_ || current_.key != key_) {
    emit_current();
    current_.reset();
    current_.form = form;
    current_.code = std::string(items[0]);
    current_.key = key_;
    current_open_ = true;
  }
  current_.add(line_no_, record_no, layout, kind, line_text_, items, errors);
}

void Parser::end(const std::vector<std::string_view>& cols) {
  std::size_t n = cols.size();
  if (n == 3 && cols[2].empty()) n = 2;
  if (n != 2) report(CodecIssue::ItemCount, parse_record_no(cols.size() > 1 ? cols[1] : ""), 0, "エンドレコード", "",
                     fmt::to_string(n), "2", "");
  summary_.has_end = true;
}

void Parser::emit_current() {
  if (!current_open_) return;
  emit(current_);
  current_open_ = false;
}

// A 明細書 has exactly one 基本 record: more means the same claim was written twice.
void Parser::emit(const Document& doc) {
  if (doc.form != nullptr && doc.form->family == Family::Statement) {
    int bases = 0;
    for (const auto& r : doc.records()) {
      if (r.kind != "01" || ++bases < 2) continue;
      auto saved = line_no_;
      line_no_ = r.line;
      report(CodecIssue::RepeatedDocument, r.record_no, 0, "", "", fmt::to_string(bases), "", "");
      line_no_ = saved;
    }
  }
  ++summary_.documents;
  sink_.on_document(doc);
}

void Parser::finish() {
  if (!saw_any_line_) {
    report(CodecIssue::EmptyFile, 0, 0, "", "", "", "", "");
  } else if (!summary_.has_end) {
    report(CodecIssue::EndMissing, 0, 0, "", "", "", "", "");
  }
  emit_current();
  for (auto& doc : held_) emit(*doc);
  if (summary_.has_control) {
    auto written = control_.record_count();
    if (written != fmt::to_string(summary_.data_records) &&
        !(is_zero(written) && summary_.data_records == 0)) {
      // Leading zeros ("0000000012") are accepted.
      std::string_view w = written;
      while (w.size() > 1 && w[0] == '0') w.remove_prefix(1);
      if (w != fmt::to_string(summary_.data_records)) {
        auto saved = line_no_;
        line_no_ = control_.line;
        report(CodecIssue::RecordCount, parse_record_no(control_.item(2)), 4, "レコード件数", written,
               fmt::to_string(summary_.data_records), "", "");
        line_no_ = saved;
      }
    }
  }
  summary_.ends_with_crlf = all_crlf_;
  sink_.on_finish(summary_);
}

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

FilePtr open_or_throw(const std::filesystem::path& path) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    throw std::runtime_error(fmt::format("ファイルを開けません: {} / cannot open file: {} ({})", path.string(),
                                         path.string(), std::strerror(errno)));
  }
  return f;
}

}  // namespace

void read_bytes(std::string_view file_name, std::string_view bytes, Sink& sink, const ReadOptions& options) {
  HashSet split;
  if (options.regroup) {
    MemoryLines pre(bytes, options.max_line_bytes);
    split = find_split_keys(pre);
  }
  MemoryLines lines(bytes, options.max_line_bytes);
  Parser parser(std::string(file_name), sink, std::move(split), options.check_items);
  parser.run(lines);
}

void read_file(const std::filesystem::path& path, Sink& sink, const ReadOptions& options) {
  HashSet split;
  if (options.regroup) {
    auto f = open_or_throw(path);
    FileLines pre(f.get(), options.chunk_bytes, options.max_line_bytes);
    split = find_split_keys(pre);
  }
  auto f = open_or_throw(path);
  FileLines lines(f.get(), options.chunk_bytes, options.max_line_bytes);
  Parser parser(path.filename().string(), sink, std::move(split), options.check_items);
  parser.run(lines);
}

}  // namespace kaigo::exchange
