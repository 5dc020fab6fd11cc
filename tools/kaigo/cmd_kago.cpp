// kaigo kago — 過誤申立 received from insurers for a review month (DESIGN §3.1, §3.2 kago.csv).
#include <fmt/format.h>
#include <cstdio>
#include <filesystem>

#include "cli_support.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "kaigo/store/kago_store.hpp"

namespace kaigo::cli {

namespace {

void take_kago(store::Database& db, YearMonth month, const std::string& file, int& status) {
  auto requests = load_or_refuse(file, status, settlement::load_kago);
  if (!requests) return;
  auto name = std::filesystem::path(file).filename().string();
  store::store_kago(db, month, name, *requests, now_jst());
  int same = 0;
  for (const auto& k : *requests) same += k.same_month ? 1 : 0;
  std::fputs(
      fmt::format("{} を処理年月 {} の過誤申立として取り込みました: {} 件（うち同月過誤 {} 件）/ loaded {} requests\n",
                  name, month.str(), requests->size(), same, requests->size())
          .c_str(),
      stdout);
  status = 0;
}

}  // namespace

void register_kago(CLI::App& app, int& status) {
  add_month_file_command(app, "kago", "過誤申立の取込 / load 過誤 requests from insurers (all or nothing)",
                         "処理年月 YYYYMM（過誤を処理する審査月）/ review month of the 過誤", "kago.csv (UTF-8)",
                         status, take_kago);
}

}  // namespace kaigo::cli
