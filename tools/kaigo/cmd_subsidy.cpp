// kaigo subsidy schemes|apply|list|show|decide|pay|withdraw|notice — 助成金 applications and
// decisions (issue 17 item 1; docs/portal.md): an office or medical institution applies with its
// receipts file as its own account (--as), the 国保連's staff decide and pay (--as a kokuhoren
// account), and the decision notice is printed as a PDF.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/core/csv_text.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/portal/json.hpp"
#include "kaigo/portal/notice.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/portal_store.hpp"
#include "kaigo/store/tables.hpp"
#include "options.hpp"
#include "portal_support.hpp"

namespace kaigo::cli {
namespace {

struct SubsidyOptions {
  std::string db_path, as, at, format = "text";
  std::string office, medical, facility, name, services, scheme, receipts;
  int beds = -1;
  std::string state, month, applicant, out, return_reason;
  bool due = false, has_return = false;
  std::vector<std::int64_t> ids;
  std::int64_t id = 0;
};

SubsidyOptions& subsidy_options() {
  static SubsidyOptions o;
  return o;
}

void print_steps(const std::vector<portal::Step>& steps, const portal::Findings& findings) {
  std::string text;
  for (const auto& s : steps) text += fmt::format("  {}\t{}\t{}\n", s.label_ja, s.formula, portal::yen_text(s.amount));
  for (const auto& f : findings) {
    text += fmt::format("  [{}] {}{}: {} / {}\n", f.code, enum_ja(f.effect),
                        f.line == 0 ? std::string() : fmt::format(" 明細{}", f.line), f.message_ja, f.message_en);
  }
  out(text);
}

std::string summary_line(const portal::Application& a) {
  const auto amount = a.decision ? portal::yen_text(a.decision->amount) : std::string("-");
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t審査 {}\t振込 {}\t{}\n", a.id, a.scheme, a.applicant.number,
                     a.applicant.name, enum_ja(a.state), a.applied_at.str(), a.decision_month.str(),
                     a.payment_month.str(), amount);
}

void print_application(const portal::Application& a, const std::string& format) {
  if (format == "json") {
    std::optional<portal::Computation> p;
    if (a.state == portal::State::Received) p = portal::preview(a);
    out(dump_json(portal::to_json(a, true, p ? &*p : nullptr)) + "\n");
    return;
  }
  out(summary_line(a));
  for (const auto& h : a.history) {
    out(fmt::format("  {}\t{}\t{}{}\n", h.at.str(), enum_ja(h.state), h.by,
                    h.note.empty() ? "" : "\t" + h.note));
  }
  if (a.decision) {
    print_steps(a.decision->steps, a.decision->findings);
  } else if (a.state == portal::State::Received) {
    out("  審査の見込み / as it would be decided today:\n");
    auto p = portal::preview(a);
    print_steps(p.steps, p.findings);
  }
}

std::optional<portal::ApplyRequest> apply_request(const SubsidyOptions& o, int& status) {
  portal::ApplyRequest r;
  if (o.office.empty() == o.medical.empty()) {
    err("エラー: --office か --medical のどちらかを指定してください / error: give --office or --medical\n");
    status = 2;
    return std::nullopt;
  }
  r.program = o.office.empty() ? portal::Program::Medical : portal::Program::Office;
  r.applicant_no = o.office.empty() ? o.medical : o.office;
  r.applicant_name = o.name;
  for (auto s : split(o.services, ',')) {
    if (!trim(s).empty()) r.services.emplace_back(trim(s));
  }
  if (!o.facility.empty()) r.facility = parse_enum<portal::Facility>(o.facility);
  if (o.beds >= 0) r.beds = o.beds;
  if (!o.scheme.empty()) r.scheme = o.scheme;
  auto file = portal::parse_receipts(read_whole_file(o.receipts), o.receipts);
  if (!file.ok()) {
    print_diagnostics(file.diagnostics);
    status = 1;
    return std::nullopt;
  }
  r.lines = std::move(file.lines);
  return r;
}

void apply(int& status) {
  auto& o = subsidy_options();
  auto session = open_session(o.db_path, o.as, o.at, status);
  if (!session) return;
  auto request = apply_request(o, status);
  if (!request) return;
  auto world = store::load_tables_in_force(*session->db, store::Recipients::Skip);
  store::PortalStore st(*session->db);
  auto r = portal::apply(st, world.offices, *request, session->user, session->caller);
  if ((status = print_refusals(r.refusals)) != 0) return;
  const auto& a = *r.application;
  if (o.format == "json") {
    out(dump_json(portal::to_json(a, true, &*r.preview)) + "\n");
    return;
  }
  out(fmt::format("申請番号 {} を受け付けました: {} {}（{}）、審査 {}、振込 {} / application {} received\n", a.id,
                  a.applicant.number, a.applicant.name, a.scheme, wareki_year_month(a.decision_month),
                  wareki_year_month(a.payment_month), a.id));
  out("  審査の見込み / as it would be decided today:\n");
  print_steps(r.preview->steps, r.preview->findings);
}

void list(int& status) {
  auto& o = subsidy_options();
  auto session = open_session(o.db_path, o.as, o.at, status);
  if (!session) return;
  portal::ApplicationFilter f;
  if (!o.state.empty()) {
    f.state = portal::parse_state(o.state);
    if (!f.state) {
      err(fmt::format("エラー: 状態 {} はありません / error: no state {}\n", o.state, o.state));
      status = 2;
      return;
    }
  }
  if (!o.month.empty()) {
    f.decision_month = YearMonth::parse(o.month);
    if (!f.decision_month) {
      err("エラー: --month は YYYYMM / error: --month must be YYYYMM\n");
      status = 2;
      return;
    }
  }
  if (!o.applicant.empty()) f.applicant_no = o.applicant;
  store::PortalStore st(*session->db);
  auto all = portal::visible_applications(st, session->user, f);
  if (o.format == "json") {
    auto j = nlohmann::json::array();
    for (const auto& a : all) j.push_back(portal::to_json(a, false));
    out(dump_json(j) + "\n");
  } else if (o.format == "csv") {
    std::string text;
    append_csv_row(text, {"id", "scheme", "applicant_no", "applicant_name", "state", "applied_at", "decision_month",
                          "payment_month", "amount", "paid_on"});
    for (const auto& a : all) {
      append_csv_row(text, {std::to_string(a.id), a.scheme, a.applicant.number, a.applicant.name,
                            std::string(enum_ja(a.state)), a.applied_at.str(), a.decision_month.str(),
                            a.payment_month.str(), a.decision ? std::to_string(a.decision->amount.value) : "",
                            a.payment ? a.payment->paid_on.str() : ""});
    }
    out(text);
  } else {
    for (const auto& a : all) out(summary_line(a));
  }
  status = 0;
}

// Calls `use` with the application --id as the --as user may see it; prints why not otherwise.
template <class Use>
void with_visible_application(int& status, Use use) {
  auto& o = subsidy_options();
  auto session = open_session(o.db_path, o.as, o.at, status);
  if (!session) return;
  store::PortalStore st(*session->db);
  auto r = portal::visible_application(st, o.id, session->user);
  if ((status = print_refusals(r.refusals)) != 0) return;
  use(*r.application);
}

void show(int& status) {
  with_visible_application(status, [](const portal::Application& a) { print_application(a, subsidy_options().format); });
}

// decide / pay / withdraw of the ids given, or of every application due (--due).
template <class Change>
void change_each(const char* what_ja, const char* what_en, portal::State due_state, bool by_payment, int& status,
                 Change change) {
  auto& o = subsidy_options();
  auto session = open_session(o.db_path, o.as, o.at, status);
  if (!session) return;
  store::PortalStore st(*session->db);
  auto ids = o.ids;
  if (o.due) {
    portal::ApplicationFilter f;
    f.state = due_state;
    for (const auto& a : portal::visible_applications(st, session->user, f)) {
      const auto month = by_payment ? a.payment_month : a.decision_month;
      if (month <= session->caller.at.date.year_month()) ids.push_back(a.id);
    }
    std::sort(ids.begin(), ids.end());
  }
  if (ids.empty()) {
    err(fmt::format("{}する申請がありません / nothing to {}\n", what_ja, what_en));
    status = o.due ? 0 : 2;
    return;
  }
  status = 0;
  auto results = nlohmann::json::array();
  for (auto id : ids) {
    auto r = change(st, id, session->user, session->caller);
    if (!r.refusals.empty()) {
      print_refusals(r.refusals);
      status = 1;
      nlohmann::json refusals = nlohmann::json::array();
      for (const auto& x : r.refusals) refusals.push_back(portal::to_json(x));
      results.push_back({{"id", id}, {"refusals", refusals}});
      continue;
    }
    if (o.format == "json") {
      results.push_back(portal::to_json(*r.application, false));
    } else {
      out(summary_line(*r.application));
    }
  }
  if (o.format == "json") out(dump_json(results) + "\n");
}

void notice(int& status) {
  with_visible_application(status, [&status](const portal::Application& a) {
    const auto& o = subsidy_options();
    if (!a.decision) {
      err(fmt::format("エラー: 申請番号 {} はまだ審査されていません（{}）/ error: application {} is not decided yet\n",
                      o.id, enum_ja(a.state), o.id));
      status = 1;
      return;
    }
    auto bytes = portal::decision_notice_pdf(a);
    std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file) {
      err(fmt::format("エラー: {} に書き込めません / error: cannot write {}\n", o.out, o.out));
      status = 1;
      return;
    }
    out(fmt::format("{}: {}（申請番号 {}）/ notice written\n", o.out, portal::decision_notice_title(a), o.id));
  });
}

