// Small helpers shared by the subcommands: reading an input file whole, printing diagnostics.
#pragma once
#include <string>

#include "kaigo/core/diagnostic.hpp"

namespace kaigo::cli {

// The bytes of `path`; throws std::runtime_error (Japanese / English) when it cannot be read.
std::string read_whole_file(const std::string& path);

// One line per diagnostic on stderr.
void print_diagnostics(const Diagnostics& diagnostics);

}  // namespace kaigo::cli
