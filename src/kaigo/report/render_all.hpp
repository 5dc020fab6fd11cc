// report/render_all — prints every result file of a `kaigo results` folder: for each
// DIR/<事業所番号>/<交換情報識別番号>.CSV of a form with a page design, writes <code>.pdf and
// <code>.html next to it (DESIGN §3.1). The hook the CLI calls after writing the files.
// Owns: finding the files. Must not: write result files (settlement decides them).
#pragma once
#include <filesystem>
#include <vector>

namespace kaigo::report {

// Returns the files written, sorted. Files whose name is not a result form with a design are left
// alone. Files are printed on `threads` threads (0: one per core); each file is independent.
// Throws std::runtime_error naming the first file (in path order) that cannot be read or printed,
// after the others are done.
std::vector<std::filesystem::path> render_all(const std::filesystem::path& dir, unsigned threads = 0);

}  // namespace kaigo::report
