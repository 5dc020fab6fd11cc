// kaigo rereview — 再審査申立 (71B2) received for a review month with the 審査委員会's decision
// (DESIGN §3.1, §3.2 rereview.csv). All or nothing: a bad row, or a request that names no cut
// 明細書 decided in an earlier month, stores nothing and exits 1.
#include <fmt/format.h>
#include <cstdio>
#include <filesystem>

#include "cli_support.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "kaigo/store/appeal_store.hpp"
#include "kaigo/store/settlement_store.hpp"

namespace kaigo::cli {
namespace {

void take_appeals(store::Database& db, YearMonth month, const std::string& file, int& status) {
  auto appeals = load_or_refuse(file, status, settlement::load_appeals);
  if (!appeals) return;
  store::SettlementSource matched;
  store::match_appeals(db, month, *appeals, file, matched);
  print_diagnostics(matched.refused_appeals);
  if (!matched.refused_appeals.empty()) return refuse_file(file, status);
  auto name = std::filesystem::path(file).filename().string();
  store::store_appeals(db, month, name, *appeals, now_jst());
  std::size_t upheld = 0;
  for (const auto& a : *appeals) upheld += a.decision == settlement::AppealDecision::Upheld ? 1 : 0;
  const auto n = appeals->size();
  std::fputs(fmt::format("{} を処理年月 {} の再審査申立として取り込みました: {} 件（原審どおり {} 件、増点 {} 件）/ "
                         "loaded {} requests ({} upheld, {} restored)\n",
                         name, month.str(), n, upheld, n - upheld, n, upheld, n - upheld)
                 .c_str(),
             stdout);
  status = 0;
}

}  // namespace

void register_rereview(CLI::App& app, int& status) {
  add_month_file_command(
      app, "rereview", "再審査申立の取込 / load 再審査 requests (71B2) with the committee's decision (all or nothing)",
      "処理年月 YYYYMM（再審査を決定する審査月）/ review month of the 再審査", "rereview.csv (UTF-8)", status,
      take_appeals);
}

}  // namespace kaigo::cli
