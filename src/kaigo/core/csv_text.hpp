// core/csv_text — CSV text for people's spreadsheets (UTF-8, RFC 4180): a field is quoted only when
// it holds a comma, a quote or a line break, quotes inside doubled; rows end in LF unless the file
// asks for CRLF. The lists the CLI prints with --format csv are written with it, and the CSV lists
// of the result files and of the go-live status.
// Must not: know any file format of the interface (exchange and careplan write those).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kaigo {

void append_csv_field(std::string& out, std::string_view field);
// The fields separated by commas, then `line_end`.
void append_csv_row(std::string& out, const std::vector<std::string>& fields, std::string_view line_end = "\n");

}  // namespace kaigo
