#include "kaigo/server/openapi.hpp"

#include <stdexcept>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::server {
namespace {

constexpr std::string_view kOpenApiFolder = "src/kaigo/server/openapi/";

nlohmann::json parse_piece(const embedded::EmbeddedFile& f) {
  auto j = nlohmann::json::parse(f.bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::runtime_error("OpenAPI piece is not a JSON object: " + std::string(f.path));
  return j;
}

nlohmann::json assemble() {
  auto base = embedded::find(std::string(kOpenApiFolder) + "base.json");
  if (!base) throw std::runtime_error("openapi/base.json is not embedded");
  auto doc = parse_piece({std::string_view(kOpenApiFolder), *base});
  doc["paths"] = nlohmann::json::object();
  for (const auto& f : embedded::files()) {
    if (!starts_with(f.path, kOpenApiFolder) || f.path.ends_with("/base.json")) continue;
    auto piece = parse_piece(f);
    for (auto it = piece["paths"].begin(); it != piece["paths"].end(); ++it) {
      if (doc["paths"].contains(it.key())) throw std::runtime_error("OpenAPI path described twice: " + it.key());
      doc["paths"][it.key()] = it.value();
    }
  }
  return doc;
}

}  // namespace

const nlohmann::json& openapi_document() {
  static const nlohmann::json doc = assemble();
  return doc;
}

}  // namespace kaigo::server
