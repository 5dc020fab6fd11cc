// careplan/check — `kaigo careplan check`: one care-plan file read (reader.hpp) and its rules
// applied (rules.hpp), answered like the pre-check's error list: per file its name parts, CSV
// version and counts; per finding the file, line, item (No. and 名称), value, code, severity,
// the person (保険者番号, 被保険者番号) and 対象年月, and the message in Japanese and English (the
// cause and remedy come from error_codes.tsv when the list is printed, check_list.hpp).
// Owns: putting reader and rules together into rows. Must not: print (check_list does) or keep files.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/careplan/file_name.hpp"
#include "kaigo/careplan/reader.hpp"
#include "kaigo/core/diagnostic.hpp"

namespace kaigo::careplan {

// One row of the check list. Text is UTF-8; fields that do not apply stay empty / 0.
struct CheckRow {
  Severity severity = Severity::Error;
  std::string code;        // CPnn
  std::string file;
  std::uint64_t line = 0;  // physical line; 0 = the file as a whole (e.g. its name)
  int item_no = 0;         // No. of the layout; 0 = the record or the file
  std::string item_name;
  std::string value;
  std::string insurer_no;  // 保険者番号 of the record
  std::string insured_no;  // 被保険者番号
  std::string month;       // 対象年月 of the file (YYYYMM), empty when the kind has none
  std::string message_ja;
  std::string message_en;
};

struct FileCheck {
  std::string file;
  std::string kind;    // e.g. "UPPLAN"; empty when the name gave none
  std::string title;   // ファイル名称
  std::optional<FileName> name;
  std::string version;  // CSVバージョン as written in the first record
  std::uint64_t bytes = 0;
  std::uint64_t lines = 0;
  std::uint64_t records = 0;
  std::uint64_t error_count = 0;    // every error found, also those beyond max_rows
  std::uint64_t warning_count = 0;
  bool refused = false;  // not readable to the end (UTF-8, an unterminated quote …)
  std::vector<CheckRow> rows;  // in line order; at most CheckOptions::max_rows

  bool truncated() const { return error_count + warning_count > rows.size(); }
  bool ok() const { return error_count == 0; }
};

struct CheckOptions {
  std::size_t max_rows = 10000;  // rows kept per file (the counts go on); bounds memory
  ReadOptions read;
  // Called for every record after its checks, with whether an error (the reader's or a record
  // rule's) names it — how the domain values are read (records.hpp).
  std::function<void(const Record&, bool has_errors)> on_record;
};

FileCheck check_bytes(std::string_view file_name, std::string_view bytes, const CheckOptions& options = {});
// Throws std::runtime_error (Japanese / English) only when the file cannot be opened or read.
FileCheck check_file(const std::filesystem::path& path, const CheckOptions& options = {});

}  // namespace kaigo::careplan
