#include "commands.hpp"
namespace kaigo::cli {
void register_gen(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("gen", "模擬の月次データを生成 / generate a synthetic month");
  cmd->callback([&status] { status = 1; });
}
}  // namespace kaigo::cli
