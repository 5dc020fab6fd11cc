// The subcommands of the kaigo CLI. Each register_* adds one subcommand to the app; its callback
// stores the exit status in `status` (0 success, 1 failure; CLI11 usage errors give 2).
#pragma once
#include <CLI/CLI.hpp>

namespace kaigo::cli {

int run(int argc, char** argv);

void register_inspect(CLI::App& app, int& status);
void register_gen(CLI::App& app, int& status);
void register_init(CLI::App& app, int& status);
void register_load(CLI::App& app, int& status);
void register_precheck(CLI::App& app, int& status);
void register_submit(CLI::App& app, int& status);
void register_cancel(CLI::App& app, int& status);
void register_review(CLI::App& app, int& status);
void register_results(CLI::App& app, int& status);
void register_kago(CLI::App& app, int& status);
void register_rereview(CLI::App& app, int& status);
void register_stats(CLI::App& app, int& status);
void register_render(CLI::App& app, int& status);
void register_user(CLI::App& app, int& status);
void register_ca(CLI::App& app, int& status);
void register_cert(CLI::App& app, int& status);
void register_audit(CLI::App& app, int& status);
void register_month(CLI::App& app, int& status);
void register_careplan(CLI::App& app, int& status);
void register_subsidy(CLI::App& app, int& status);
void register_portal(CLI::App& app, int& status);
void register_platform(CLI::App& app, int& status);
void register_serve(CLI::App& app, int& status);

}  // namespace kaigo::cli
