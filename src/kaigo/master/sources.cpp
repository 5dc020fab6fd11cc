#include "kaigo/master/sources.hpp"

#include <fstream>
#include <sstream>

#include "kaigo/core/embedded.hpp"
#include "kaigo/master/csv.hpp"

namespace kaigo::master {

std::optional<TextSource> bundled_source(std::string_view file_name) {
  std::string path = "data/masters/" + std::string(file_name);
  auto bytes = embedded::find(path);
  if (!bytes) return std::nullopt;
  return TextSource{std::string(*bytes), path};
}

std::optional<TextSource> read_source(const std::filesystem::path& path, Diagnostics& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.push_back(make_diagnostic(code::kUnreadable, path.string(), 0, 0, "", "", "ファイルを読めません",
                                  "cannot read the file"));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return TextSource{ss.str(), path.string()};
}

}  // namespace kaigo::master
