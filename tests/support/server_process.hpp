// A real `kaigo serve` for the server tests: started as its own process on loopback (any free
// port), its address read from what it prints, stopped with SIGTERM (and SIGKILL if it does not
// end within a bound) when the object goes away. Also killed with -9 on demand, for the
// durability tests.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace kaigo::testing {

class ServerProcess {
 public:
  // Runs `kaigo serve <args>`; waits (at most `startup`) for its "listening on URL" line.
  explicit ServerProcess(std::vector<std::string> args, std::chrono::seconds startup = std::chrono::seconds(30));
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  const std::string& url() const { return url_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // SIGTERM and wait (bounded); returns the exit status, or -1 when it had to be killed.
  int terminate(std::chrono::seconds bound = std::chrono::seconds(20));
  // SIGKILL and wait.
  void kill9();
  bool running() const { return pid_ > 0; }
  // Everything it printed on stdout and stderr so far (after it has ended: all of it).
  std::string output() const;

 private:
  pid_t pid_ = -1;
  std::string url_;
  int port_ = 0;
  std::string log_path_;
};

}  // namespace kaigo::testing
