#include "kaigo/platform/record.hpp"

#include "kaigo/auth/user.hpp"

namespace kaigo::platform {

bool is_person_id(const PersonId& key) { return auth::is_insurer_no(key.insurer_no) && auth::is_insured_no(key.insured_no); }

}  // namespace kaigo::platform
