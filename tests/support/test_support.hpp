// Helpers shared by the tests: paths of the source tree, fixtures, temporary folders, and running
// the kaigo command line.
#pragma once
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kaigo::testing {

std::filesystem::path source_dir();
std::filesystem::path fixture(std::string_view relative);  // tests/fixtures/<relative>
std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, std::string_view bytes);
// The permission bits of a file (0777 mask); 0 when it cannot be read.
unsigned mode_of(const std::filesystem::path& p);
// The regular files anywhere below `dir`, sorted by path.
std::vector<std::filesystem::path> regular_files_under(const std::filesystem::path& dir);

// A name gtest accepts for a test parameter: every character that is not an ASCII letter or digit
// becomes '_' (file names and fixture paths → test names).
std::string gtest_name(std::string_view text);

// A fresh empty directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// UTF-8 text with LF line ends → the official bytes: CP932 with CRLF.
std::string official_bytes(std::string_view utf8_lf_text);

struct CommandResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};
// Runs the kaigo CLI with the given argument string (passed to /bin/sh), capturing its output.
CommandResult run_kaigo(const std::string& args);
// The caller's file and line come from __builtin_FILE/__builtin_LINE: the sanitizer build's clang 14
// has no std::source_location with this libstdc++.
// A run of the CLI that ended with `exit_code` and wrote each of `said` on stderr (most messages have
// a Japanese and an English half, and a test looks for both); a failure names the caller's line.
void expect_failure(const CommandResult& r, int exit_code, std::initializer_list<std::string_view> said,
                    const char* file = __builtin_FILE(), int line = __builtin_LINE());
// Runs the CLI and expects it to succeed (exit 0; a failure shows the command and its stderr and
// names the caller's line). The result, for what the test checks next.
CommandResult run_kaigo_ok(const std::string& args, const char* file = __builtin_FILE(), int line = __builtin_LINE());

}  // namespace kaigo::testing
