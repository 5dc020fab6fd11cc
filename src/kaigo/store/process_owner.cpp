#include "kaigo/store/process_owner.hpp"

#include <unistd.h>

#include <charconv>
#include <fstream>
#include <sstream>


namespace kaigo::store {
namespace {

std::string read_first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string boot_id() {
  static const std::string id = read_first_line("/proc/sys/kernel/random/boot_id");
  return id;
}

// Field 22 of /proc/<pid>/stat (starttime); fields are counted after the command name, which is
// in parentheses and may itself hold spaces or parentheses.
std::string start_time(long pid) {
  auto stat = read_first_line("/proc/" + std::to_string(pid) + "/stat");
  auto close = stat.rfind(')');
  if (close == std::string::npos) return {};
  std::istringstream rest(stat.substr(close + 1));
  std::string field;
  for (int i = 3; i <= 22; ++i) {
    if (!(rest >> field)) return {};
  }
  return field;
}

}  // namespace

const std::string& process_owner() {
  static const std::string token = [] {
    const long pid = static_cast<long>(::getpid());
    return boot_id() + "/" + std::to_string(pid) + "/" + start_time(pid);
  }();
  return token;
}

bool process_alive(std::string_view owner) {
  auto first = owner.find('/');
  auto second = owner.find('/', first == std::string_view::npos ? first : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return false;
  if (owner.substr(0, first) != boot_id()) return false;
  long pid = 0;
  auto digits = owner.substr(first + 1, second - first - 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
  if (ec != std::errc() || end != digits.data() + digits.size() || pid <= 0) return false;
  auto started = start_time(pid);
  return !started.empty() && started == owner.substr(second + 1);
}

}  // namespace kaigo::store
