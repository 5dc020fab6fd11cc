// A 国保連 with its server, for the server tests: a generated month (処理年月 2026-05) in a fresh
// database prepared with the real command line, the CA and the server's certificate, accounts
// (two offices, a 代理請求 group of three, an operator, an administrator), office certificates
// (valid, expired, revoked), an SMTP sink for the reset mail, and `kaigo serve` running on
// loopback with a test clock at 2026-05-05 10:00. ApiClient talks to it as one user, over TLS
// with that user's office certificate when it has one.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {

struct Certificate {
  std::filesystem::path crt;
  std::filesystem::path key;
  std::string serial;
};

class ServerWorld {
 public:
  // `extra_serve_args` are added to `kaigo serve` (e.g. a body limit).
  explicit ServerWorld(std::vector<std::string> extra_serve_args = {});

  const std::filesystem::path& dir() const { return dir_.path(); }
  std::string db() const { return (dir_ / "k.db").string(); }
  const std::filesystem::path& month_dir() const { return month_; }
  // The generated files of an office (claim file first).
  std::vector<std::filesystem::path> files_of(const std::string& office) const;
  std::filesystem::path ca_crt() const { return dir_ / "ca" / "ca.crt"; }
  const Certificate& certificate(const std::string& name) const { return certs_.at(name); }
  ServerProcess& server() { return *server_; }
  SmtpSink& mail() { return *smtp_; }
  // Starts the server again on the same database (after a kill), same options.
  void restart();

  static constexpr const char* kPassword = "correct horse battery staple";

 private:
  TempDir dir_;
  std::filesystem::path month_;
  std::unique_ptr<SmtpSink> smtp_;
  std::map<std::string, Certificate> certs_;
  std::vector<std::string> serve_args_;
  std::unique_ptr<ServerProcess> server_;
};

struct ApiResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  nlohmann::json json() const;  // throws when the body is not JSON
  std::string error_code() const;
};

class ApiClient {
 public:
  // A client of `world`'s server presenting certificate `cert` (none when empty).
  ApiClient(ServerWorld& world, const std::string& cert = "");
  // Logs in; on 200 keeps the session cookie and the CSRF token.
  ApiResponse login(const std::string& user, const std::string& password = ServerWorld::kPassword);
  ApiResponse get(const std::string& path);
  ApiResponse post_json(const std::string& path, const nlohmann::json& body);
  // A raw upload with X-File-Name.
  ApiResponse upload(const std::string& name, const std::string& bytes);
  ApiResponse upload_file(const std::filesystem::path& file) { return upload(file.filename().string(), read_file(file)); }
  // Any request with extra headers (the session's cookie and CSRF token are added).
  ApiResponse send(const std::string& method, const std::string& path, const httplib::Headers& extra,
                   const std::string& body = {}, const std::string& content_type = "application/json");
  // A raw body with X-File-Name to any route.
  ApiResponse post_bytes(const std::string& path, const std::string& name, const std::string& bytes,
                         const std::string& content_type);
  const std::string& csrf() const { return csrf_; }
  void set_csrf(std::string t) { csrf_ = std::move(t); }
  httplib::Headers headers() const;

 private:
  std::unique_ptr<httplib::SSLClient> client_;
  std::string cookie_;
  std::string csrf_;
};

// Polls GET /api/months/{month}/summary until its job has finished (bounded); the last answer.
nlohmann::json wait_for_job(ApiClient& op, const std::string& month);

// The text of a MIME mail's base64 body.
std::string mail_text(const std::string& data);

// Fails the test unless the command exited 0 (its output in the message).
void must(const CommandResult& r);

// A claim file with a non-digit in the 請求書's 単位数 (a 受付 error of its line).
std::string with_bad_amount(const std::filesystem::path& claim_file);

}  // namespace kaigo::testing
