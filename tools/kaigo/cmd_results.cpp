// kaigo results — the month's official result files, their PDF and HTML, and summary.json
// (DESIGN §3.1): settlement of the reviewed month, the money balance checked, the payments kept.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/report/render_all.hpp"
#include "kaigo/report/results_dir.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/settlement/settle.hpp"
#include "kaigo/store/settlement_store.hpp"

namespace kaigo::cli {
namespace {

// 作成年月日 = the last day of the processing month; 振込日 = the 26th of the next month (seed 002
// §7: October's processing paid on 11月26日). Both can be given; never the clock, so that a re-run
// writes the same bytes.
std::optional<Date> date_or(const std::string& text, Date fallback, const char* option) {
  if (text.empty()) return fallback;
  auto d = Date::parse(text);
  if (!d)
    std::fprintf(stderr, "エラー: %s は YYYYMMDD / error: %s must be YYYYMMDD (%s)\n", option, option, text.c_str());
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
  static std::int64_t part_claims = 200'000;
  cmd->add_option("--db", db_path, "データベース / database file")->required();
  cmd->add_option("--month", month_text, "処理年月 YYYYMM / processing month")->required();
  cmd->add_option("--out", out_dir, "出力先フォルダ / output folder")->required();
  cmd->add_option("--created", created_text, "作成年月日 YYYYMMDD（既定: 処理月の末日）/ date of the notices");
  cmd->add_option("--transfer", transfer_text, "振込日 YYYYMMDD（既定: 翌月26日）/ transfer date");
  cmd->add_option("--part-claims", part_claims,
                  "一度に支払決定する明細書数の上限（事業所単位に分割。既定 200000）/ 明細書 settled at a time "
                  "(the month is cut by office; default 200000)")
      ->check(CLI::PositiveNumber);
  cmd->callback([&status] {
    auto month = YearMonth::parse(month_text);
    if (!month) {
      std::fprintf(stderr, "エラー: --month は YYYYMM / error: --month must be YYYYMM (%s)\n", month_text.c_str());
      status = 2;
      return;
    }
    auto next = month->plus_months(1);
    auto created = date_or(created_text, Date{month->year, month->month, month->days()}, "--created");
    auto transfer = date_or(transfer_text, Date{next.year, next.month, 26}, "--transfer");
    if (!created || !transfer) {
      status = 2;
      return;
    }
    auto db = store::Database::open(db_path);
    auto settings = db->settings();
    auto world = store::load_tables_in_force(*db);
    review::ReviewContext context{world.masters, world.offices, world.insurers, world.recipients,
                            review::config_of(settings.review)};
    // Office range by office range, so that only one part's 明細書 are in memory at a time.
    settlement::MonthSettlement settled;
    settled.month = *month;
    std::vector<std::string> problems;
    for (const auto& part : store::settlement_parts(*db, *month, part_claims)) {
      auto source = store::load_settlement_input(*db, *month, part);
      for (const auto& u : source->unmatched_kago) {
        std::fprintf(stderr, "%s",
                     fmt::format("過誤申立（{} 行目）: {} / 過誤 request (line {}): {}\n", u.request.line, u.reason_ja,
                                 u.request.line, u.reason_en)
                         .c_str());
      }
      auto part_settled = settlement::settle_month(source->input, context, settings.settlement);
      for (auto& p : settlement::check_balance(source->input, part_settled)) problems.push_back(std::move(p));
      settlement::merge(settled, std::move(part_settled));
    }
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.c_str());
    if (!problems.empty()) {
      std::fprintf(stderr,
                   "金額が合わないため帳票を作りませんでした / the money does not balance; no results written\n");
      status = 1;
      return;
    }
    auto issue = report::issue_info(settings, *created, *transfer);
    auto written = report::write_results(out_dir, settled, issue);
    const auto official = std::count_if(written.begin(), written.end(),
                                        [](const std::filesystem::path& p) { return p.extension() == ".CSV"; });
    auto printed = report::render_all(out_dir);
    store::store_settlement(*db, settled);
    for (const auto& n : settled.notes) {
      std::fprintf(stderr, "%s\n", fmt::format("{}: {} / {}", n.office_no, n.message_ja, n.message_en).c_str());
    }
    Yen transfers{};
    for (const auto& o : settled.offices) transfers = transfers + o.payment.transfer;
    std::fputs(
        fmt::format("処理年月 {} の帳票を {} に書きました / results written: 事業所 {}、公式ファイル {}、PDF・HTML {}、"
                    "振込額合計 {} 円\n  summary: {}/summary.json\n",
                    month->str(), out_dir, settled.offices.size(), official, printed.size(), transfers.value, out_dir)
            .c_str(),
        stdout);
    status = 0;
  });
}

}  // namespace kaigo::cli
