// kaigo careplan — the care-plan exchange (DESIGN §3.5, docs/careplan.md): `check` (the v4.1 files
// checked as the pre-check answers), `licence add|list`, `send` (or keep a draft), `drafts`,
// `outbox`, `inbox`, `fetch`, `purge` (the retention period) and `reconcile` (plan against claim).
// Commands act for an account (--as USER, an office's KJ user ID) like the server's routes do.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fmt/format.h>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/check_list.hpp"
#include "kaigo/careplan/hub_json.hpp"
#include "kaigo/month/careplan_run.hpp"
#include "kaigo/store/auth_store.hpp"
#include "options.hpp"
#include "portal_support.hpp"

namespace kaigo::cli {
namespace {

namespace fs = std::filesystem;

struct CheckArgs {
  std::vector<std::string> files;
  std::string format = "text";
};

int run_check(const CheckArgs& o) {
  std::vector<careplan::FileCheck> results;
  int status = 0;
  for (const auto& f : o.files) {
    try {
      results.push_back(careplan::check_file(f));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "エラー / error: %s\n", e.what());
      status = 1;
    }
  }
  print_check_list<careplan::FileCheck>(o.format, results);
  return status;
}

// Options every hub subcommand shares.
struct HubArgs {
  std::string db;
  std::string as;
  std::string at;
  std::string format = "text";
};

void add_hub_options(CLI::App* c, HubArgs& o, bool as_required) {
  c->add_option("--db", o.db, "データベース / database")->required();
  auto* as = c->add_option("--as", o.as, "操作するユーザID（KJ…）/ the account acting");
  if (as_required) as->required();
  add_at_option(c, o.at, "操作日時", "time of the operation");
  c->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
}

// The hub over the database, acting as --as.
struct HubSession {
  PortalSession session;
  Settings settings;
  store::TablesInForce world;
  std::unique_ptr<month::HubDesk> desk;
};

// Held by pointer: the desk refers to the session's settings and world.
std::unique_ptr<HubSession> open_hub(const HubArgs& o, int& status) {
  auto s = open_session(o.db, o.as, o.at, status);
  if (!s) return nullptr;
  auto h = std::make_unique<HubSession>(HubSession{std::move(*s), {}, {}, nullptr});
  h->settings = h->session.db->settings();
  h->world = store::load_tables_in_force(*h->session.db, store::Recipients::Skip);
  h->desk = std::make_unique<month::HubDesk>(*h->session.db, h->world, h->settings, o.db);
  return h;
}

void print_parcel(const careplan::Parcel& p, std::string_view office = {}) {
  out(fmt::format("{} {} 送信元 {} {} {}\n", p.id, p.state == careplan::ParcelState::Draft ? "一時保存/draft" : "送信済/sent",
                  p.sender_office, p.sent_at ? p.sent_at->str() : p.created_at.str(),
                  p.message.empty() ? "" : "「" + p.message + "」"));
  for (const auto& f : p.files) {
    out(fmt::format("  {} {} bytes sha256 {}{}{}\n", f.name, f.size, f.sha256, f.withdrawn() ? " 取下げ/withdrawn" : "",
                    f.purged_at ? " 削除済/purged" : ""));
  }
  for (const auto& r : p.receipts) {
    if (!office.empty() && r.office_no != office) continue;
    out(fmt::format("  送信先 {}: {}\n", r.office_no,
                    r.received_at ? "受信済/received " + r.received_at->str() : std::string("未受信/not yet received")));
  }
}

int answer_send(const careplan::SendResult& r, const HubArgs& o) {
  if (!r.refusals.empty()) {
    if (o.format == "json") {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& x : r.refusals) j.push_back(careplan::to_json(x));
      out(dump_json({{"refusals", j}}) + "\n");
    }
    return print_refusals(r.refusals);
  }
  if (o.format == "json") {
    auto j = careplan::to_json(*r.parcel);
    j["withdrawn_persons"] = r.withdrawn;
    out(dump_json(j) + "\n");
  } else {
    print_parcel(*r.parcel);
    if (r.withdrawn) out(fmt::format("  取下げ / withdrawn: {} 件\n", r.withdrawn));
  }
  return 0;
}

struct SendArgs : HubArgs {
  std::vector<std::string> files;
  std::string message;
  bool draft = false;
  std::int64_t draft_id = 0;
};

void run_send(const SendArgs& o, int& status) {
  auto h = open_hub(o, status);
  if (!h) return;
  if (o.draft_id > 0) {
    status = answer_send(careplan::send_draft(h->desk->hub(), h->session.user, o.draft_id, h->session.caller.at), o);
    return;
  }
  std::vector<careplan::Upload> uploads;
  for (const auto& f : o.files) uploads.push_back({fs::path(f).filename().string(), read_whole_file(f)});
  status = answer_send(careplan::send(h->desk->hub(), h->session.user, uploads, o.message, o.draft, h->session.caller.at), o);
}

