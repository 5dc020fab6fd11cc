// kaigo stats — the review's returns and cuts counted by code, サービス種類 or 事業所, month against
// month, for the 国保連 or one 保険者 (issue 18 item 6; seed 000 §5(2) 表5-1; docs/review.md
// "Statistics"): text (the TOP N of each month as the seed prints it), CSV or JSON, and the printed
// page (--pdf).
#include <fmt/format.h>

#include <span>

#include "cli_support.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "kaigo/master/keys.hpp"
#include "kaigo/report/render.hpp"
#include "kaigo/report/statistics.hpp"
#include "kaigo/store/statistics_store.hpp"

namespace kaigo::cli {
namespace {

struct StatsOptions {
  std::string db_path, month_text, insurer, kind = "return", by = "code", format = "text", pdf, at;
  int months = 5;
  std::size_t top = 5;
};

std::string top_text(const review::StatTable& t, std::size_t n) {
  std::string s = fmt::format("■ 審査月別{}件数 TOP{}（{}）/ {} by {}, top {}\n", enum_ja(t.kind), n,
                              t.insurer_no.empty() ? "全保険者" : "保険者 " + t.insurer_no, enum_code(t.kind),
                              enum_code(t.axis), n);
  s += "順位";
  for (const auto& m : t.months) s += "\t" + wareki_year_month(m) + "審査";
  s += "\n";
  const auto ranked = review::top(t, n);
  for (std::size_t place = 0; place < n; ++place) {
    s += std::to_string(place + 1);
    for (const auto& month : ranked) {
      s += "\t";
      if (place < month.size()) s += fmt::format("{} ({})", month[place].key, review::share_text(month[place].cell.permille));
    }
    s += "\n";
  }
  s += "件数";
  for (auto total : t.month_totals) s += fmt::format("\t{}", total);
  s += "\n";
  return s;
}

void run_stats(const StatsOptions& o, int& status) {
  auto month = month_option(o.month_text, status);
  if (!month) return;
  auto at = parse_at(o.at, status);
  if (!at) return;
  const auto kind = o.kind == "cut" ? review::ReasonKind::Cut : review::ReasonKind::Return;
  const auto axis = o.by == "office"         ? review::StatAxis::Office
                    : o.by == "service_type" ? review::StatAxis::ServiceType
                                             : review::StatAxis::Code;
  const auto months = review::months_ending(*month, o.months);
  auto db = store::Database::open(o.db_path);
  const auto reasons = store::decided_reasons(*db, months.front(), months.back());
  const auto table = review::tabulate(reasons, kind, axis, months, master::normalize_insurer_no(o.insurer));
  if (o.format == "csv") {
    out(review::to_csv(table));
  } else if (o.format == "json") {
    out(dump_json(report::statistics_json(table, o.top)) + "\n");
  } else {
    out(top_text(table, o.top));
  }
  if (!o.pdf.empty()) {
    const auto content = report::statistics_content(table, o.top, db->settings().name);
    report::render_pdf(std::span(&content, 1), at->date, o.pdf);
    err(fmt::format("印刷用 PDF: {} / printed page written\n", o.pdf));
  }
  status = 0;
}

}  // namespace

void register_stats(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("stats", "審査の統計（返戻・査定の件数）/ returns and cuts by code, service type or office");
  static StatsOptions o;
  add_db_option(cmd, o.db_path);
  add_month_option(cmd, o.month_text, "審査年月 YYYYMM（最後の月）/ the last review month");
  cmd->add_option("--months", o.months, "月数（既定 5）/ how many months up to --month")->check(CLI::Range(1, 60));
  cmd->add_option("--kind", o.kind, "return（返戻）| cut（査定・増減）")->check(CLI::IsMember({"return", "cut"}));
  cmd->add_option("--by", o.by, "code | service_type | office")->check(CLI::IsMember({"code", "service_type", "office"}));
  cmd->add_option("--insurer", o.insurer, "保険者番号（その保険者の分だけ）/ one insurer's only");
  cmd->add_option("--top", o.top, "順位の数（既定 5）/ places in the ranking")->check(CLI::Range(1, 100));
  cmd->add_option("--format", o.format, "text | csv | json")->check(CLI::IsMember({"text", "csv", "json"}));
  cmd->add_option("--pdf", o.pdf, "印刷用の PDF を書く / also write the printed page");
  add_at_option(cmd, o.at, "作成日時", "time the page is made");
  cmd->callback([&status] { run_stats(o, status); });
}

}  // namespace kaigo::cli
