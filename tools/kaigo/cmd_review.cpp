// kaigo review — the 審査 of a processing month over a database (DESIGN §3.1): parse, call
// month::run_review, print. The month must be closed; a month already reviewed only with --again.
#include <fmt/format.h>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/month/review_run.hpp"
#include "options.hpp"

namespace kaigo::cli {

void register_review(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("review", "処理年月の審査 / review a processing month");
  static std::string db_path;
  static std::string month_text;
  static std::string at_text;
  static bool again = false;
  add_db_option(cmd, db_path);
  add_month_option(cmd, month_text, "処理年月 YYYYMM / processing month");
  add_at_option(cmd, at_text, "審査日時", "time of the review");
  cmd->add_flag("--again", again, "審査済みの月をもう一度審査する / review a reviewed month again");
  cmd->callback([&status] {
    auto month = month_option(month_text, status);
    if (!month) return;
    auto at = parse_at(at_text, status);
    if (!at) return;
    auto run = month::run_review(db_path, *month, *at, again);
    audit_cli(*store::Database::open(db_path), run.step.done ? auth::AuditAction::Review : auth::AuditAction::ReviewRefused, month->str(),
              {{"again", again}, {"files_sent", run.step.files_sent}, {"claims", run.report.claims}}, *at);
    if (!run.step.done) {
      err(fmt::format("審査できません: {} / cannot review: {}\n", run.step.message_ja, run.step.message_en));
      status = 1;
      return;
    }
    if (run.step.restarted) {
      err("前回の審査が途中で止まっていたため、最初からやり直しました / the previous review had stopped half-way; it was "
          "run again from the start\n");
    }
    const auto& report = run.report;
    std::string text = fmt::format("処理年月 {} の審査が終わりました / review of {} done（送信完了にしたファイル {}）\n",
                                   month->str(), month->str(), run.step.files_sent);
    text += "  給付管理票 / plans:";
    for (const auto& [name, n] : report.plans) text += fmt::format("  {} {}", name, n);
    text += "\n  明細書 / claims:";
    for (const auto& [name, n] : report.claims) text += fmt::format("  {} {}", name, n);
    text += fmt::format("\n  保留復活 {}  事前チェックのエラーで返戻 {}\n", report.released, report.returned_at_reception);
    out(text);
    status = 0;
  });
}

}  // namespace kaigo::cli
