// settlement/detail/one_row_per_claim — reading a file of requests about 明細書 (kago.csv,
// rereview.csv): each row read by the file's own reader, and a second row for a 明細書 the file
// already asks about refused with the file's own code, the 明細書 compared as the store matches it
// (ClaimKey: the 保険者番号 normalised by master::normalize_insurer_no).
// Owns: that loop. Must not: know either file's columns or rules.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaigo/billing/keys.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::settlement::detail {

// How a file refuses its second row for one 明細書.
struct SecondRowRefusal {
  std::size_t column;
  std::string_view code;
  std::string_view ja;
  std::string_view en;
};

// `read_row(RowReader&)` gives a request (with a billing::StatementKey `key`) or nullopt, having
// said why. The table is given only when every row was taken.
template <class Request, class ReadRow>
master::LoadResult<std::vector<Request>> load_one_row_per_claim(std::string_view text, const std::string& file_name,
                                                                const master::CsvSpec& spec, ReadRow read_row,
                                                                const SecondRowRefusal& second) {
  master::LoadResult<std::vector<Request>> result;
  master::CsvFile csv(text, file_name, spec, result.diagnostics);
  std::vector<Request> rows;
  std::set<billing::ClaimKey> seen;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    master::RowReader r(csv, i, result.diagnostics);
    auto request = read_row(r);
    if (!request) continue;
    const auto key = billing::ClaimKey::of(request->key);
    if (key && !seen.insert(*key).second) {
      r.fail(second.column, second.code, std::string(second.ja), std::string(second.en));
      continue;
    }
    rows.push_back(std::move(*request));
  }
  if (csv.ok() && result.diagnostics.empty()) result.table = std::move(rows);
  return result;
}

}  // namespace kaigo::settlement::detail
