// store/schema/modules — the schema pieces of the modules built on the claims store (README.md
// beside this file). Each piece is created when a database is opened.
// Must not: be used outside the store module.
#pragma once
#include <array>
#include <string_view>

#include "kaigo/store/schema/auth.hpp"
#include "kaigo/store/schema/careplan.hpp"
#include "kaigo/store/schema/views.hpp"
#include "kaigo/store/schema/portal.hpp"
#include "kaigo/store/schema/platform.hpp"

namespace kaigo::store::schema {

// One entry per module; add yours here (and nowhere else).
inline constexpr std::array<std::string_view, 5> kModuleSchemas{auth::kSchema, views::kSchema, portal::kSchema,
                                                                  platform::kSchema, careplan::kSchema};

}  // namespace kaigo::store::schema
