// report/text_file — writing a text file of the results folder whole or not at all (temporary
// file, then rename), so that a reader never sees half a summary, page or values file.
// Owns: that one write. Must not: know what the text is.
#pragma once
#include <filesystem>
#include <string_view>

namespace kaigo::report {

// Writes `text` to `path` through `path` + ".part"; throws std::runtime_error (Japanese / English)
// naming the file when it cannot be written.
void write_text_file(const std::filesystem::path& path, std::string_view text);

}  // namespace kaigo::report
