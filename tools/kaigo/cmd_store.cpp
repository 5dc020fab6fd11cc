// kaigo init / kaigo load — prepare a database and load ledgers and masters into it.
#include <fmt/format.h>
#include <cstdio>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::cli {

void register_init(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("init", "データベースを準備 / prepare a database");
  static std::string db_path, config;
  add_db_option(cmd, db_path);
  cmd->add_option("--config", config, "設定 kokuhoren.toml / settings file");
  cmd->callback([&status] {
    std::optional<std::string> toml;
    if (!config.empty()) {
      toml = read_whole_file(config);
      auto parsed = parse_settings(*toml, config);
      print_diagnostics(parsed.diagnostics);
      if (!parsed.settings) {
        std::fprintf(stderr, "設定に誤りがあるため初期化しませんでした / settings have errors; nothing was done\n");
        status = 1;
        return;
      }
    }
    std::optional<Settings> given;
    if (toml) given = parse_settings(*toml, config).settings;
    auto access = given && given->files.group_readable ? store::FileAccess::Group : store::FileAccess::Owner;
    auto db = store::Database::create(db_path, access);
    if (toml) db->store_settings(*toml, config, now_jst());
    auto s = db->settings();
    std::fputs(
        fmt::format("{} を初期化しました / initialised: {}（受付 1日〜{}日 {}、取消 {} まで）\n", db_path, s.name,
                    s.reception.deadline_day, s.reception.deadline_time.str(), s.reception.cancel_cutoff.str())
            .c_str(),
        stdout);
    status = 0;
  });
}

void register_load(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("load", "台帳・マスタを取り込む / load a ledger or master (all or nothing)");
  static std::string db_path;
  static std::string kind;
  static std::string file;
  static bool empty = false;
  add_db_option(cmd, db_path);
  cmd->add_flag("--empty", empty, "行のないファイルで台帳を空にする / a file with no rows empties the table in force");
  cmd->add_option("KIND", kind, "offices | insurers | recipients | services | fees | sougou | kohi")
      ->required()
      ->check(CLI::IsMember({"offices", "insurers", "recipients", "services", "fees", "sougou", "kohi"}));
  cmd->add_option("FILE", file, "CSV (UTF-8)")->required();
  cmd->callback([&status] {
    auto db = store::Database::open(db_path);
    auto text = read_whole_file(file);
    auto report = store::load_table(*db, *parse_enum<store::TableKind>(kind), file, text, now_jst(),
                                    empty ? store::EmptyTable::Allow : store::EmptyTable::Refuse);
    audit_cli(*db, report.stored ? auth::AuditAction::Load : auth::AuditAction::LoadRefused, kind,
              {{"file", escape_control(file)}, {"rows", report.rows}, {"problems", report.diagnostics.size()}}, now_jst());
    print_diagnostics(report.diagnostics);
    if (!report.stored) {
      std::fprintf(
          stderr, "%s",
          fmt::format("{} に誤りがあるため何も取り込みませんでした（{} 件）/ {} has errors; nothing was stored\n", file,
                      report.diagnostics.size(), file)
              .c_str());
      status = 1;
      return;
    }
    std::fputs(
        fmt::format("{} を {} として取り込みました: {} 行 / loaded {} rows\n", file, kind, report.rows, report.rows)
            .c_str(),
        stdout);
    status = 0;
  });
}

}  // namespace kaigo::cli