void schemes(int& status) {
  auto& o = subsidy_options();
  const auto& all = portal::Schemes::bundled();
  if (o.format == "json") {
    auto j = nlohmann::json::array();
    for (const auto& s : all.all()) j.push_back(portal::to_json(s));
    out(dump_json(j) + "\n");
  } else {
    for (const auto& s : all.all()) {
      out(fmt::format("{}\t{}\t{}\t申請 {}〜{}\t{}\n", s.id, s.fiscal_year, enum_ja(s.program),
                      s.apply_from.str(), s.apply_to.str(),
                      s.work_from ? "実施 " + s.work_from->str() + "〜" : std::string("")));
      for (const auto& l : s.limits) {
        out(fmt::format("  {}\t{}\t補助率 {}/{}\t限度 {}\n", l.name,
                        l.readers
                            ? fmt::format("{}台まで", *l.readers)
                            : fmt::format("{}床〜{}", l.beds_from, l.beds_to ? std::to_string(*l.beds_to) + "床" : ""),
                        l.rate.num, l.rate.den, portal::yen_text(l.limit)));
      }
    }
  }
  status = 0;
}

CLI::App* with_session(CLI::App* cmd, SubsidyOptions& o) {
  add_db_option(cmd, o.db_path);
  cmd->add_option("--as", o.as, "操作するユーザID / the acting user ID")->required();
  add_at_option(cmd, o.at, "操作日時", "time of the operation");
  return cmd;
}

}  // namespace

