#include "kaigo/reception/lifecycle.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::reception {

bool can_move(FileState from, FileState to) { return enum_may_move(from, to); }

}  // namespace kaigo::reception
