#include "kaigo/exchange/document_key.hpp"

#include <stdexcept>

#include "kaigo/core/fixed_text.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::exchange {

DocumentKey DocumentKey::of(std::initializer_list<std::string_view> values) {
  DocumentKey k;
  for (auto v : values) k.push_back(v);
  return k;
}

void DocumentKey::push_back(std::string_view value) {
  if (count_ == kMaxValues) throw std::length_error("DocumentKey: more than 16 values");
  values_ += value;
  ends_[count_++] = static_cast<std::uint32_t>(values_.size());
}

void DocumentKey::clear() {
  values_.clear();
  count_ = 0;
}

std::string_view DocumentKey::operator[](std::size_t i) const {
  const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(values_).substr(begin, ends_[i] - begin);
}

std::string DocumentKey::text() const {
  std::string out;
  append_text(out);
  return out;
}

void DocumentKey::append_text(std::string& out) const {
  out.reserve(out.size() + values_.size() + count_);
  for (std::size_t i = 0; i < count_; ++i) {
    if (i > 0) out += '|';
    // A value hardly ever holds a separator: the runs between them are appended whole (a character
    // at a time, this was 2 % of a month's submit).
    const auto v = (*this)[i];
    std::size_t from = 0;
    for (std::size_t j = 0; j < v.size(); ++j) {
      if (v[j] != '|' && v[j] != '\\') continue;
      out.append(v.substr(from, j - from));
      out += '\\';
      from = j;  // the separator itself starts the next run
    }
    out.append(v.substr(from));
  }
}

std::optional<DocumentKey> DocumentKey::from_text(std::string_view text) {
  DocumentKey k;
  if (text.empty()) return k;
  std::string value;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      if (++i == text.size()) return std::nullopt;
      value += text[i];
    } else if (c == '|') {
      if (k.count_ + 1 == kMaxValues) return std::nullopt;
      k.push_back(value);
      value.clear();
    } else {
      value += c;
    }
  }
  k.push_back(value);
  return k;
}

std::strong_ordering operator<=>(const DocumentKey& a, const DocumentKey& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (auto c = a[i].compare(b[i]); c != 0) return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  return a.size() <=> b.size();
}

DocumentKey DocumentKey::printable() const {
  if (is_ascii()) return *this;  // one copy, not one string per value
  DocumentKey out;
  for (std::size_t i = 0; i < count_; ++i) out.push_back(text::printable((*this)[i]));
  return out;
}

bool DocumentKey::is_ascii() const { return text::is_ascii(values_); }

std::size_t DocumentKey::hash() const {
  KeyHasher h;
  for (std::size_t i = 0; i < count_; ++i) h.add((*this)[i]);
  return h.value();
}

}  // namespace kaigo::exchange