void run_inbox(const HubArgs& o, int& status, bool outgoing) {
  auto h = open_hub(o, status);
  if (!h) return;
  nlohmann::json list = nlohmann::json::array();
  if (outgoing) {
    for (const auto& p : careplan::outbox(h->desk->hub(), h->session.user)) {
      if (o.format == "json") {
        list.push_back(careplan::to_json(p));
      } else {
        print_parcel(p);
      }
    }
  } else {
    for (const auto& e : careplan::inbox(h->desk->hub(), h->session.user)) {
      if (o.format == "json") {
        list.push_back(careplan::to_json(e));
      } else {
        out(fmt::format("[{}] ", e.office));
        print_parcel(e.parcel, e.office);
      }
    }
  }
  if (o.format == "json") out(dump_json(list) + "\n");
}

struct FetchArgs : HubArgs {
  std::int64_t id = 0;
  std::string office;
  std::string out_dir;
};

void run_fetch(const FetchArgs& o, int& status) {
  auto h = open_hub(o, status);
  if (!h) return;
  auto r = careplan::fetch(h->desk->hub(), h->session.user, o.id, o.office, h->session.caller.at);
  if ((status = print_refusals(r.refusals)) != 0) return;
  fs::create_directories(o.out_dir);
  for (const auto& f : r.files) {
    std::ofstream file(fs::path(o.out_dir) / f.name, std::ios::binary | std::ios::trunc);
    file.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    if (!file) {
      err(fmt::format("エラー: {} に書けません / error: cannot write {}\n", f.name, f.name));
      status = 1;
      return;
    }
  }
  if (o.format == "json") {
    out(dump_json(careplan::to_json(*r.entry)) + "\n");
  } else {
    print_parcel(r.entry->parcel, r.entry->office);
    out(fmt::format("{} ファイルを {} に保存しました / {} files written to {}\n", r.files.size(), o.out_dir, r.files.size(), o.out_dir));
  }
}

struct LicenceArgs : HubArgs {
  std::string office;
  std::string applied_on;
};

void run_licence(const LicenceArgs& o, int& status, bool add) {
  auto when = parse_at(o.at, status, 1);
  if (!when) return;
  auto db = store::Database::open(o.db);
  const auto settings = db->settings();
  store::CarePlanStore repo(*db);
  if (add) {
    auto day = Date::parse(o.applied_on);
    if (!day) {
      err("エラー: --applied-on は YYYYMMDD です / error: --applied-on must be YYYYMMDD\n");
      status = 2;
      return;
    }
    auto world = store::load_tables_in_force(*db, store::Recipients::Skip);
    auto r = careplan::apply_licence(repo, world.offices, o.office, *day, *when, o.as, settings);
    if ((status = print_refusals(r.refusals)) != 0) return;
    audit_cli(*db, auth::AuditAction::CareplanLicence, o.office, careplan::to_json(*r.licence), *when);
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& l : repo.licences_of(o.office)) {
    if (o.format == "json") {
      list.push_back(careplan::to_json(l));
      continue;
    }
    auto fee = l.free ? std::optional<Yen>() : settings.settlement.fee(FeeKind::CarePlanLicense, l.applied_on);
    out(fmt::format("{} 申込日 {} 利用期間 {}〜{} {} {}\n", l.office_no, l.applied_on.str(), l.valid_from.str(), l.valid_to.str(),
                    l.terms, l.free ? "無料/free" : fmt::format("{} 円 ({} の支払から控除)", fee ? fee->value : 0,
                                                                 l.fee_month ? l.fee_month->str() : "")));
  }
  if (o.format == "json") out(dump_json(list) + "\n");
}

void run_purge(const HubArgs& o, int& status) {
  auto when = parse_at(o.at, status, 1);
  if (!when) return;
  auto db = store::Database::open(o.db);
  const auto settings = db->settings();
  auto world = store::load_tables_in_force(*db, store::Recipients::Skip);
  month::HubDesk desk(*db, world, settings, o.db);
  auto ids = careplan::purge_expired(desk.hub(), *when);
  audit_cli(*db, auth::AuditAction::CareplanPurge, "", {{"files", ids.size()}, {"retention_days", settings.careplan.retention_days}}, *when);
  if (o.format == "json") {
    out(dump_json({{"purged", ids}}) + "\n");
  } else {
    out(fmt::format("保存期間（{} 日）を過ぎたファイル {} 件を削除しました / {} files past the retention period removed\n",
                    settings.careplan.retention_days, ids.size(), ids.size()));
  }
}

struct ReconcileArgs {
  std::string db;
  std::string month;
  std::string at;
  std::string office;
  std::string out_dir;
  std::string format = "text";
  bool all = false;
};

