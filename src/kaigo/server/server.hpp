// server/server — `kaigo serve` (DESIGN §3.4): the API over HTTPS (cpp-httplib on OpenSSL; plain
// HTTP only when asked for local use), a pool of threads, limits on request size and on silent
// clients, the office certificates of mutual TLS checked per request, and a stop that lets the
// requests in progress finish (SIGTERM).
// Owns: the HTTP server and its limits. Must not: hold business rules (routes call the library).
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "kaigo/server/options.hpp"
#include "kaigo/server/routes.hpp"

namespace httplib {
class Server;
}

namespace kaigo::server {

class Server {
 public:
  // Opens the database (it must exist), finishes nothing left in flight by a dead process (files
  // it was receiving become 伝送エラー KR03), and prepares TLS; throws std::runtime_error
  // (Japanese / English) when the certificate, key or CA cannot be used.
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port (the one chosen when the options said 0).
  int bind();
  // Serves until stop(); the calling thread runs the listener.
  void serve();
  // Stops accepting, lets the requests in progress end, waits for a running month job.
  void stop();
  // "https://127.0.0.1:8443" once bound.
  std::string url() const;

 private:
  void install_routes();
  std::unique_ptr<App> app_;
  std::unique_ptr<httplib::Server> http_;
  std::vector<Route> routes_;
  std::FILE* access_log_ = nullptr;
  int port_ = 0;
};

}  // namespace kaigo::server
