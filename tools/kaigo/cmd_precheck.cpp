#include <cstdio>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/month/desk.hpp"
#include "kaigo/precheck/error_list.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::cli {
namespace {

struct PrecheckOptions {
  std::vector<std::string> files;
  std::string month;
  std::string offices;
  std::string insurers;
  std::string masters;
  std::string db;
  std::string format = "text";
};

// Loads a ledger CSV of DESIGN §3.2 with `load`; nullopt (after telling why on stderr) on failure.
template <class Ledger, class Load>
std::optional<Ledger> load_ledger(const std::string& path, Load load) {
  std::string text;
  try {
    text = read_whole_file(path);
  } catch (const std::exception&) {
    std::fprintf(stderr, "エラー: ファイルを開けません: %s / error: cannot open file: %s\n", path.c_str(), path.c_str());
    return std::nullopt;
  }
  auto r = load(text, path);
  if (!r.ok()) {
    print_diagnostics(r.diagnostics);
    return std::nullopt;
  }
  return std::move(*r.table);
}

int run_precheck(const PrecheckOptions& o) {
  precheck::PrecheckContext context;
  if (!o.month.empty()) {
    context.processing_month = YearMonth::parse(o.month);
    if (!context.processing_month) {
      std::fprintf(stderr, "エラー: --month は YYYYMM / error: --month must be YYYYMM (%s)\n", o.month.c_str());
      return 2;
    }
  }
  // With --db the masters and ledgers are the database's (those loaded into it).
  std::unique_ptr<store::Database> db;
  std::optional<store::TablesInForce> world;
  if (!o.db.empty()) {
    db = store::Database::open(o.db);
    world = store::load_tables_in_force(*db, store::Recipients::Skip);
    auto from_db = month::precheck_context(*db, *world);
    context.masters = from_db.masters;
    context.offices = from_db.offices;
    context.insurers = from_db.insurers;
  }
  auto masters = o.masters.empty() ? master::load_bundled_masters() : master::load_masters_from(o.masters);
  if (!masters.ok()) {
    print_diagnostics(masters.diagnostics);
    return 1;
  }
  if (!world) context.masters = &*masters.table;
  std::optional<master::OfficeLedger> offices;
  if (!o.offices.empty()) {
    offices = load_ledger<master::OfficeLedger>(o.offices, [&](std::string_view text, const std::string& name) {
      return master::load_offices(text, name, &masters.table->service_types);
    });
    if (!offices) return 1;
    context.offices = &*offices;
  }
  std::optional<master::InsurerLedger> insurers;
  if (!o.insurers.empty()) {
    insurers = load_ledger<master::InsurerLedger>(
        o.insurers, [](std::string_view text, const std::string& name) { return master::load_insurers(text, name); });
    if (!insurers) return 1;
    context.insurers = &*insurers;
  }
  // The list names the documents only through their rows: keep memory to the rows.
  context.collect_documents = false;
  std::vector<precheck::FileResult> results;
  int status = 0;
  for (const auto& f : o.files) {
    try {
      results.push_back(precheck::check_file(f, context));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "エラー / error: %s\n", e.what());
      status = 1;
    }
  }
  print_check_list<precheck::FileResult>(o.format, results);
  return status;
}

}  // namespace

void register_precheck(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("precheck", "請求ファイルの事前チェック / pre-check of claim files");
  static PrecheckOptions o;
  cmd->add_option("FILE", o.files, "交換情報ファイル / exchange files")->required();
  cmd->add_option("--month", o.month, "受付中の処理年月 YYYYMM / processing month being received");
  cmd->add_option("--offices", o.offices, "事業所台帳 offices.csv / office ledger (DESIGN §3.2)");
  cmd->add_option("--insurers", o.insurers, "保険者台帳 insurers.csv / insurer ledger (DESIGN §3.2)");
  cmd->add_option("--masters", o.masters, "マスタのフォルダ（既定: 同梱） / folder of masters (default: bundled)");
  cmd->add_option("--db", o.db,
                  "データベース（マスタ・台帳をそこから読む）/ database whose masters and ledgers to use");
  cmd->add_option("--format", o.format, "text | json | csv")->check(CLI::IsMember({"text", "json", "csv"}));
  cmd->callback([&status] { status = run_precheck(o); });
}

}  // namespace kaigo::cli
