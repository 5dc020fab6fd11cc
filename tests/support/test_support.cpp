#include "support/test_support.hpp"

#include <sys/stat.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "kaigo/text/cp932.hpp"

namespace kaigo::testing {

std::filesystem::path source_dir() { return KAIGO_SOURCE_DIR; }

std::filesystem::path fixture(std::string_view relative) { return source_dir() / "tests/fixtures" / relative; }

std::string gtest_name(std::string_view text) {
  std::string name(text);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::filesystem::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 0;
  return st.st_mode & 0777;
}

std::vector<std::filesystem::path> regular_files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("kaigo-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string official_bytes(std::string_view utf8) {
  std::string crlf;
  for (char c : utf8) {
    if (c == '\n') crlf += "\r\n";
    else crlf += c;
  }
  return text::to_cp932(crlf);
}

CommandResult run_kaigo(const std::string& args) {
  TempDir tmp;
  std::string cmd = std::string(KAIGO_CLI) + " " + args + " >" + (tmp / "out").string() + " 2>" + (tmp / "err").string();
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(tmp / "out");
  r.err = read_file(tmp / "err");
  return r;
}

CommandResult run_kaigo_ok(const std::string& args, const char* file, int line) {
  ::testing::ScopedTrace trace(file, line, "run_kaigo_ok");
  auto r = run_kaigo(args);
  EXPECT_EQ(r.exit_code, 0) << "kaigo " << args << "\n" << r.err;
  return r;
}

void expect_failure(const CommandResult& r, int exit_code, std::initializer_list<std::string_view> said,
                    const char* file, int line) {
  ::testing::ScopedTrace trace(file, line, "expect_failure");
  EXPECT_EQ(r.exit_code, exit_code);
  for (auto words : said) EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
}

}  // namespace kaigo::testing