void register_subsidy(CLI::App& app, int& status) {
  auto* cmd =
      add_command_group(app, "subsidy", "助成金の申請・審査・振込 / subsidy applications, decisions and payments");
  auto& o = subsidy_options();
  const auto formats = CLI::IsMember({"text", "json"});

  auto* schemes_cmd = cmd->add_subcommand("schemes", "助成の年度・区分・限度額 / the schemes, classes and limits");
  schemes_cmd->add_option("--format", o.format, "text | json")->check(formats);
  schemes_cmd->callback([&status] { schemes(status); });

  auto* apply_cmd = with_session(cmd->add_subcommand("apply", "申請する / apply"), o);
  apply_cmd->add_option("--office", o.office, "申請する事業所番号 / the applying office");
  apply_cmd->add_option("--medical", o.medical, "申請する医療機関コード / the applying medical institution");
  apply_cmd->add_option("--facility", o.facility, "hospital | clinic（医療機関）")
      ->check(CLI::IsMember({"hospital", "clinic"}));
  apply_cmd->add_option("--beds", o.beds, "病床数（医療機関）/ beds")->check(CLI::Range(0, 100000));
  apply_cmd->add_option("--name", o.name, "医療機関名 / the institution's name");
  apply_cmd->add_option("--services", o.services, "申請するサービス種類（既定: 登録済の全て）例 11,32 / service types");
  apply_cmd->add_option("--scheme", o.scheme, "助成（既定: 申請日に受付中のもの）例 R7-office / scheme");
  apply_cmd->add_option("--format", o.format, "text | json")->check(formats);
  apply_cmd->add_option("RECEIPTS", o.receipts, "領収書の明細 CSV / receipts file")->required();
  apply_cmd->callback([&status] { apply(status); });

  auto* list_cmd = with_session(cmd->add_subcommand("list", "申請の一覧 / list applications"), o);
  list_cmd->add_option("--state", o.state, "状態 received|returned|decided|rejected|paid|withdrawn");
  list_cmd->add_option("--month", o.month, "審査月 YYYYMM / decision month");
  list_cmd->add_option("--applicant", o.applicant, "事業所番号・医療機関コード / applicant");
  list_cmd->add_option("--format", o.format, "text | json | csv")->check(CLI::IsMember({"text", "json", "csv"}));
  list_cmd->callback([&status] { list(status); });

  auto* show_cmd = with_session(cmd->add_subcommand("show", "申請の内容と状態 / one application"), o);
  show_cmd->add_option("ID", o.id, "申請番号 / application id")->required();
  show_cmd->add_option("--format", o.format, "text | json")->check(formats);
  show_cmd->callback([&status] { show(status); });

  auto* decide_cmd = with_session(cmd->add_subcommand("decide", "審査・決定（国保連）/ decide (国保連 staff)"), o);
  decide_cmd->add_option("ID", o.ids, "申請番号 / application ids");
  decide_cmd->add_flag("--due", o.due, "審査月を迎えた申請をすべて / every application due");
  decide_cmd->add_option("--return", o.return_reason, "理由を付けて返戻する / return with this reason");
  decide_cmd->add_option("--format", o.format, "text | json")->check(formats);
  decide_cmd->callback([&status, decide_cmd] {
    auto& opts = subsidy_options();
    std::optional<std::string> reason;
    if (decide_cmd->count("--return") > 0) reason = opts.return_reason;
    change_each("審査", "decide", portal::State::Received, false, status,
                [reason](portal::SubsidyRepository& r, std::int64_t id, const auth::User& u, const auth::Caller& by) {
                  return portal::decide(r, id, reason, u, by);
                });
  });

  auto* pay_cmd = with_session(cmd->add_subcommand("pay", "振込（国保連）/ pay (国保連 staff)"), o);
  pay_cmd->add_option("ID", o.ids, "申請番号 / application ids");
  pay_cmd->add_flag("--due", o.due, "振込月を迎えた交付決定をすべて / every decided application due");
  pay_cmd->add_option("--format", o.format, "text | json")->check(formats);
  pay_cmd->callback([&status] { change_each("振込", "pay", portal::State::Decided, true, status, portal::pay); });

  auto* withdraw_cmd = with_session(cmd->add_subcommand("withdraw", "取下げ（申請者）/ withdraw (applicant)"), o);
  withdraw_cmd->add_option("ID", o.ids, "申請番号 / application id")->required();
  withdraw_cmd->add_option("--format", o.format, "text | json")->check(formats);
  withdraw_cmd->callback(
      [&status] { change_each("取下げ", "withdraw", portal::State::Received, false, status, portal::withdraw); });

  auto* notice_cmd = with_session(cmd->add_subcommand("notice", "決定通知書（PDF）/ the decision notice (PDF)"), o);
  notice_cmd->add_option("ID", o.id, "申請番号 / application id")->required();
  notice_cmd->add_option("--out", o.out, "PDF の出力先 / PDF file")->required();
  notice_cmd->callback([&status] { notice(status); });
}

}  // namespace kaigo::cli
