// Accounts and certificates over a fresh database, for the auth tests: a store, cheap Argon2id
// settings (the policy is the same; only the cost is lower), and a caller.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/database.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {

LocalDateTime jst(const char* iso);

// [auth] with the defaults except a cheap hash (1 pass, 1 MiB): a test logs in hundreds of times.
AuthSettings fast_auth_settings();

struct AuthWorld {
  TempDir dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::AuthStore> store;
  Settings settings;

  AuthWorld();
  std::filesystem::path db_path() const { return dir / "k.db"; }
  // An Accounts over this world's store (optionally with a mailer).
  auth::Accounts accounts(auth::Mailer* mailer = nullptr) {
    return auth::Accounts(*store, *store, settings.auth, mailer, settings.name);
  }
  // Adds an office user KJ<office> with `password`; fails the test on a refusal.
  void add_office_user(const std::string& id, const std::string& office, const std::string& password,
                       const std::string& email = "");
  // The audit rows that have `action`, oldest first.
  std::vector<auth::AuditRow> audit_rows(std::string_view action);
  // How many audit rows have `action`.
  int audit_count(std::string_view action) { return static_cast<int>(audit_rows(action).size()); }
};

auth::Caller operator_at(const char* iso);

}  // namespace kaigo::testing
