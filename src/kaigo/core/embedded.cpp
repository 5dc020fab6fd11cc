#include "kaigo/core/embedded.hpp"

namespace kaigo::embedded {

std::optional<std::string_view> find(std::string_view path) {
  for (const auto& f : files()) {
    if (f.path == path) return f.bytes;
  }
  return std::nullopt;
}

}  // namespace kaigo::embedded
