#include "support/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "support/test_support.hpp"

extern char** environ;

namespace kaigo::testing {
namespace {

// A client that writes to a server the test has just killed gets EPIPE and fails its request, as a
// real client would; without this the signal ends the whole test binary (seen under load, once in
// ServerRobustness.KillNine…).
[[maybe_unused]] const bool kSigpipeIgnored = [] {
  std::signal(SIGPIPE, SIG_IGN);
  return true;
}();

}  // namespace

ServerProcess::ServerProcess(std::vector<std::string> args, std::chrono::seconds startup) {
  char tmpl[] = "/tmp/kaigo-serve-XXXXXX";
  int log_fd = ::mkstemp(tmpl);
  if (log_fd < 0) throw std::runtime_error("cannot make the server's log file");
  log_path_ = tmpl;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, log_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, log_fd, 2);
  std::vector<std::string> all{KAIGO_CLI, "serve"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  int rc = posix_spawn(&pid_, KAIGO_CLI, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(log_fd);
  if (rc != 0) throw std::runtime_error("cannot start kaigo serve");
  const auto deadline = std::chrono::steady_clock::now() + startup;
  const std::string marker = "listening on ";
  while (std::chrono::steady_clock::now() < deadline) {
    auto text = output();
    auto at = text.find(marker);
    if (at != std::string::npos) {
      auto end = text.find('\n', at);
      if (end != std::string::npos) {
        url_ = text.substr(at + marker.size(), end - at - marker.size());
        port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
        return;
      }
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("kaigo serve stopped at start: " + text);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill9();
  throw std::runtime_error("kaigo serve did not start in time: " + output());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) terminate();
  if (!log_path_.empty()) ::unlink(log_path_.c_str());
}

int ServerProcess::terminate(std::chrono::seconds bound) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + bound;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill9();
  return -1;
}

void ServerProcess::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string ServerProcess::output() const {
  std::ifstream in(log_path_, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace kaigo::testing
