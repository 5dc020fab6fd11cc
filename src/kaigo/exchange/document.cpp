#include "kaigo/exchange/document.hpp"

#include <cstring>

namespace kaigo::exchange {

const Record* Document::find(std::string_view kind) const {
  for (const auto& r : records()) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

Record& Document::add(std::uint64_t line, std::uint64_t record_no, const RecordLayout* layout, std::string_view kind,
                      std::string_view text, std::span<const std::string_view> items, bool errors) {
  if (used_ == records_.size()) records_.emplace_back();
  Record& r = records_[used_++];
  r.line = line;
  r.record_no = record_no;
  r.layout = layout;
  r.has_errors = errors;
  r.items.clear();
  std::string_view copy = arena_.copy(text);
  for (auto v : items) {
    if (v.empty()) {
      r.items.emplace_back();
      continue;
    }
    auto offset = static_cast<std::size_t>(v.data() - text.data());
    r.items.push_back(copy.substr(offset, v.size()));
  }
  r.kind = r.items.size() >= 2 && !kind.empty() ? r.items[1] : std::string_view{};
  has_errors = has_errors || errors;
  return r;
}

void Document::reset() {
  form = nullptr;
  code.clear();
  key.clear();
  has_errors = false;
  used_ = 0;
  arena_.reset();
}

}  // namespace kaigo::exchange
