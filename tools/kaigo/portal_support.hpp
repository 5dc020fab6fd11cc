// Helpers of the portal subcommands (subsidy, portal): the database, the account a command acts as
// (--as, resolved through auth's account store: a locked or unknown account acts for nobody) and
// the caller the audit trail records (that user ID, from "cli", at --at or now).
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "auth_support.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::cli {

struct PortalSession {
  std::unique_ptr<store::Database> db;
  auth::User user;
  auth::Caller caller;
};

// nullopt after a message on stderr (unknown or locked account, bad --at).
std::optional<PortalSession> open_session(const std::string& db_path, const std::string& user_id, const std::string& at);

}  // namespace kaigo::cli
