#include "kaigo/server/api_error.hpp"

namespace kaigo::server {

nlohmann::json error_body(const std::string& code, const std::string& ja, const std::string& en) {
  return {{"error", {{"code", code}, {"message_ja", ja}, {"message_en", en}}}};
}

ApiError bad_request(std::string code, std::string ja, std::string en) {
  return {400, std::move(code), std::move(ja), std::move(en)};
}

ApiError unauthorized() {
  return {401, "KW01", "ログインしてください（セッションがないか、期限が切れました）",
          "log in first (no session, or it has expired)"};
}

ApiError forbidden() {
  return {403, "KW03", "この操作の権限がありません", "you are not allowed to do this"};
}

ApiError not_found() { return {404, "KW04", "見つかりません", "not found"}; }

ApiError conflict(std::string code, std::string ja, std::string en) {
  return {409, std::move(code), std::move(ja), std::move(en)};
}

ApiError unprocessable(std::string code, std::string ja, std::string en) {
  return {422, std::move(code), std::move(ja), std::move(en)};
}

}  // namespace kaigo::server
