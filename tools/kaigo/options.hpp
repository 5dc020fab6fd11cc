// The options several subcommands share, declared once: --db and --month (YYYYMM).
// (cmd_review, cmd_results and cmd_reception still declare theirs by hand; they move to these
// helpers with the month pipelines of issue 11.)
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "kaigo/core/date.hpp"

namespace kaigo::cli {

// --db FILE, required.
void add_db_option(CLI::App* cmd, std::string& db_path);
// --month YYYYMM, required; `what` says which month it is.
void add_month_option(CLI::App* cmd, std::string& month_text, const std::string& what);
// The month of --month; nullopt with the message on stderr and `status` 2 when it is not YYYYMM.
std::optional<YearMonth> month_option(const std::string& month_text, int& status);

}  // namespace kaigo::cli
