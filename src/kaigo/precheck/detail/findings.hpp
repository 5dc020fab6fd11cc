// precheck/findings — turns a finding into an error-list row: the document's identity (様式,
// 提供年月, 保険者, 被保険者, サービス種類), the item's 項目名 and value, the message from the
// code table; keeps at most PrecheckContext::max_rows rows and counts the rest.
// Owns: the shape of a row. Must not: decide what is wrong.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/exchange/document.hpp"
#include "kaigo/precheck/precheck.hpp"

namespace kaigo::precheck {

// What every row about one document (or one copy of it) carries.
struct DocInfo {
  const exchange::Form* form = nullptr;
  std::string form_kind;      // 給付 / 請求
  std::string service_month;  // YYYYMM as written
  std::string office_no;
  std::string insurer_no;
  std::string insured_no;
  std::string single_type;    // the サービス種類 when the document has exactly one
  exchange::DocumentKey key;  // exchange::Document::key, its values in UTF-8
};

// The identity of a document of any family (items per claims-format §4.3, §4.16, §5, §6).
DocInfo doc_info(const exchange::Document& doc);

// The サービス種類 a record is about, or empty when it is about the whole document.
std::string record_service_type(const exchange::Form* form, const exchange::Record& r);

class Findings {
 public:
  Findings(FileResult& out, std::size_t max_rows) : out_(out), max_rows_(max_rows) {}

  // A row about item `item_no` of `record` (0 = the record as a whole) of the document `doc`
  // (nullptr = the file). The message is the code's エラー内容 followed by the detail.
  void add(Level level, std::string_view code, const DocInfo* doc, const exchange::Record* record, int item_no,
           std::string_view detail_ja = {}, std::string_view detail_en = {});
  // A row whose text is already complete (the reader's findings).
  void add_row(ErrorRow row);

  // Rows added so far (stored or not) — callers compare counts to know whether a step found any.
  std::uint64_t count() const { return out_.error_count; }

 private:
  FileResult& out_;
  std::size_t max_rows_;
};

}  // namespace kaigo::precheck
