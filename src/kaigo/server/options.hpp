// server/options — how `kaigo serve` is started (DESIGN §3.4).
// Owns: the options and their defaults. Must not: hold business rules.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "kaigo/core/clock.hpp"

namespace kaigo::server {

struct ServerOptions {
  std::filesystem::path db;
  std::string host = "127.0.0.1";  // loopback by default; "::1" and "0.0.0.0" also work
  int port = 8443;                 // 0: any free port (printed when listening)
  std::filesystem::path tls_cert;  // the server's certificate and key (kaigo ca init makes them)
  std::filesystem::path tls_key;
  std::filesystem::path client_ca;  // the 国保連's CA: office certificates are checked against it
  bool insecure_http = false;       // plain HTTP, for local use only
  std::filesystem::path results_root;  // where the month's results are written: <root>/<YYYYMM>/
  std::filesystem::path access_log;    // one line per request (no secrets), 0600; empty: none
  std::size_t threads = 32;
  std::size_t max_body_bytes = 256u << 20;  // larger uploads answer 413
  int read_timeout_seconds = 10;            // a client silent this long is cut off
  int keep_alive_seconds = 5;
  // A clock that starts at this moment and runs (tests and demos only): the month's window and
  // cut-offs are judged by it, and POST /api/test/clock moves it.
  std::optional<LocalDateTime> test_clock;
};

}  // namespace kaigo::server
