// portal/receipt — the receipts (領収書) of a 助成金 application as the applicant enters them, one
// line per purpose (seed 003 2-5: an itemized receipt names each purpose on its own line, separate
// receipts each name theirs), and what a line says once read: which eligible item its purpose names
// (カードリーダー, 設定費用 …, by the words of purposes.tsv), how many card readers (台数, from the
// count given or "2台" in the text), and its 内訳 (税抜金額 + 消費税等: given, or derived from the
// tax-inclusive amount — the 15,400 円 receipt reads as 14,000 + 1,400). Amounts include the
// consumption tax, which the subsidy covers (seed 000 §2 (注)).
// Owns: reading lines and the receipts file. Must not: cap or add up amounts (computation does).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/diagnostic.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/portal/finding.hpp"
#include "kaigo/portal/scheme.hpp"

namespace kaigo::portal {

// 領収書の明細 — one purpose of one receipt.
struct ReceiptLine {
  int receipt = 1;                // 領収書番号: the lines of one itemized receipt share it
  Date issued_on;                 // 発行日
  std::optional<Date> done_on;    // 実施日 (購入・設定); the 発行日 when not given
  std::string purpose;            // 但し書き / 用途, as written (may be empty: then it is returned)
  std::optional<int> count;       // 台数, when given apart from the text
  Yen amount;                     // 金額（税込）
  std::optional<Yen> net;         // 内訳: 税抜金額
  std::optional<Yen> tax;         // 内訳: 消費税等
  std::uint64_t source_line = 0;  // line of the receipts file (0 when entered through the API)

  Date work_day() const { return done_on.value_or(issued_on); }
};

// A line once read.
struct LineReading {
  std::optional<ItemKind> kind;  // the item its purpose names (none: returned)
  std::optional<int> count;      // 台数 (card readers)
  Yen net, tax;                  // 内訳, as given or derived
  bool derived = false;          // the 内訳 was derived from the amount
  Findings findings;             // why it would be returned
};

// Reads line `position` (1-based) against the purpose words and the scheme's tax rate.
// Returned (KH10–KH14): no purpose named; two purposes on one line; card readers without 台数;
// two different 台数; a 内訳 that does not add up to the amount.
LineReading read_line(const ReceiptLine& line, int position, const Schemes& schemes, int tax_percent);

// The 台数 written in a text: the number before 「台」 ("カードリーダー2台分" → 2, full-width digits
// and a space before 台 accepted); none when the text has no such number or two different ones.
std::optional<int> count_in_text(std::string_view text);

// 消費税等 contained in a tax-inclusive amount: floor(amount × p / (100 + p)) (内税, 1円未満切捨て).
Yen tax_included(Yen amount, int tax_percent);

// The receipts file (UTF-8 CSV with a header): receipt,issued_on,purpose,amount and, optionally,
// count,net,tax,done_on. An empty purpose is accepted here (the decision returns it); every other
// problem names the file, line and column, and no line is taken from a file that has one.
struct ReceiptsFile {
  std::vector<ReceiptLine> lines;
  Diagnostics diagnostics;
  bool ok() const { return !lines.empty() && diagnostics.empty(); }
};
ReceiptsFile parse_receipts(std::string_view text, const std::string& file_name);

}  // namespace kaigo::portal
