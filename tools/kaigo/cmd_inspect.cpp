#include "commands.hpp"
namespace kaigo::cli {
void register_inspect(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("inspect", "請求ファイルの概要 / summary of a claim file");
  cmd->callback([&status] { status = 1; });
}
}  // namespace kaigo::cli
