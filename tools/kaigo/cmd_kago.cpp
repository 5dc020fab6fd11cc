// kaigo kago — 過誤申立 received from insurers for a review month (DESIGN §3.1, §3.2 kago.csv).
#include <fmt/format.h>
#include <cstdio>
#include <filesystem>

#include "cli_support.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "kaigo/store/kago_store.hpp"

namespace kaigo::cli {

void register_kago(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("kago", "過誤申立の取込 / load 過誤 requests from insurers (all or nothing)");
  static std::string db_path, month_text, file;
  add_db_option(cmd, db_path);
  add_month_option(cmd, month_text, "処理年月 YYYYMM（過誤を処理する審査月）/ review month of the 過誤");
  cmd->add_option("FILE", file, "kago.csv (UTF-8)")->required();
  cmd->callback([&status] {
    auto month = month_option(month_text, status);
    if (!month) return;
    auto db = store::Database::open(db_path);
    auto text = read_whole_file(file);
    auto loaded = settlement::load_kago(text, file);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.ok()) {
      std::fprintf(
          stderr, "%s",
          fmt::format("{} に誤りがあるため何も取り込みませんでした / {} has errors; nothing was stored\n", file, file)
              .c_str());
      status = 1;
      return;
    }
    auto name = std::filesystem::path(file).filename().string();
    store::store_kago(*db, *month, name, *loaded.table, now_jst());
    int same = 0;
    for (const auto& k : *loaded.table) same += k.same_month ? 1 : 0;
    std::fputs(fmt::format(
                   "{} を処理年月 {} の過誤申立として取り込みました: {} 件（うち同月過誤 {} 件）/ loaded {} requests\n",
                   name, month->str(), loaded.table->size(), same, loaded.table->size())
                   .c_str(),
               stdout);
    status = 0;
  });
}

}  // namespace kaigo::cli
