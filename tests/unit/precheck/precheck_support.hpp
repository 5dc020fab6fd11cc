// Helpers of the pre-check tests: the masters and the fixture ledgers loaded once, fixture files
// as UTF-8 text that a test edits item by item (records renumbered, control count kept right),
// and matchers for the exact error rows.
#pragma once
#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/master/masters.hpp"
#include "kaigo/precheck/precheck.hpp"

namespace kaigo::precheck::testing {

// Bundled masters and the ledgers of tests/fixtures/precheck.
struct World {
  master::Masters masters;
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
  // Every check on, receiving processing month `month`.
  PrecheckContext context(YearMonth month = {2026, 5}) const;
};
const World& world();

// An office ledger from CSV rows (after the header of DESIGN §3.2).
master::OfficeLedger offices_from(std::string_view rows);
master::InsurerLedger insurers_from(std::string_view rows);

// tests/fixtures/exchange/<code>.csv as UTF-8 text with LF.
std::string fixture_text(std::string_view code);

// Lines of a text (1-based access) and back; an edited file gets its レコード番号, control
// レコード件数 and end record number recomputed by renumber().
std::vector<std::string> lines_of(std::string_view text);
std::string text_of(const std::vector<std::string>& lines);
std::string renumber(std::string_view text);

// Sets item `item_no` (項番: data records count from the 交換情報識別番号, the control record from
// レコード種別) of physical line `line`.
std::string with_item(std::string_view text, std::size_t line, int item_no, std::string_view value);
// Replaces `from` by `to` exactly once (fails the test otherwise).
std::string replace_once(std::string_view text, std::string_view from, std::string_view to);

// Checks the UTF-8 text as the official bytes (CP932, CRLF).
FileResult check_text(std::string_view utf8, const PrecheckContext& context, std::string_view name = "KK260501.CSV");
// The same with every check on (the world's context).
FileResult check(std::string_view utf8);

// The codes of all rows, sorted, with repetitions (for exact expectations).
std::multiset<std::string> codes_of(const FileResult& r);
std::string dump(const FileResult& r);  // every row, for failure messages

// The one row with `code` on `line` (about item `item_no` unless it is -1); fails when there is
// not exactly one.
const ErrorRow* row_at(const FileResult& r, std::string_view code, std::uint64_t line, int item_no = -1);

// Expects the one row with `code` on `line` to say `message_ja`.
void expect_message(const FileResult& r, std::string_view code, std::uint64_t line, std::string_view message_ja);

// Expects exactly one row with `code` on `line` about item `item_no`, named `item_name` with
// `value`, at `level`.
void expect_row(const FileResult& r, Level level, std::string_view code, std::uint64_t line, int item_no,
                std::string_view item_name, std::string_view value);

// A row a test expects: its code, line, item (項番 and name) and value.
struct ExpectedRow {
  std::string_view code;
  std::uint64_t line;
  int item_no;
  std::string_view item_name;
  std::string_view value;
};

// Expects each of `rows` as a 様式エラー (expect_row) and no other row: the codes of the file's rows
// are exactly theirs. The caller's file and line name a failure (see test_support.hpp's run_kaigo_ok).
void expect_only_format_rows(const FileResult& r, std::initializer_list<ExpectedRow> rows,
                             const char* file = __builtin_FILE(), int line = __builtin_LINE());

}  // namespace kaigo::precheck::testing
