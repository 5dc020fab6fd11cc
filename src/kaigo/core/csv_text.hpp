// core/csv_text — CSV text for people's spreadsheets (UTF-8, RFC 4180): a field is quoted only when
// it holds a comma, a quote or a line break, quotes inside doubled; rows end in LF. The lists the
// CLI prints with --format csv are written with it.
// Must not: know any file format of the interface (exchange and careplan write those).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kaigo {

void append_csv_field(std::string& out, std::string_view field);
// The fields separated by commas, then LF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

}  // namespace kaigo
