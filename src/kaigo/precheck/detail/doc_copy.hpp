// precheck/doc_copy — copies of a document's records into another document: the copies of a
// document the file holds twice (the reader merges them under one key), and records kept until the
// end of the file.
// Owns: splitting a document into its copies. Must not: judge them.
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "kaigo/exchange/document.hpp"

namespace kaigo::precheck {

// Appends a copy of `r` to `to`.
void copy_record(exchange::Document& to, const exchange::Record& r);

// The copies of a document. A 明細書 has one 基本 (01) record and a 様式第七 or 給付管理票 one
// closing 99 line per copy; with only one, the document itself is its only copy (no copying).
class Copies {
 public:
  explicit Copies(const exchange::Document& doc);
  std::size_t size() const { return parts_.empty() ? 1 : parts_.size(); }
  const exchange::Document& operator[](std::size_t i) const { return parts_.empty() ? doc_ : *parts_[i]; }

 private:
  const exchange::Document& doc_;
  std::vector<std::unique_ptr<exchange::Document>> parts_;
};

}  // namespace kaigo::precheck
