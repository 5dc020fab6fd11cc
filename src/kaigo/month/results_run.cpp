#include "kaigo/month/results_run.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kaigo/month/desk.hpp"
#include "kaigo/month/results_folder.hpp"
#include "kaigo/report/render_all.hpp"
#include "kaigo/report/results_dir.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/settlement/settle.hpp"
#include "kaigo/store/settlement_store.hpp"

namespace kaigo::month {
namespace {

// 作成年月日 = the last day of the processing month; 振込日 = the 26th of the next month (seed 002
// §7: October's processing paid on 11月26日). Never the clock, so that a re-run writes the same bytes.
Date created_on(const ResultsOptions& o) {
  return o.created.value_or(Date{o.month.year, o.month.month, o.month.days()});
}

Date transfer_on(const ResultsOptions& o) {
  auto next = o.month.plus_months(1);
  return o.transfer.value_or(Date{next.year, next.month, 26});
}

// The month settled office range by office range, so that one part's 明細書 are in memory at a time.
// The stored findings' texts of every part go to `texts`: a decision decided again (再審査) carries
// its findings, whose messages point into them, until the settlement is stored (moving a deque
// keeps its strings where they are).
settlement::MonthSettlement settle(store::Database& db, const store::TablesInForce& world, const ResultsOptions& o,
                                   ResultsRun& run, std::vector<std::deque<std::string>>& texts) {
  auto settings = db.settings();
  review::ReviewContext context{world.masters, world.offices, world.insurers, world.recipients,
                          review::config_of(settings.review)};
  context.funds = world.funds ? &*world.funds : nullptr;
  settlement::MonthSettlement settled;
  settled.month = o.month;
  for (const auto& part : store::settlement_parts(db, o.month, o.part_claims)) {
    auto source = store::load_settlement_input(db, o.month, part);
    for (const auto& u : source->unmatched_kago) {
      run.warnings.push_back({fmt::format("過誤申立（{} 行目）: {}", u.request.line, u.reason_ja),
                              fmt::format("過誤 request (line {}): {}", u.request.line, u.reason_en)});
    }
    for (const auto& d : source->refused_appeals) {
      run.warnings.push_back({fmt::format("再審査申立 {}:{}: [{}] {}", d.file, d.line, d.code, d.message_ja),
                              fmt::format("再審査申立 {}:{}: [{}] {}", d.file, d.line, d.code, d.message_en)});
    }
    auto part_settled = settlement::settle_month(source->input, context, settings.settlement);
    for (auto& p : settlement::check_balance(source->input, part_settled)) run.problems.push_back(std::move(p));
    settlement::merge(settled, std::move(part_settled));
    texts.push_back(std::move(source->texts));
  }
  return settled;
}

}  // namespace

ResultsRun run_results(const std::filesystem::path& db_path, const ResultsOptions& o, const LocalDateTime& at) {
  ResultsRun run;
  Desk desk(db_path, store::Recipients::Load);
  auto& db = desk.db();
  auto& reception = desk.reception();
  run.step = reception.start_settlement(o.month, at);
  if (!run.step.done) return run;
  try {
    std::vector<std::deque<std::string>> texts;  // outlives the storing of `settled`
    auto settled = settle(db, desk.world(), o, run, texts);
    if (!run.problems.empty()) {
      reception.abandon_job();
      return run;
    }
    ResultsFolder folder(o.out, db.file_access() == store::FileAccess::Group);
    auto issue = report::issue_info(db.settings(), created_on(o), transfer_on(o));
    auto written = report::write_results(folder.staging(), settled, issue);
    run.official_files = static_cast<std::size_t>(std::count_if(
        written.begin(), written.end(), [](const std::filesystem::path& p) { return p.extension() == ".CSV"; }));
    if (o.print) run.printed_files = report::render_all(folder.staging()).size();
    // The payments are kept and the month is 支払済 in one step; the folder takes DIR's place after.
    db.atomically([&] {
      store::store_settlement(db, settled);
      reception.finish_settlement(o.month, at);
    });
    folder.publish();
    for (const auto& n : settled.notes) {
      run.warnings.push_back({fmt::format("{}: {}", n.office_no, n.message_ja), fmt::format("{}: {}", n.office_no, n.message_en)});
    }
    run.offices = settled.offices.size();
    for (const auto& office : settled.offices) run.transfers = run.transfers + office.payment.transfer;
  } catch (...) {
    reception.abandon_job();
    throw;
  }
  return run;
}

}  // namespace kaigo::month
