// report/notice_file — a notice as its official result file (claims-format.md §7): CP932, CRLF,
// control record, 帳票レコード, end record, written through exchange::Writer and read back through
// exchange's reader, so that a notice can be printed from a result file on disk.
// Owns: the mapping Notice ⇄ file. Must not: change any value on the way.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "kaigo/report/notice.hpp"

namespace kaigo::report {

// The official bytes of the notice: the control record carries the form's データ種別, the office
// number and the month as 処理対象年月. Throws std::invalid_argument for an inconsistent notice or
// a character with no CP932 form.
std::string csv_bytes(const Notice& notice);
// Writes csv_bytes atomically (temporary file + rename).
void write_csv(const Notice& notice, const std::filesystem::path& path);

// Notice::print_values beside the result file: `7513.CSV` → `7513.values.tsv` (UTF-8, a
// `name<TAB>value` header, one value per line, by name). Not an official file: only the printing
// reads it. write_print_values writes nothing (and returns nullopt) for a notice without values.
std::filesystem::path print_values_path(const std::filesystem::path& csv_path);
std::optional<std::filesystem::path> write_print_values(const Notice& notice, const std::filesystem::path& csv_path);

// Reads a result file, with the print values kept beside it when there are any. Throws
// std::runtime_error (Japanese / English) when the file cannot be read, has a format error, holds
// no notice or holds records of more than one form, or when its print values are malformed.
Notice read_notice(const std::filesystem::path& path);
Notice read_notice_bytes(std::string_view file_name, std::string_view bytes);

}  // namespace kaigo::report
