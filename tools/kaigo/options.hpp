// The options several subcommands share, declared once: --db, --month (YYYYMM) and --at (a time).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "cli_support.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::cli {

// A command `name` of `parent` made of subcommands, one of which must be given.
CLI::App* add_command_group(CLI::App& parent, const std::string& name, const std::string& help);
// --db FILE, required.
void add_db_option(CLI::App* cmd, std::string& db_path);
// A subcommand `name` of `parent` with its --db that runs `body`, which sets the exit status.
CLI::App* add_db_command(CLI::App* parent, const std::string& name, const std::string& help, std::string& db_path,
                         int& status, std::function<void(int& status)> body);
// --at ISO-8601 (日本時間), parsed by parse_at: `what_ja` / `what_en` say which time it is; now when
// not given, or required.
enum class AtGiven { DefaultNow, Required };
CLI::Option* add_at_option(CLI::App* cmd, std::string& at_text, std::string_view what_ja, std::string_view what_en,
                           AtGiven given = AtGiven::DefaultNow);
// --month YYYYMM, required; `what` says which month it is.
void add_month_option(CLI::App* cmd, std::string& month_text, const std::string& what);
// The month of --month; nullopt with the message on stderr and `status` 2 when it is not YYYYMM.
std::optional<YearMonth> month_option(const std::string& month_text, int& status);

// The body of a command that takes in one file for a review month: the database is open and the
// month read; it sets `status`.
using MonthFileLoad = std::function<void(store::Database& db, YearMonth month, const std::string& file, int& status)>;
// A subcommand `name` with --db, --month (`month_help`) and FILE (`file_help`) that runs `load`
// (a bad --month: status 2 after a message, before the database is opened).
void add_month_file_command(CLI::App& app, const char* name, const char* help, const char* month_help,
                            const char* file_help, int& status, MonthFileLoad load);
// "FILE に誤りがあるため何も取り込みませんでした / FILE has errors; nothing was stored" on stderr and
// status 1: a failure (DESIGN §3.1: 2 is bad usage).
void refuse_file(const std::string& file, int& status);
// The table `load` (a master::LoadResult loader) reads from `file`, its diagnostics on stderr;
// nullopt after refuse_file when the file has errors.
template <class Load>
auto load_or_refuse(const std::string& file, int& status, Load load) {
  auto loaded = load(read_whole_file(file), file);
  print_diagnostics(loaded.diagnostics);
  if (!loaded.ok()) refuse_file(file, status);
  return std::move(loaded.table);
}

}  // namespace kaigo::cli
