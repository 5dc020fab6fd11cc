// server/openapi — the API's OpenAPI 3 document (/api/openapi.json), put together from data: the
// common part (openapi/base.json: info, security, schemas, error responses) and one piece per group
// of routes (openapi/<group>.json, each with its "paths"), so that every module that adds routes
// adds its own piece. A test holds the document against the route table.
// Owns: putting the pieces together. Must not: describe routes in code.
#pragma once
#include <nlohmann/json.hpp>

namespace kaigo::server {

// The whole document; throws std::runtime_error when a piece is not JSON or two pieces describe
// the same path.
const nlohmann::json& openapi_document();

}  // namespace kaigo::server
