// core/json_fields — reading the optional string members of a JSON object (request bodies, stored
// records). Owns: the one rule that a member which is absent or not a string reads as empty.
// Must not: validate; callers decide whether empty is an error.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kaigo {

// The string member `name` of `j`, or "" when it is absent or not a string.
inline std::string string_field(const nlohmann::json& j, std::string_view name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace kaigo
