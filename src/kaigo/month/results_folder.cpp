#include "kaigo/month/results_folder.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"

namespace kaigo::month {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kTmpTag = ".kaigo-tmp-";
constexpr std::string_view kOldTag = ".kaigo-old-";

std::string unique_suffix() {
  std::random_device rd;
  return fmt::format("{}-{:08x}", static_cast<long>(::getpid()), rd());
}

// A leftover ".<name>.kaigo-tmp-<pid>-<hex>" or "…kaigo-old-…" (of any results folder in the same
// parent) whose process no longer runs.
bool dead_leftover(const std::string& entry) {
  if (!starts_with(entry, ".")) return false;
  for (auto tag : {kTmpTag, kOldTag}) {
    auto at = entry.rfind(tag);
    if (at == std::string::npos) continue;
    auto rest = std::string_view(entry).substr(at + tag.size());
    auto pid = parse_int(rest.substr(0, rest.find('-')));
    if (!pid || *pid <= 0) return false;
    return ::kill(static_cast<pid_t>(*pid), 0) != 0 && errno == ESRCH;
  }
  return false;
}

void make_dir(const fs::path& p, bool group) {
  const mode_t mode = group ? 0750 : 0700;
  if (::mkdir(p.c_str(), mode) != 0) {
    throw std::runtime_error(fmt::format("フォルダ {} を作れません / cannot create the folder {}: {}", p.string(),
                                         p.string(), std::strerror(errno)));
  }
  ::chmod(p.c_str(), mode);  // whatever the umask
}

}  // namespace

ResultsFolder::ResultsFolder(fs::path dir, bool group) : dir_(fs::absolute(std::move(dir)).lexically_normal()) {
  if (dir_.filename().empty()) dir_ = dir_.parent_path();
  const auto parent = dir_.parent_path();
  const auto name = dir_.filename().string();
  std::error_code ec;
  fs::create_directories(parent, ec);
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    if (dead_leftover(entry.path().filename().string())) fs::remove_all(entry.path(), ec);
  }
  if (fs::exists(dir_)) {
    if (!fs::is_directory(dir_)) {
      throw std::runtime_error(fmt::format("{} はフォルダではありません / {} is not a folder", dir_.string(), dir_.string()));
    }
    const bool empty = fs::is_empty(dir_);
    if (!empty && !fs::exists(dir_ / kResultsMarker)) {
      throw std::runtime_error(fmt::format(
          "{} には kaigo results 以外のファイルがあるため書き込みません。空のフォルダか新しいフォルダを指定してください / "
          "{} holds files that kaigo results did not write; nothing was written — give an empty or new folder",
          dir_.string(), dir_.string()));
    }
  }
  staging_ = parent / ("." + name + std::string(kTmpTag) + unique_suffix());
  make_dir(staging_, group);
}

ResultsFolder::~ResultsFolder() {
  if (published_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void ResultsFolder::publish() {
  {
    std::FILE* f = std::fopen((staging_ / kResultsMarker).c_str(), "wb");
    if (!f || std::fputs("kaigo results\n", f) < 0 || std::fclose(f) != 0) {
      throw std::runtime_error(fmt::format("{} に書き込めません / cannot write in {}", staging_.string(), staging_.string()));
    }
  }
  fs::path old;
  if (fs::exists(dir_)) {
    old = dir_.parent_path() / ("." + dir_.filename().string() + std::string(kOldTag) + unique_suffix());
    fs::rename(dir_, old);
  }
  fs::rename(staging_, dir_);
  published_ = true;
  if (!old.empty()) {
    std::error_code ec;
    fs::remove_all(old, ec);
  }
}

}  // namespace kaigo::month
