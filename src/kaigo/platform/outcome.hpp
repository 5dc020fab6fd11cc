// platform/outcome — an Outcome in the words of its rule (rules.tsv), shared by the actions.
// Must not: be used outside the platform module.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/platform/platform.hpp"

namespace kaigo::platform::detail {

Outcome outcome(std::string_view rule_id, nlohmann::json detail = nlohmann::json::object(), std::string_view ja = {},
                std::string_view en = {});

// A refusal of the access rules as an Outcome.
Outcome outcome(const Decision& d);

}  // namespace kaigo::platform::detail
