// kaigo month — the processing months of a database and their states (受付中 → 締切 → 審査中 →
// 審査済 → 支払済), and the operator's close of a month (an addition to DESIGN §3.1, issue 11).
#include <fmt/format.h>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/month/desk.hpp"
#include "options.hpp"

namespace kaigo::cli {

void register_month(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "month", "処理年月の状態と締切 / processing months: states and closing");
  static std::string db_path;
  static std::string format = "text";
  static std::string month_text;
  static std::string at_text;

  auto* list = cmd->add_subcommand("list", "処理年月の一覧 / list the processing months");
  add_db_option(list, db_path);
  list->add_option("--format", format, "text | json")->check(CLI::IsMember({"text", "json"}));
  list->callback([&status] {
    auto db = store::Database::open(db_path);
    nlohmann::json rows = nlohmann::json::array();
    std::string text;
    for (const auto& m : db->months()) {
      rows.push_back({{"month", m.month.str()},
                      {"state", enum_ja(m.state)},
                      {"state_code", enum_code(m.state)},
                      {"since", m.since.str()},
                      {"note", m.note}});
      text += fmt::format("{}\t{}\t{}\t{}\n", m.month.str(), enum_ja(m.state), m.since.str(), m.note);
    }
    out(format == "json" ? dump_json(rows) : text);
    status = 0;
  });

  auto* close = cmd->add_subcommand("close", "処理年月を締め切る / close a processing month");
  add_db_option(close, db_path);
  add_month_option(close, month_text, "処理年月 YYYYMM / processing month");
  add_at_option(close, at_text, "締切日時", "time of the close");
  close->callback([&status] {
    auto at = parse_at(at_text);
    auto month = month_option(month_text, status);
    if (!month || !at) {
      status = 2;
      return;
    }
    month::Desk desk(db_path);
    auto step = desk.reception().close_month(*month, *at);
    audit_cli(desk.db(), step.done ? auth::AuditAction::MonthClose : auth::AuditAction::MonthCloseRefused, month->str(), nlohmann::json::object(), *at);
    if (!step.done) {
      err(fmt::format("締め切れません: {} / cannot close: {}\n", step.message_ja, step.message_en));
      status = 1;
      return;
    }
    out(fmt::format("{} / {}\n", step.message_ja, step.message_en));
    status = 0;
  });
}

}  // namespace kaigo::cli
