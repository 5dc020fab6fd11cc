// Helpers of the portal subcommands (subsidy, portal): the database, the account a command acts as
// (--as, resolved through auth's account store: a locked or unknown account acts for nobody) and
// the caller the audit trail records (that user ID, from "cli", at --at or now).
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "auth_support.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/database.hpp"
#include "kaigo/store/portal_store.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::cli {

struct PortalSession {
  std::unique_ptr<store::Database> db;
  auth::User user;
  auth::Caller caller;
};

// nullopt after a message on stderr (unknown or locked account, bad --at), with `status` 1.
std::optional<PortalSession> open_session(const std::string& db_path, const std::string& user_id, const std::string& at,
                                          int& status);

// What the office page and the letters read: the settings, the ledgers, auth's and the portal's
// stores over the session's database.
struct PortalStores {
  explicit PortalStores(store::Database& db)
      : settings(db.settings()),
        world(store::load_tables_in_force(db, store::Recipients::Skip)),
        auth(db),
        accounts(auth, auth, settings.auth),
        portal(db) {}
  Settings settings;
  store::TablesInForce world;
  store::AuthStore auth;
  auth::Accounts accounts;
  store::PortalStore portal;
};

}  // namespace kaigo::cli
