#include "kaigo/report/detail/text_file.hpp"

#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

namespace kaigo::report {

void write_text_file(const std::filesystem::path& path, std::string_view text) {
  auto tmp = path;
  tmp += ".part";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  const bool written = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (!f || std::fclose(f) != 0 || !written)
    throw std::runtime_error(fmt::format("書き込めません: {} / cannot write: {}", tmp.string(), tmp.string()));
  std::filesystem::rename(tmp, path);
}

}  // namespace kaigo::report
