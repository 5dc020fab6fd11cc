#include "kaigo/precheck/detail/doc_copy.hpp"

#include <algorithm>
#include <optional>

namespace kaigo::precheck {
namespace {

enum class Cut { Before, After };

// Where copies start or end: a 明細書 copy starts at its 基本 record, a 様式第七 / 給付管理票 copy
// ends with its 99 line.
struct Boundary {
  Cut cut;
  bool (*is)(const exchange::Record&);
};

std::optional<Boundary> boundary_of(const exchange::Form* form) {
  if (form == nullptr) return std::nullopt;
  switch (form->family) {
    case exchange::Family::Statement: return Boundary{Cut::Before, [](const exchange::Record& r) { return r.kind == "01"; }};
    case exchange::Family::CarePlan: return Boundary{Cut::After, [](const exchange::Record& r) { return r.item(16) == "99"; }};
    case exchange::Family::Plan: return Boundary{Cut::After, [](const exchange::Record& r) { return r.item(8) == "99"; }};
    default: return std::nullopt;
  }
}

}  // namespace

void copy_record(exchange::Document& to, const exchange::Record& r) {
  // The items are views into one copy of the record's line: pass the span they cover as its text.
  const char* lo = nullptr;
  const char* hi = nullptr;
  for (auto v : r.items) {
    if (v.empty()) continue;
    lo = lo == nullptr ? v.data() : std::min(lo, v.data());
    hi = std::max(hi == nullptr ? v.data() : hi, v.data() + v.size());
  }
  std::string_view text = lo == nullptr ? std::string_view{} : std::string_view(lo, static_cast<std::size_t>(hi - lo));
  to.add(r.line, r.record_no, r.layout, r.kind, text, r.items, r.has_errors);
}

Copies::Copies(const exchange::Document& doc) : doc_(doc) {
  auto b = boundary_of(doc.form);
  if (!b) return;
  auto marks = std::count_if(doc.records().begin(), doc.records().end(), b->is);
  if (marks < 2) return;
  auto start = [&] {
    parts_.push_back(std::make_unique<exchange::Document>());
    auto& d = *parts_.back();
    d.form = doc.form;
    d.code = doc.code;
    d.key = doc.key;
  };
  bool open = false;
  for (const auto& r : doc.records()) {
    bool mark = b->is(r);
    if (!open || (mark && b->cut == Cut::Before && !parts_.back()->records().empty() &&
                  std::any_of(parts_.back()->records().begin(), parts_.back()->records().end(), b->is))) {
      start();
      open = true;
    }
    copy_record(*parts_.back(), r);
    if (mark && b->cut == Cut::After) open = false;
  }
  // Lines after the last 99 belong to the last copy, not to a copy of their own.
  if (b->cut == Cut::After && parts_.size() > static_cast<std::size_t>(marks)) {
    auto tail = std::move(parts_.back());
    parts_.pop_back();
    for (const auto& r : tail->records()) copy_record(*parts_.back(), r);
  }
}

}  // namespace kaigo::precheck
