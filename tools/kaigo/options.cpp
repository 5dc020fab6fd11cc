#include "options.hpp"

#include <cstdio>

namespace kaigo::cli {

void add_db_option(CLI::App* cmd, std::string& db_path) {
  cmd->add_option("--db", db_path, "データベース / database file")->required();
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

}  // namespace kaigo::cli
