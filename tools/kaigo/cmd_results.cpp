// kaigo results — the month's official result files, summary.json and, with --print, their PDF and HTML
// (DESIGN §3.1): parse, call month::run_results, print.
#include <fmt/format.h>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/month/results_run.hpp"
#include "options.hpp"

namespace kaigo::cli {
namespace {

std::optional<Date> date_option(const std::string& text, const char* option, bool& bad) {
  if (text.empty()) return std::nullopt;
  auto d = Date::parse(text);
  if (!d) {
    err(fmt::format("エラー: {} は YYYYMMDD / error: {} must be YYYYMMDD ({})\n", option, option, text));
    bad = true;
  }
  return d;
}

}  // namespace

void register_results(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("results", "審査結果の帳票と支払 / the month's result files and payments");
  static std::string db_path;
  static std::string month_text;
  static std::string out_dir;
  static std::string created_text;
  static std::string transfer_text;
  static std::string at_text;
  static std::int64_t part_claims = 200'000;
  static bool print = false;
  add_db_option(cmd, db_path);
  add_month_option(cmd, month_text, "処理年月 YYYYMM / processing month");
  cmd->add_option("--out", out_dir, "出力先フォルダ（空か、前回の出力）/ output folder (empty, new, or an earlier run's)")
      ->required();
  cmd->add_option("--created", created_text, "作成年月日 YYYYMMDD（既定: 処理月の末日）/ date of the notices");
  cmd->add_option("--transfer", transfer_text, "振込日 YYYYMMDD（既定: 翌月26日）/ transfer date");
  add_at_option(cmd, at_text, "処理日時", "time of the run");
  cmd->add_option("--part-claims", part_claims,
                  "一度に支払決定する明細書数の上限（事業所単位に分割。既定 200000）/ 明細書 settled at a time "
                  "(the month is cut by office; default 200000)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--print", print,
                "すべての帳票を PDF・HTML に今印刷する（既定: 求められたときに印刷）/ print every notice as PDF and "
                "HTML now (default: each when first asked for: kaigo render, the download)");
  cmd->callback([&status] {
    month::ResultsOptions options;
    auto month = month_option(month_text, status);
    if (!month) return;
    bool bad = false;
    options.month = *month;
    options.out = out_dir;
    options.created = date_option(created_text, "--created", bad);
    options.transfer = date_option(transfer_text, "--transfer", bad);
    options.part_claims = part_claims;
    options.print = print;
    auto at = parse_at(at_text);
    if (bad || !at) {
      status = 2;
      return;
    }
    auto run = month::run_results(db_path, options, *at);
    audit_cli(*store::Database::open(db_path), run.written() ? auth::AuditAction::Results : auth::AuditAction::ResultsRefused, month->str(),
              {{"out", out_dir}, {"offices", run.offices}, {"transfers", run.transfers.value}}, *at);
    for (const auto& w : run.warnings) err(fmt::format("{} / {}\n", w.ja, w.en));
    if (!run.step.done) {
      err(fmt::format("支払処理できません: {} / cannot settle: {}\n", run.step.message_ja, run.step.message_en));
      status = 1;
      return;
    }
    if (!run.problems.empty()) {
      for (const auto& p : run.problems) err(p + "\n");
      err("金額が合わないため帳票を作りませんでした / the money does not balance; no results written\n");
      status = 1;
      return;
    }
    const auto printed = print ? std::to_string(run.printed_files) : std::string("求めに応じて印刷 (kaigo render)");
    out(fmt::format("処理年月 {} の帳票を {} に書きました / results written: 事業所 {}、公式ファイル {}、PDF・HTML {}、"
                    "振込額合計 {} 円\n  summary: {}/summary.json\n",
                    month->str(), out_dir, run.offices, run.official_files, printed, run.transfers.value, out_dir));
    status = 0;
  });
}

}  // namespace kaigo::cli
