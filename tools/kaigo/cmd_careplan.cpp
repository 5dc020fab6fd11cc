// kaigo careplan — the care-plan exchange (DESIGN §3.5). Now: `check`, the v4.1 files checked as
// the pre-check answers (docs/careplan.md). send / inbox / fetch / reconcile / licence come with the
// accounts and the store.
#include <cstdio>
#include <vector>

#include "commands.hpp"
#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/check_list.hpp"

namespace kaigo::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string format = "text";
};

int run_check(const CheckArgs& o) {
  std::vector<careplan::FileCheck> results;
  int status = 0;
  for (const auto& f : o.files) {
    try {
      results.push_back(careplan::check_file(f));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "エラー / error: %s\n", e.what());
      status = 1;
    }
  }
  if (o.format == "json") {
    std::fputs(careplan::to_json(results).dump(2).c_str(), stdout);
    std::fputs("\n", stdout);
  } else if (o.format == "csv") {
    std::fputs(careplan::format_csv(results).c_str(), stdout);
  } else {
    std::fputs(careplan::format_text(results).c_str(), stdout);
  }
  return status;
}

}  // namespace

void register_careplan(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("careplan", "ケアプランデータ連携 / care-plan data exchange (標準仕様 v4.1)");
  cmd->require_subcommand(1);
  auto* check = cmd->add_subcommand("check", "ケアプランデータ連携ファイルの検査 / check care-plan exchange files");
  static CheckArgs o;
  check->add_option("FILE", o.files, "UPPLAN_…CSV などのファイル / files such as UPPLAN_…CSV")->required();
  check->add_option("--format", o.format, "text | json | csv")->check(CLI::IsMember({"text", "json", "csv"}));
  check->callback([&status] { status = run_check(o); });
}

}  // namespace kaigo::cli
