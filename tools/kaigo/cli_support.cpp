#include "cli_support.hpp"

#include <fmt/format.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>

#include "kaigo/core/strings.hpp"

namespace kaigo::cli {

std::string read_whole_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw std::runtime_error(fmt::format("{} はフォルダです。ファイルを指定してください / {} is a folder, not a file",
                                         escape_control(path), escape_control(path)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(
        fmt::format("{} を開けません / cannot open {}", escape_control(path), escape_control(path)));
  }
  // Read straight into the string, sized by the file's size where it has one (through a
  // stringstream every byte was copied twice: 3 % of a month's submit). One byte more than the
  // size sees the end without another call; a file that grew meanwhile is read to its end.
  std::error_code no_size;
  const auto size = std::filesystem::file_size(path, no_size);
  std::string bytes(no_size ? std::size_t{1} << 16 : static_cast<std::size_t>(size) + 1, '\0');
  std::size_t used = 0;
  for (;;) {
    in.read(bytes.data() + used, static_cast<std::streamsize>(bytes.size() - used));
    used += static_cast<std::size_t>(in.gcount());
    if (used < bytes.size() || in.bad()) break;
    bytes.resize(2 * bytes.size());
  }
  if (in.bad()) {
    throw std::runtime_error(
        fmt::format("{} を読めません / cannot read {}", escape_control(path), escape_control(path)));
  }
  bytes.resize(used);
  return bytes;
}

std::vector<std::string> read_path_list(const std::string& list) {
  const std::string text = list == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {}) : read_whole_file(list);
  std::vector<std::string> paths;
  for (auto line : lines(text)) {
    if (!line.empty()) paths.emplace_back(line);
  }
  return paths;
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) err(escape_control(d.to_string()) + "\n");
}

std::optional<LocalDateTime> parse_at(const std::string& at) {
  if (at.empty()) return now_jst();
  auto t = LocalDateTime::parse(at);
  if (!t) {
    std::fprintf(
        stderr,
        "エラー: --at は YYYY-MM-DDTHH:MM[:SS]（日本時間）/ error: --at must be YYYY-MM-DDTHH:MM[:SS] in JST (%s)\n",
        at.c_str());
  }
  return t;
}

std::optional<LocalDateTime> parse_at(const std::string& at, int& status, int usage_status) {
  auto t = parse_at(at);
  if (!t) status = usage_status;
  return t;
}

std::string dump_json(const nlohmann::json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void out(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }
void err(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stderr); }

void report_recovered(const std::vector<std::int64_t>& ids) {
  for (auto id : ids) {
    err(fmt::format("受付番号 {} は受信中に処理が止まっていたため、受け付けずに伝送エラー（KR03）としました。もう一度送信して"
                    "ください / submission {} was interrupted while being received; it was not taken in (伝送エラー "
                    "KR03) — send it again\n",
                    id, id));
  }
}

}  // namespace kaigo::cli
