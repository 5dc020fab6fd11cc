// server/api_error — an answer other than success, as the API gives it (DESIGN §3.4):
// {"error": {"code", "message_ja", "message_en"}} with its HTTP status. Routes throw it; the
// server turns it into the response.
// Owns: that form and the project's server codes (KWnn, docs/server.md). Must not: decide rules.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace kaigo::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int http_status, std::string error_code, std::string ja, std::string en)
      : std::runtime_error(en), status(http_status), code(std::move(error_code)), message_ja(std::move(ja)), message_en(std::move(en)) {}
  int status;
  std::string code;
  std::string message_ja;
  std::string message_en;
  std::optional<int> retry_after;  // seconds (429, 503)
  nlohmann::json extra;            // more facts in the error object (e.g. locked_until)
};

nlohmann::json error_body(const std::string& code, const std::string& ja, const std::string& en);

// The usual ones.
ApiError bad_request(std::string code, std::string ja, std::string en);     // 400
ApiError unauthorized();                                                     // 401 no session
ApiError forbidden();                                                        // 403, says nothing more
ApiError not_found();                                                        // 404
ApiError conflict(std::string code, std::string ja, std::string en);        // 409
ApiError unprocessable(std::string code, std::string ja, std::string en);   // 422

}  // namespace kaigo::server
