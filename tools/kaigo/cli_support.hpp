// Small helpers shared by the subcommands: reading an input file whole, printing diagnostics.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "kaigo/core/clock.hpp"
#include "kaigo/reception/reception.hpp"
#include "kaigo/store/tables.hpp"

#include "kaigo/core/diagnostic.hpp"

namespace kaigo::cli {

// The bytes of `path`; throws std::runtime_error (Japanese / English) when it cannot be read.
std::string read_whole_file(const std::string& path);

// One line per diagnostic on stderr.
void print_diagnostics(const Diagnostics& diagnostics);

// --at (JST) or now; nullopt after a message on stderr when it does not parse.
std::optional<LocalDateTime> parse_at(const std::string& at);

// The pre-check's view of a database: its masters, and the office and insurer ledgers when loaded.
precheck::PrecheckContext precheck_context(store::Database& db, const store::TablesInForce& world);

// The reception of a database: its settings, masters and ledgers (those loaded) for the pre-check.
struct ReceptionSetup {
  std::unique_ptr<store::Database> db;
  store::TablesInForce world;
  std::unique_ptr<reception::Reception> reception;

  // `recipients`: the review needs the 受給者台帳; reception alone does not.
  ReceptionSetup(const std::string& path, store::Recipients recipients);
  // Finishes files a stopped process left 受付中, saying so on stderr.
  void resume(const LocalDateTime& at);
};

}  // namespace kaigo::cli
