// master/sources — where master and ledger text comes from: the files bundled into the library
// (data/masters/*.csv, embedded by CMake) or files given by path.
// Owns: getting the bytes and naming them for diagnostics. Must not: parse them (the loaders do).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/diagnostic.hpp"

namespace kaigo::master {

struct TextSource {
  std::string text;
  std::string name;  // the name diagnostics use: the path as given, or "data/masters/<file>"
};

// The bundled master `file_name` (e.g. "services.csv"); nullopt when it is not embedded.
std::optional<TextSource> bundled_source(std::string_view file_name);

// The file at `path`; on failure adds a KM01 Diagnostic to `out` and returns nullopt.
std::optional<TextSource> read_source(const std::filesystem::path& path, Diagnostics& out);

}  // namespace kaigo::master
