#include "kaigo/precheck/precheck.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/precheck/detail/checker.hpp"
#include "kaigo/precheck/detail/file_checks.hpp"

namespace kaigo::precheck {
namespace {

std::string base_name(std::string_view name) {
  auto slash = name.find_last_of('/');
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

void binary_file(FileResult& out, std::size_t max_rows) {
  Findings findings(out, max_rows);
  findings.add(Level::Transmission, "KP02", nullptr, nullptr, 0);
}

}  // namespace

std::optional<Level> FileResult::worst() const {
  for (std::size_t i = 0; i < kLevels; ++i) {
    if (level_counts[i] > 0) return static_cast<Level>(i);
  }
  return std::nullopt;
}

FileResult check_bytes(std::string_view file_name, std::string_view bytes, const PrecheckContext& context) {
  FileResult out;
  out.file = base_name(file_name);
  FileChecker checker(context, out);
  check_file_name(checker.env(), file_name);
  if (looks_binary(bytes.substr(0, rules().settings().binary_head_bytes))) {
    // Nothing of a binary file is read: its "lines" would only list noise.
    out.bytes = bytes.size();
    binary_file(out, context.max_rows);
    return out;
  }
  exchange::read_bytes(out.file, bytes, checker);
  return out;
}

FileResult check_file(const std::filesystem::path& path, const PrecheckContext& context) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(fmt::format("ファイルを開けません: {} / cannot open file: {} ({})", path.string(),
                                         path.string(), std::strerror(errno)));
  }
  std::string head(rules().settings().binary_head_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  FileResult out;
  out.file = path.filename().string();
  FileChecker checker(context, out);
  check_file_name(checker.env(), out.file);
  if (looks_binary(head)) {
    out.bytes = std::filesystem::file_size(path);
    binary_file(out, context.max_rows);
    return out;
  }
  exchange::read_file(path, checker);
  return out;
}

}  // namespace kaigo::precheck
