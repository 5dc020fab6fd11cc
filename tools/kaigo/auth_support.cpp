#include "auth_support.hpp"

#include "kaigo/store/auth_store.hpp"

#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace kaigo::cli {

auth::Caller cli_caller(const LocalDateTime& at) {
  const passwd* pw = getpwuid(geteuid());
  std::string name = pw && pw->pw_name ? pw->pw_name : std::to_string(geteuid());
  return {"cli:" + name, "cli", at};
}

std::optional<std::string> read_secret(const char* prompt_ja, const char* prompt_en) {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (tty) {
    std::fprintf(stderr, "%s / %s: ", prompt_ja, prompt_en);
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fputc('\n', stderr);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (!got && line.empty()) {
    std::fprintf(stderr, "エラー: %sを標準入力から読めません / error: no %s on standard input\n", prompt_ja, prompt_en);
    return std::nullopt;
  }
  return line;
}

int print_refusals(const auth::Refusals& refusals) {
  for (const auto& r : refusals) std::fprintf(stderr, "エラー / error: %s\n", r.to_string().c_str());
  return refusals.empty() ? 0 : 1;
}

void audit_cli(store::Database& db, auth::AuditAction action, std::string_view target, nlohmann::json detail,
               const LocalDateTime& at) {
  store::AuthStore(db).append(auth::event_of(cli_caller(at), action, target, std::move(detail)));
}

}  // namespace kaigo::cli
