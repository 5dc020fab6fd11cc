// Helpers of the kaigo platform subcommands: the database opened with the platform's stores and
// the office ledger, users resolved from --as, and the answers printed (text or JSON) with the
// exit status of DESIGN §3.6 (0 done, 3 refused, 2 bad usage, 1 failure).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kaigo/platform/platform.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/platform_store.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::cli {

inline constexpr int kRefused = 3;

struct PlatformDb {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::AuthStore> auth;
  std::unique_ptr<store::PlatformStore> repo;
  store::TablesInForce world;  // the office ledger (the 受給者台帳 is not read)
  std::unique_ptr<platform::Platform> platform;
};

PlatformDb open_platform(const std::string& db_path);

// The account `id` (not disabled), or nullopt after a message on stderr.
std::optional<auth::User> user_of(store::AuthStore& auth, const std::string& id);

// The caller for the audit: the user at the command line, or the operator ("cli:<OS user>").
auth::Caller caller_of(const auth::User* user, const LocalDateTime& at);

// The opened platform, the account a command acts as, and the caller the audit records for it.
struct PlatformSession {
  PlatformDb& p;
  const auth::User& user;
  const auth::Caller& caller;
};

// Runs `body` as the account `user_id` (user_of) at `at` (parse_at: ISO, JST; now when empty) on
// the platform of `db_path`: 2 after a message for a bad --at, 1 for no such account, else what
// `body` returns. The --at is read before the database is opened.
int as_platform_user(const std::string& db_path, const std::string& user_id, const std::string& at,
                     const std::function<int(const PlatformSession&)>& body);

// A date option (YYYYMMDD), or nullopt after a message naming the option.
std::optional<Date> date_option(const std::string& text, const char* option);

// Runs a command body, turning a failure (an exception) into a message and status 1.
void guarded(int& status, const std::function<int()>& body);

// A subcommand of `parent` with its --db option, running `body` guarded.
CLI::App* platform_subcommand(CLI::App* parent, const char* name, const char* help, std::string& db_path, int& status,
                              int (*body)());

// Prints an Outcome (JSON, or one line per language) and gives its exit status.
int print_outcome(const platform::Outcome& o, bool json);

}  // namespace kaigo::cli
