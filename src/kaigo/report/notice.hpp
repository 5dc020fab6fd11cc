// report/notice — one printed notice of the 国保連 (帳票: 通知書・一覧表・内訳書) as a value: its
// 交換情報識別番号, the office, the month and the 帳票レコード (H1 header, D1 details, T1–T3 totals).
// Owns: the value type and its consistency with the record layouts and the page design.
// Must not: compute anything — the records are what review and settlement decided; this module
// only carries them to the official file and to paper.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"

namespace kaigo::report {

// 帳票レコード — one record of a result file, in UTF-8.
struct NoticeRecord {
  std::string kind;                // 帳票レコード種別: H1, D1, T1, T2, T3
  std::vector<std::string> items;  // 項番 3 … n (項番 1 is the form code, 項番 2 the kind)

  // The value of 項番 `no` (≥ 3), or empty when the record has no such item.
  std::string_view item(int no) const;
};

// 帳票 (通知書・一覧表) — the content of one result file of claims-format.md §7.
struct Notice {
  std::string form;                   // 交換情報識別番号, e.g. "7411"
  std::string office_no;              // 事業所番号
  std::string office_name;            // 事業所名
  YearMonth month;                    // 審査年月 (7611/7621/7631: 取扱年月) = 処理対象年月 of the file
  std::string kokuhoren;              // 国保連合会名 (the issuer)
  std::vector<NoticeRecord> records;  // in file order, H1 first
  // 印字のみの値 — amounts the printed 帳票 shows but the official record has no item for (the 7513
  // of seed 002 prints the ケアプランデータ連携システムライセンス料; the layout we have does not
  // carry it). Kept beside the result file (notice_file), printed through {@name} in the design.
  std::map<std::string, std::string> print_values;
};

// Builds a notice from its records, taking the office, month and issuer from the H1 record
// (which items hold them is part of the form's page design). Throws std::invalid_argument in
// Japanese and English when the notice is not consistent (see validate).
Notice make_notice(std::string form, std::vector<NoticeRecord> records);

// Checks that the form is a result form with a page design, that the first and only H1 record
// comes first, that every record kind belongs to the form and has exactly the layout's item count,
// and that the header fields agree with H1. Throws std::invalid_argument naming the record.
void validate(const Notice& notice);

}  // namespace kaigo::report
