#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"
#include "kaigo/gen/generator.hpp"
#include "kaigo/gen/platform_month.hpp"

namespace kaigo::cli {

void print_platform_month(const gen::PlatformMonthReport& p);  // cmd_gen_platform.cpp

void register_gen(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("gen", "模擬の月次データを生成 / generate a synthetic month");
  static gen::Options options;
  static std::string out;
  static std::string month;
  static int platform_people = 2000;
  cmd->add_option("--out", out, "出力先フォルダ / output folder")->required();
  add_month_option(cmd, month, "処理年月 YYYYMM（サービス提供月はその前月） / processing month");
  cmd->add_option("--offices", options.offices, "事業所数 / number of offices")->check(CLI::Range(6, 10'000'000));
  cmd->add_option("--recipients", options.recipients, "受給者数 / number of recipients")->check(CLI::Range(1, 100'000'000));
  cmd->add_option("--seed", options.seed, "乱数の種 / seed");
  cmd->add_option("--errors", options.error_rate, "誤りを入れる受給者の割合 / share of recipients with a mistake")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--all-mistakes", options.all_mistakes,
                "後から加わった誤りの種類（摘要漏れ 14QR、日割り AEFJ など）も入れ、月の途中の契約の日割りを書き、"
                "増減 B への再審査申立を rereview.csv に書き、要支援の人の総合事業と市町村のサービスコード表 sougou.csv を書く / "
                "draw the mistakes from every kind (the ones added since the first seven: 14QR, AEFJ, KP27 …), write "
                "日割り cases, the 再審査申立 of the B cuts to rereview.csv, and 要支援 people at 総合事業 offices with "
                "the municipalities' own codes in sougou.csv");
  static bool no_careplan = false;
  cmd->add_flag("--no-careplan", no_careplan,
                "ケアプランデータ連携のファイル（careplan/）を書かない（全国規模の月: make bench-national）/ do not write the "
                "care-plan exchange files (careplan/; for the national month: make bench-national)");
  cmd->add_option("--platform-people", platform_people, "介護情報基盤の記録を作る人数（0: 作らない）/ people with platform records")
      ->check(CLI::Range(0, 10'000'000));
  cmd->callback([&status] {
    auto ym = month_option(month, status);
    if (!ym) return;
    options.out = out;
    options.careplan_files = !no_careplan;
    options.processing_month = *ym;
    auto masters = master::load_bundled_masters();
    if (!masters.ok()) {
      for (const auto& d : masters.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
      status = 1;
      return;
    }
    auto r = gen::generate(options, *masters.table);
    std::fputs(fmt::format("処理年月 {} (サービス提供年月 {}) を {} に生成しました / generated\n", ym->str(),
                           ym->plus_months(-1).str(), out)
                   .c_str(),
               stdout);
    std::fputs(fmt::format("  事業所 {}  保険者 {}  受給者 {}  請求ファイル {}  給付管理票ファイル {}\n", r.offices,
                           r.insurers, r.recipients, r.claim_files, r.plan_files)
                   .c_str(),
               stdout);
    std::fputs(fmt::format("  明細書 {}  給付管理票 {}  {} バイト\n", r.statements, r.plans, r.bytes).c_str(), stdout);
    std::fputs(fmt::format("  ケアプランデータ連携ファイル（予定・実績）/ care-plan files: {} (careplan/)\n", r.careplan_files).c_str(),
               stdout);
    for (const auto& [kind, n] : r.mistakes) std::fputs(fmt::format("  誤り {}: {} 件\n", kind, n).c_str(), stdout);
    if (options.all_mistakes) {
      std::fputs(fmt::format("  再審査申立 rereview.csv（翌月の kaigo rereview 用 / for the next month's kaigo rereview）: {} 件\n",
                             r.appeals)
                     .c_str(),
                 stdout);
      std::fputs(fmt::format("  総合事業 sougou.csv（市町村のサービスコード表 / the municipalities' codes）: {} 行  "
                             "総合事業の明細書 / 総合事業 statements: {}\n",
                             r.sougou_codes, r.sougou_statements)
                     .c_str(),
                 stdout);
    }
    if (platform_people > 0) print_platform_month(gen::generate_platform_month(out, {*ym, options.seed, platform_people}));
    status = 0;
  });
}

}  // namespace kaigo::cli
