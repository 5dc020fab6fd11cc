// platform/linkage — the municipal linkage file (DESIGN §3.6, docs/platform.md): UTF-8 CSV with a
// header row; each row is update_kind (1 新規, 2 更新, 3 削除), insurer_no, insured_no, kind,
// record_id, effective_on, then the columns of its kind (columns.tsv). The reader streams the rows
// and checks each whole — every item against its type, code list and the date order of its kind
// — naming line, item, Japanese and English; a problem with the file itself (not UTF-8, no header)
// is found before any row.
// Owns: reading and checking. Must not: touch the store or decide anything about existing
// records (apply does); never keeps or echoes a My Number.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/platform/codes.hpp"
#include "kaigo/platform/kinds.hpp"
#include "kaigo/platform/record.hpp"

namespace kaigo::platform {

// The six columns every row begins with.
inline constexpr std::string_view kFixedColumns[] = {"update_kind", "insurer_no", "insured_no",
                                                     "kind",        "record_id",  "effective_on"};
inline constexpr std::size_t kMaxLineBytes = 65536;

// One good row.
struct LinkageRow {
  std::uint64_t line = 0;
  UpdateKind update = UpdateKind::New;
  PersonId person;
  const KindSpec* kind = nullptr;
  std::string record_id;
  Date effective_on;
  std::vector<std::string> values;  // one per column of the kind ("" = not set); empty for a bare 削除
};

class LinkageReader {
 public:
  // `bytes` must outlive the reader.
  explicit LinkageReader(std::string_view bytes);

  // The problem with the file as a whole (PL01 not UTF-8, PL02 header, PL03 no rows), or none.
  const std::optional<LinkageError>& file_error() const { return file_error_; }
  // The kind the header names columns of, when it names any (then every row is of that kind).
  const KindSpec* header_kind() const { return header_kind_; }

  // Reads the next data row. False at the end of the file. Otherwise `errors` is cleared and
  // filled with every problem of the line; `row` holds the row when there are none.
  bool next(LinkageRow& row, std::vector<LinkageError>& errors);

 private:
  void read_header();
  std::string_view rest_;
  std::uint64_t line_ = 0;
  bool any_row_ = false;
  std::optional<LinkageError> file_error_;
  const KindSpec* header_kind_ = nullptr;
};

// The stored form of a good row's values: one JSON object of the kind's columns that are set
// (keys sorted), without the My Number.
std::string record_data(const LinkageRow& row);

}  // namespace kaigo::platform
