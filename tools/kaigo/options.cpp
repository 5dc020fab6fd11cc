#include "options.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace kaigo::cli {

CLI::App* add_command_group(CLI::App& parent, const std::string& name, const std::string& help) {
  auto* group = parent.add_subcommand(name, help);
  group->require_subcommand(1);
  return group;
}

void add_db_option(CLI::App* cmd, std::string& db_path) {
  cmd->add_option("--db", db_path, "データベース / database file")->required();
}

CLI::App* add_db_command(CLI::App* parent, const std::string& name, const std::string& help, std::string& db_path,
                         int& status, std::function<void(int& status)> body) {
  auto* cmd = parent->add_subcommand(name, help);
  add_db_option(cmd, db_path);
  cmd->callback([&status, body = std::move(body)] { body(status); });
  return cmd;
}

CLI::Option* add_at_option(CLI::App* cmd, std::string& at_text, std::string_view what_ja, std::string_view what_en,
                           AtGiven given) {
  const bool required = given == AtGiven::Required;
  auto* option = cmd->add_option("--at", at_text,
                                 fmt::format("{}（ISO-8601, 日本時間{}）/ {} (ISO-8601, JST{})", what_ja,
                                             required ? "" : ", 既定は現在", what_en, required ? "" : ", default now"));
  option->required(required);
  return option;
}

void add_month_option(CLI::App* cmd, std::string& month_text, const std::string& what) {
  cmd->add_option("--month", month_text, what)->required();
}

std::optional<YearMonth> month_option(const std::string& month_text, int& status) {
  auto month = YearMonth::parse(month_text);
  if (!month) {
    std::fprintf(stderr, "エラー: --month は YYYYMM / error: --month must be YYYYMM (%s)\n", month_text.c_str());
    status = 2;
  }
  return month;
}

void add_month_file_command(CLI::App& app, const char* name, const char* help, const char* month_help,
                            const char* file_help, int& status, MonthFileLoad load) {
  struct Given {
    std::string db_path, month_text, file;
  };
  auto given = std::make_shared<Given>();
  auto* cmd = app.add_subcommand(name, help);
  add_db_option(cmd, given->db_path);
  add_month_option(cmd, given->month_text, month_help);
  cmd->add_option("FILE", given->file, file_help)->required();
  cmd->callback([given, &status, load = std::move(load)] {
    auto month = month_option(given->month_text, status);
    if (!month) return;
    auto db = store::Database::open(given->db_path);
    load(*db, *month, given->file, status);
  });
}

void refuse_file(const std::string& file, int& status) {
  std::fputs(
      fmt::format("{} に誤りがあるため何も取り込みませんでした / {} has errors; nothing was stored\n", file, file)
          .c_str(),
      stderr);
  status = 1;
}

}  // namespace kaigo::cli
