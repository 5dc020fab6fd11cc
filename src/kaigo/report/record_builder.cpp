#include "kaigo/report/record_builder.hpp"

#include <fmt/format.h>
#include <stdexcept>

#include "kaigo/report/kanji.hpp"

namespace kaigo::report {

RecordBuilder::RecordBuilder(std::string_view form, std::string_view kind) {
  const auto* f = exchange::Registry::instance().form(form);
  layout_ = f ? f->layout_for(kind) : nullptr;
  if (!layout_)
    throw std::invalid_argument(fmt::format("{} に帳票レコード {} はありません / {} has no record kind {}", form, kind, form, kind));
  record_.kind = std::string(kind);
  record_.items.resize(static_cast<std::size_t>(layout_->count() - 2));
}

RecordBuilder& RecordBuilder::text(int no, std::string_view utf8) {
  const auto& spec = layout_->item(no);
  std::string value;
  switch (spec.attr) {
    case text::CharClass::Kanji: value = fit_bytes(to_full_width(utf8), static_cast<std::size_t>(spec.max_bytes)); break;
    case text::CharClass::HalfKana: value = fit_bytes(to_half_width(utf8), static_cast<std::size_t>(spec.max_bytes)); break;
    default: value = std::string(utf8); break;  // codes and numbers are written as they are
  }
  record_.items.at(static_cast<std::size_t>(no - 3)) = std::move(value);
  return *this;
}

RecordBuilder& RecordBuilder::number(int no, std::int64_t value) {
  record_.items.at(static_cast<std::size_t>(no - 3)) = std::to_string(value);
  return *this;
}

}  // namespace kaigo::report
