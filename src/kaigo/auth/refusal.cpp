#include "kaigo/auth/refusal.hpp"

#include <fmt/format.h>

namespace kaigo::auth {

std::string Refusal::to_string() const {
  return rule.empty() ? fmt::format("[{}] {} / {}", code, message_ja, message_en)
                      : fmt::format("[{}] {} / {} ({})", code, message_ja, message_en, rule);
}

}  // namespace kaigo::auth
