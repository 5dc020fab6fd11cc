// kaigo review — the 審査 of a processing month over a database (DESIGN §3.1); re-runnable.
#include <fmt/format.h>
#include <cstdio>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/store/review_store.hpp"

namespace kaigo::cli {

void register_review(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("review", "処理年月の審査 / review a processing month");
  static std::string db_path;
  static std::string month_text;
  cmd->add_option("--db", db_path, "データベース / database file")->required();
  cmd->add_option("--month", month_text, "処理年月 YYYYMM / processing month")->required();
  cmd->callback([&status] {
    auto month = YearMonth::parse(month_text);
    if (!month) {
      std::fprintf(stderr, "エラー: --month は YYYYMM / error: --month must be YYYYMM (%s)\n", month_text.c_str());
      status = 2;
      return;
    }
    auto now = now_jst();
    ReceptionSetup setup(db_path, store::Recipients::Load);
    store::ReviewStore reviews(*setup.db, now);
    if (auto later = reviews.later_reviewed_months(*month); !later.empty()) {
      std::fprintf(
          stderr, "%s",
          fmt::format("{} より後の {} が審査済みのため、{} は再審査できません / {} cannot be run again: {} has "
                      "already been reviewed\n",
                      month->str(), later.front().str(), month->str(), month->str(), later.front().str())
              .c_str());
      status = 1;
      return;
    }
    setup.resume(now);
    auto sent = setup.reception->start_review(*month, now);
    auto settings = setup.db->settings();
    review::ReviewContext context{setup.world.masters, setup.world.offices, setup.world.insurers, setup.world.recipients,
                            review::config_of(settings.review)};
    auto report = review::run_month(reviews, reviews, context, *month);
    std::string out = fmt::format("処理年月 {} の審査が終わりました / review of {} done（送信完了にしたファイル {}）\n",
                                  month->str(), month->str(), sent);
    out += "  給付管理票 / plans:";
    for (const auto& [name, n] : report.plans) out += fmt::format("  {} {}", name, n);
    out += "\n  明細書 / claims:";
    for (const auto& [name, n] : report.claims) out += fmt::format("  {} {}", name, n);
    out +=
        fmt::format("\n  保留復活 {}  事前チェックのエラーで返戻 {}\n", report.released, report.returned_at_reception);
    std::fputs(out.c_str(), stdout);
    status = 0;
  });
}

}  // namespace kaigo::cli
