// report/render_all — prints the result files of a `kaigo results` folder: for each
// DIR/<事業所番号>/<交換情報識別番号>.CSV of a form with a page design, <code>.pdf and <code>.html
// next to it (DESIGN §3.1) — all at once (`kaigo results --print`, `kaigo render DIR`) or one
// notice when it is first asked for (the server's download), kept once printed.
// Owns: finding the files and writing the prints whole. Must not: write result files (settlement
// decides them).
#pragma once
#include <filesystem>
#include <vector>

namespace kaigo::report {

// Returns the files written, sorted. Files whose name is not a result form with a design are left
// alone. Files are printed on `threads` threads (0: one per core); each file is independent.
// Throws std::runtime_error naming the first file (in path order) that cannot be read or printed,
// after the others are done.
std::vector<std::filesystem::path> render_all(const std::filesystem::path& dir, unsigned threads = 0);

// Whether `csv` is a result file that has a print (a form with a page design).
bool is_printable(const std::filesystem::path& csv);

// Prints one result file: its .pdf and .html beside it, each written under a temporary name and
// renamed into place, so that a reader never sees half a print and two requests printing the same
// notice at once leave the same bytes. Throws std::runtime_error when it cannot be read or printed.
void print_notice(const std::filesystem::path& csv);

// A file of a results folder as a reader asks for it: true when it is there, a .pdf or .html
// printed from its .CSV first (print_notice) when that has a print and was not printed yet.
bool printed_on_demand(const std::filesystem::path& file);

}  // namespace kaigo::report
