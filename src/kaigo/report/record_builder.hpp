// report/record_builder — one 帳票レコード filled item by item in the form its layout asks for:
// numbers in decimal with a sign, 年月 / 年月日 as YYYYMM / YYYYMMDD, 漢字 texts in full width and
// every text cut to the item's width (exchange/layouts/notice-*.tsv). Items not set stay empty
// (予備, or 0 not printed).
// Owns: the written form of a value. Must not: compute values.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/report/notice.hpp"

namespace kaigo::report {

class RecordBuilder {
 public:
  // Throws std::invalid_argument when the form has no such record kind.
  RecordBuilder(std::string_view form, std::string_view kind);

  RecordBuilder& text(int no, std::string_view utf8);
  RecordBuilder& number(int no, std::int64_t value);
  RecordBuilder& units(int no, Units u) { return number(no, u.value); }
  RecordBuilder& yen(int no, Yen y) { return number(no, y.value); }
  RecordBuilder& month(int no, YearMonth m) { return text(no, m.str()); }
  RecordBuilder& date(int no, Date d) { return text(no, d.str()); }

  NoticeRecord done() { return std::move(record_); }

 private:
  const exchange::RecordLayout* layout_;
  NoticeRecord record_;
};

}  // namespace kaigo::report
