// exchange/document — the records of one 交換情報 document as read from a file: a 明細書 with all its
// records, one 給付管理票, one 請求書 record, one 帳票 record. Values are the raw CP932 bytes of the
// items with optional quotes removed; nothing is interpreted here.
// Must not: hold business meaning (amount rules, ledgers) — billing builds its types from these.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/arena.hpp"

#include "kaigo/exchange/document_key.hpp"
#include "kaigo/exchange/layout.hpp"

namespace kaigo::exchange {

// One data record (データレコード) of a 交換情報 file.
struct Record {
  std::uint64_t line = 0;       // physical line number (1-based)
  std::uint64_t record_no = 0;  // レコード番号 as written (0 when not a number)
  const RecordLayout* layout = nullptr;  // nullptr when the code or kind is unknown
  std::string_view kind;        // レコード種別コード / 帳票レコード種別, empty when the form has none
  std::vector<std::string_view> items;   // 交換情報 items; items[0] is 項番 1 (交換情報識別番号)
  bool has_errors = false;

  // The value of 項番 `no`, or empty when the record has fewer items.
  std::string_view item(int no) const {
    return no >= 1 && static_cast<std::size_t>(no) <= items.size() ? items[static_cast<std::size_t>(no - 1)]
                                                                    : std::string_view{};
  }
};

// One document: all records sharing the form's key (Form::key_items), in file order.
class Document {
 public:
  const Form* form = nullptr;  // nullptr when the 交換情報識別番号 is unknown
  std::string code;            // 交換情報識別番号 as written
  DocumentKey key;
  bool has_errors = false;

  std::span<const Record> records() const { return {records_.data(), used_}; }
  std::uint64_t first_line() const { return used_ ? records_[0].line : 0; }
  // First record of the given kind, or nullptr.
  const Record* find(std::string_view kind) const;

  // Adds a record; `items` are views into `text` (the record's line), which is copied once into
  // this document's storage.
  Record& add(std::uint64_t line, std::uint64_t record_no, const RecordLayout* layout, std::string_view kind,
              std::string_view text, std::span<const std::string_view> items, bool has_errors);
  void reset();

 private:
  Arena arena_;
  std::vector<Record> records_;  // first used_ are live; the rest keep their capacity for reuse
  std::size_t used_ = 0;
};

}  // namespace kaigo::exchange
