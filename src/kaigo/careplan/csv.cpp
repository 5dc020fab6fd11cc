#include "kaigo/careplan/csv.hpp"

#include <algorithm>
#include <cstring>

namespace kaigo::careplan {

std::uint64_t CsvRecord::line_of(std::size_t field) const {
  if (field >= offsets.size()) return line;
  auto upto = raw.substr(0, offsets[field]);
  return line + static_cast<std::uint64_t>(std::count(upto.begin(), upto.end(), '\n'));
}

CsvSource::CsvSource(exchange::LineSource& lines, std::size_t max_record_bytes)
    : lines_(lines), max_record_(max_record_bytes) {}

void CsvSource::issue(CsvProblem p, std::size_t field, std::string_view buf, const CsvRecord& r) {
  auto upto = buf.substr(0, std::min(field_start_, buf.size()));
  issues_.push_back({p, field, r.line + static_cast<std::uint64_t>(std::count(upto.begin(), upto.end(), '\n'))});
}

void CsvSource::push_field(std::size_t end, CsvRecord& r) {
  r.offsets.push_back(static_cast<std::uint32_t>(field_start_));
  ends_.push_back(static_cast<std::uint32_t>(end));
  r.quoted.push_back(field_quoted_ ? 1 : 0);
  escaped_.push_back(field_escaped_ ? 1 : 0);
  field_quoted_ = false;
  field_escaped_ = false;
}

bool CsvSource::parse(std::string_view buf, CsvRecord& r) {
  const char* const data = buf.data();
  const std::size_t n = buf.size();
  std::size_t i = pos_;
  // Inside an item, jump to the next character that matters (a comma, a quote) instead of
  // stepping through the state machine byte by byte.
  auto skip_plain = [&] {
    while (i < n && data[i] != ',' && data[i] != '"') ++i;
  };
  while (i < n) {
    char c = data[i];
    switch (state_) {
      case State::FieldStart:
        if (c == '"') {
          field_start_ = i + 1;
          field_quoted_ = true;
          state_ = State::Quoted;
        } else {
          field_start_ = i;
          if (c == ',') {
            push_field(i, r);
          } else {
            state_ = State::Unquoted;
            ++i;
            skip_plain();
            continue;
          }
        }
        break;
      case State::Unquoted:
        if (c == ',') {
          push_field(i, r);
          state_ = State::FieldStart;
        } else if (c == '"') {
          issue(CsvProblem::BadQuote, r.offsets.size(), buf, r);
          ++i;
          skip_plain();
          continue;
        }
        break;
      case State::Quoted: {
        const void* q = std::memchr(data + i, '"', n - i);
        if (q == nullptr) {
          i = n;
          continue;
        }
        i = static_cast<std::size_t>(static_cast<const char*>(q) - data);
        state_ = State::QuoteSeen;
        break;
      }
      case State::QuoteSeen:
        if (c == '"') {
          field_escaped_ = true;
          state_ = State::Quoted;
        } else if (c == ',') {
          push_field(i - 1, r);
          state_ = State::FieldStart;
        } else {
          // Text after the closing quote: keep the item raw, from its opening quote.
          issue(CsvProblem::BadQuote, r.offsets.size(), buf, r);
          field_start_ -= 1;
          field_quoted_ = false;
          field_escaped_ = false;
          state_ = State::AfterClose;
        }
        break;
      case State::AfterClose:
        if (c == ',') {
          push_field(i, r);
          state_ = State::FieldStart;
        }
        break;
    }
    ++i;
  }
  pos_ = buf.size();
  switch (state_) {
    case State::Quoted: return false;
    case State::FieldStart: field_start_ = buf.size(); push_field(buf.size(), r); break;
    case State::QuoteSeen: push_field(buf.size() - 1, r); break;
    case State::Unquoted:
    case State::AfterClose: push_field(buf.size(), r); break;
  }
  return true;
}

void CsvSource::finish_values(std::string_view buf, CsvRecord& r) {
  r.raw = buf;
  r.fields.clear();
  unescaped_.clear();
  unescaped_.reserve(buf.size());  // never reallocates below: views into it stay valid
  for (std::size_t k = 0; k < ends_.size(); ++k) {
    std::string_view v = buf.substr(r.offsets[k], ends_[k] - r.offsets[k]);
    if (escaped_[k] != 0) {
      std::size_t start = unescaped_.size();
      for (std::size_t i = 0; i < v.size(); ++i) {
        unescaped_.push_back(v[i]);
        if (v[i] == '"') ++i;  // "" → "
      }
      v = std::string_view(unescaped_).substr(start);
    }
    r.fields.push_back(v);
  }
  // Offsets of quoted items point at their first character; make them point at the item.
  for (std::size_t k = 0; k < r.offsets.size(); ++k) {
    if (r.quoted[k] != 0 && r.offsets[k] > 0) --r.offsets[k];
  }
}

bool CsvSource::next(CsvRecord& r) {
  issues_.clear();
  if (done_) return false;
  exchange::Line line;
  if (!lines_.next(line)) return false;
  ++line_no_;
  r.line = r.end_line = line_no_;
  r.offsets.clear();
  r.quoted.clear();
  ends_.clear();
  escaped_.clear();
  state_ = State::FieldStart;
  pos_ = 0;
  field_quoted_ = field_escaped_ = false;
  r.crlf = line.crlf;
  r.terminated = line.terminated;
  if (line.too_long) {
    issues_.push_back({CsvProblem::TooLong, 0, line_no_});
    if (std::memchr(line.text.data(), '"', line.text.size()) != nullptr) done_ = true;  // cannot resynchronise
    r.raw = {};
    r.fields.clear();
    return true;
  }
  std::string_view buf = line.text;
  if (parse(buf, r)) {
    finish_values(buf, r);
    return true;
  }
  // A quoted item goes on over the line break: gather the lines of the record.
  joined_.assign(buf);
  while (true) {
    std::string_view line_break = line.crlf ? "\r\n" : "\n";
    if (!line.terminated || !lines_.next(line)) return unterminated(r);
    ++line_no_;
    r.end_line = line_no_;
    r.crlf = line.crlf;
    r.terminated = line.terminated;
    if (line.too_long || joined_.size() + line_break.size() + line.text.size() > max_record_) {
      issues_.push_back({CsvProblem::TooLong, r.offsets.size(), r.line});
      done_ = true;
      r.raw = {};
      r.fields.clear();
      r.offsets.clear();
      r.quoted.clear();
      return true;
    }
    joined_ += line_break;
    joined_ += line.text;
    if (parse(joined_, r)) {
      finish_values(joined_, r);
      return true;
    }
  }
}

bool CsvSource::unterminated(CsvRecord& r) {
  issue(CsvProblem::Unterminated, r.offsets.size(), joined_, r);
  done_ = true;
  push_field(joined_.size(), r);
  finish_values(joined_, r);
  r.terminated = false;
  return true;
}

void append_field(std::string& out, std::string_view value, bool quote) {
  if (!quote) {
    out += value;
    return;
  }
  out += '"';
  std::size_t start = 0;
  while (true) {
    std::size_t q = value.find('"', start);
    if (q == std::string_view::npos) break;
    out.append(value.substr(start, q - start + 1));
    out += '"';
    start = q + 1;
  }
  out.append(value.substr(start));
  out += '"';
}

}  // namespace kaigo::careplan