void run_reconcile(const ReconcileArgs& o, int& status) {
  auto month = YearMonth::parse(o.month);
  auto when = parse_at(o.at);
  if (!month || !when) {
    err("エラー: --month は YYYYMM です / error: --month must be YYYYMM\n");
    status = month ? 1 : 2;
    return;
  }
  auto report = month::run_reconcile(o.db, *month, *when);
  if (!o.office.empty()) {
    std::erase_if(report.claims, [&](const careplan::ClaimPrediction& c) { return c.claim.statement.key.office_no != o.office; });
    std::erase_if(report.files, [&](const careplan::PlanFile& f) { return f.office_no != o.office; });
  }
  if (!o.out_dir.empty()) {
    for (const auto& f : report.files) {
      auto dir = fs::path(o.out_dir) / f.office_no;
      fs::create_directories(dir);
      std::ofstream file(dir / f.name, std::ios::binary | std::ios::trunc);
      file.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    }
  }
  if (o.format == "json") {
    out(dump_json(careplan::to_json(report, o.all)) + "\n");
  } else {
    out(careplan::format_text(report));
    if (!o.out_dir.empty()) out(fmt::format("給付管理票ファイルを {} に書きました / 給付管理票 files written to {}\n", o.out_dir, o.out_dir));
  }
}

}  // namespace

void register_careplan(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "careplan", "ケアプランデータ連携 / care-plan data exchange (標準仕様 v4.1)");
  auto* check = cmd->add_subcommand("check", "ケアプランデータ連携ファイルの検査 / check care-plan exchange files");
  static CheckArgs o;
  check->add_option("FILE", o.files, "UPPLAN_…CSV などのファイル / files such as UPPLAN_…CSV")->required();
  check->add_option("--format", o.format, "text | json | csv")->check(CLI::IsMember({"text", "json", "csv"}));
  check->callback([&status] { status = run_check(o); });

  auto* licence = add_command_group(*cmd, "licence", "ライセンス / licences (seed 001 §7, seed 000 §1)");
  static LicenceArgs la, ll;
  auto* add = licence->add_subcommand("add", "ライセンスの申込 / record a licence application");
  add_hub_options(add, la, false);
  add->add_option("--office", la.office, "事業所番号 / office number")->required();
  add->add_option("--applied-on", la.applied_on, "申込日 YYYYMMDD / application date")->required();
  add->callback([&status] { run_licence(la, status, true); });
  auto* list = licence->add_subcommand("list", "ライセンスの一覧 / an office's licences");
  add_hub_options(list, ll, false);
  list->add_option("--office", ll.office, "事業所番号 / office number")->required();
  list->callback([&status] { run_licence(ll, status, false); });

  static SendArgs so;
  auto* send = cmd->add_subcommand("send", "送信（または一時保存）/ send a set of files (or keep a draft)");
  add_hub_options(send, so, true);
  send->add_option("FILE", so.files, "CSV（UPPLAN_… など）と PDF / CSV files and PDF attachments");
  send->add_option("--message", so.message, "メッセージ（FAXの頭紙）/ message");
  send->add_flag("--draft", so.draft, "一時保存 / keep as a draft");
  send->add_option("--draft-id", so.draft_id, "一時保存したものを送信 / send this draft");
  send->callback([&status] {
    if (so.files.empty() == (so.draft_id == 0)) {
      err("エラー: FILE か --draft-id のどちらかを指定してください / error: give FILE… or --draft-id\n");
      status = 2;
      return;
    }
    run_send(so, status);
  });

  static HubArgs io, oo, po;
  auto* inbox = cmd->add_subcommand("inbox", "受信一覧 / what arrived for the user's offices");
  add_hub_options(inbox, io, true);
  inbox->callback([&status] { run_inbox(io, status, false); });
  auto* outbox = cmd->add_subcommand("outbox", "送信一覧・一時保存 / sets sent (with receipts) and drafts");
  add_hub_options(outbox, oo, true);
  outbox->callback([&status] { run_inbox(oo, status, true); });

  static FetchArgs fo;
  auto* fetch = cmd->add_subcommand("fetch", "受信（ダウンロード）/ download a set and mark it received");
  add_hub_options(fetch, fo, true);
  fetch->add_option("ID", fo.id, "受信一覧の番号 / the set's id")->required();
  fetch->add_option("--office", fo.office, "受信する事業所番号（複数の事業所のとき）/ receiving office");
  fetch->add_option("--out", fo.out_dir, "保存先 / output folder")->required();
  fetch->callback([&status] { run_fetch(fo, status); });

  auto* purge = cmd->add_subcommand("purge", "保存期間を過ぎたファイルの削除 / remove files past the retention period");
  add_hub_options(purge, po, false);
  purge->callback([&status] { run_purge(po, status); });

  static ReconcileArgs ro;
  auto* rec = cmd->add_subcommand("reconcile", "予定・実績と請求の突合 / what the review will do, before the 10th");
  rec->add_option("--db", ro.db, "データベース / database")->required();
  rec->add_option("--month", ro.month, "処理年月 YYYYMM / processing month")->required();
  add_at_option(rec, ro.at, "照合日時", "time of the reconcile");
  rec->add_option("--office", ro.office, "事業所番号で絞る / only this office");
  rec->add_option("--out", ro.out_dir, "給付管理票ファイルの保存先 / folder for the 給付管理票 files");
  rec->add_option("--format", ro.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  rec->add_flag("--all", ro.all, "決定分も出力 / list paid 明細書 too (json)");
  rec->callback([&status] { run_reconcile(ro, status); });
}

}  // namespace kaigo::cli
