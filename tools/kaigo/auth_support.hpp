// Helpers of the auth subcommands (user, ca, cert, audit): the caller a command acts as, secrets
// read from standard input (never from the command line), and refusals and lists printed.
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/auth/refusal.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::cli {

// "cli:<OS user>" from "cli", at `at`: how the audit trail names a command run on the server.
auth::Caller cli_caller(const LocalDateTime& at);

// One line from standard input without its line end; prompts on stderr without echo when stdin is
// a terminal. nullopt (after a message) when nothing was given.
std::optional<std::string> read_secret(const char* prompt_ja, const char* prompt_en);

// Appends an operator action done on the command line to the database's audit trail (the same
// chain as the server's), as `cli_caller(at)`.
void audit_cli(store::Database& db, auth::AuditAction action, std::string_view target, nlohmann::json detail,
               const LocalDateTime& at);

// The accounts of a database under its own auth settings: auth::Accounts keeps references to the
// store and the settings, so the three live together.
struct DatabaseAccounts {
  explicit DatabaseAccounts(store::Database& db)
      : settings(db.settings()), auth_store(db), accounts(auth_store, auth_store, settings.auth) {}
  Settings settings;
  store::AuthStore auth_store;
  auth::Accounts accounts;
};

// Each refusal on stderr; returns 1 when there was any, else 0.
int print_refusals(const auth::Refusals& refusals);

// A list as --format asks: "json", one JSON array of `to_json(row)`; else a line `to_line(row)` each.
template <class Row, class ToJson, class ToLine>
void print_list(const std::string& format, const std::vector<Row>& rows, ToJson to_json, ToLine to_line) {
  if (format == "json") {
    auto array = nlohmann::json::array();
    for (const auto& r : rows) array.push_back(to_json(r));
    std::fputs((array.dump(2) + "\n").c_str(), stdout);
  } else {
    for (const auto& r : rows) std::fputs(to_line(r).c_str(), stdout);
  }
}

}  // namespace kaigo::cli
