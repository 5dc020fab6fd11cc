#include "cli_support.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kaigo::cli {

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{} を開けません / cannot open {}", path, path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw std::runtime_error(fmt::format("{} を読めません / cannot read {}", path, path));
  return std::move(ss).str();
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

}  // namespace kaigo::cli
