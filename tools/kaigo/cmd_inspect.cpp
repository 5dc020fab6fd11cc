#include <cstdio>

#include "commands.hpp"
#include "kaigo/exchange/inspect.hpp"

namespace kaigo::cli {

void register_inspect(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("inspect", "請求ファイルの概要 / summary of a claim file");
  static std::string file;
  static std::string format = "text";
  cmd->add_option("FILE", file, "交換情報ファイル / exchange file")->required();
  cmd->add_option("--format", format, "text | json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&status] {
    auto report = exchange::inspect_file(file);
    if (format == "json") {
      std::fputs(exchange::to_json(report).dump(2).c_str(), stdout);
      std::fputs("\n", stdout);
    } else {
      std::fputs(exchange::format_text(report).c_str(), stdout);
    }
    status = 0;
  });
}

}  // namespace kaigo::cli
