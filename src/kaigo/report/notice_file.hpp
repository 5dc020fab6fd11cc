// report/notice_file — a notice as its official result file (claims-format.md §7): CP932, CRLF,
// control record, 帳票レコード, end record, written through exchange::Writer and read back through
// exchange's reader, so that a notice can be printed from a result file on disk.
// Owns: the mapping Notice ⇄ file. Must not: change any value on the way.
#pragma once
#include <filesystem>
#include <string>

#include "kaigo/report/notice.hpp"

namespace kaigo::report {

// The official bytes of the notice: the control record carries the form's データ種別, the office
// number and the month as 処理対象年月. Throws std::invalid_argument for an inconsistent notice or
// a character with no CP932 form.
std::string csv_bytes(const Notice& notice);
// Writes csv_bytes atomically (temporary file + rename).
void write_csv(const Notice& notice, const std::filesystem::path& path);

// Reads a result file. Throws std::runtime_error (Japanese / English) when the file cannot be read,
// has a format error, holds no notice or holds records of more than one form.
Notice read_notice(const std::filesystem::path& path);
Notice read_notice_bytes(std::string_view file_name, std::string_view bytes);

}  // namespace kaigo::report
