#include "kaigo/precheck/detail/findings.hpp"

#include <fmt/format.h>

#include "kaigo/core/error_codes.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::precheck {
namespace {

// 項番 of the identity items per family: 提供年月, 事業所番号, 証記載保険者番号, 被保険者番号.
struct IdentityItems {
  int month, office, insurer, insured;
};

std::optional<IdentityItems> identity_items(const exchange::Form* form) {
  if (form == nullptr) return std::nullopt;
  switch (form->family) {
    case exchange::Family::Statement: return IdentityItems{3, 4, 5, 6};
    case exchange::Family::CarePlan: return IdentityItems{4, 2, 5, 7};
    case exchange::Family::Plan: return IdentityItems{2, 4, 3, 9};
    case exchange::Family::Invoice: return IdentityItems{2, 3, 0, 0};
    case exchange::Family::Appeal: return IdentityItems{7, 4, 5, 6};
    case exchange::Family::Notice: return std::nullopt;
  }
  return std::nullopt;
}


std::string item_text(const exchange::Record& r, int no) { return no > 0 ? text::printable(r.item(no)) : std::string(); }

// The bytes of the サービス種類 a record is about (see record_service_type).
std::string_view raw_service_type(const exchange::Form* form, const exchange::Record& r) {
  if (form == nullptr) return {};
  switch (form->family) {
    case exchange::Family::Statement:
      if (r.kind == "02" || r.kind == "10" || r.kind == "14") return r.item(7);
      if (r.kind == "12") return r.item(8);
      return {};
    case exchange::Family::CarePlan: return r.item(17).substr(0, 2);
    case exchange::Family::Plan: return r.item(8) == "99" ? std::string_view() : r.item(19);
    default: return {};
  }
}

}  // namespace

std::string record_service_type(const exchange::Form* form, const exchange::Record& r) {
  return text::printable(raw_service_type(form, r));
}

DocInfo doc_info(const exchange::Document& doc) {
  DocInfo info;
  info.form = doc.form;
  info.key = doc.key.printable();
  if (doc.records().empty()) return info;
  const exchange::Record& first = doc.records().front();
  auto ids = identity_items(doc.form);
  if (ids) {
    info.service_month = item_text(first, ids->month);
    info.office_no = item_text(first, ids->office);
    info.insurer_no = item_text(first, ids->insurer);
    info.insured_no = item_text(first, ids->insured);
  }
  info.form_kind = doc.form != nullptr && doc.form->family == exchange::Family::Plan ? "給付" : "請求";
  std::string_view single;
  for (const auto& r : doc.records()) {
    std::string_view t = raw_service_type(doc.form, r);
    if (t.empty() || t == single) continue;
    if (!single.empty()) return info;  // several types: none is the document's
    single = t;
  }
  info.single_type = text::printable(single);
  return info;
}

void Findings::add(Level level, std::string_view code, const DocInfo* doc, const exchange::Record* record,
                   int item_no, std::string_view detail_ja, std::string_view detail_en) {
  ErrorRow row;
  row.level = level;
  row.code = std::string(code);
  row.file = out_.file;
  const ErrorCode* t = find_error_code(code);
  std::string_view title_ja = t ? t->title_ja : std::string_view(code);
  std::string_view title_en = t ? t->title_en : std::string_view(code);
  row.message_ja = detail_ja.empty() ? std::string(title_ja) : fmt::format("{}（{}）", title_ja, detail_ja);
  row.message_en = detail_en.empty() ? std::string(title_en) : fmt::format("{} ({})", title_en, detail_en);
  if (doc != nullptr) {
    row.form_kind = doc->form_kind;
    row.service_month = doc->service_month;
    row.insurer_no = doc->insurer_no;
    row.insured_no = doc->insured_no;
    row.service_type = doc->single_type;
    row.document_key = doc->key;
  }
  if (record != nullptr) {
    row.line = record->line;
    row.record_no = record->record_no;
    if (doc != nullptr) {
      std::string type = record_service_type(doc->form, *record);
      if (!type.empty()) row.service_type = std::move(type);
    }
    if (item_no > 0 && record->layout != nullptr && item_no <= record->layout->count()) {
      row.item_no = item_no;
      row.item_name = record->layout->item(item_no).name;
      row.value = item_text(*record, item_no);
    }
  }
  add_row(std::move(row));
}

void Findings::add_row(ErrorRow row) {
  ++out_.error_count;
  ++out_.level_counts[static_cast<std::size_t>(row.level)];
  if (out_.errors.size() < max_rows_) out_.errors.push_back(std::move(row));
}

}  // namespace kaigo::precheck
