// kaigo platform — the 介護情報基盤 (DESIGN §3.6, docs/platform.md): go-live dates, municipal
// linkage files, 主治医意見書作成依頼, 包括同意, 本人確認, views under the access matrix, the read
// audit, 居宅サービス計画作成依頼届出; the doctors' documents are in cmd_platform_documents.cpp.
// Commands only parse options, call platform::Platform and print.
#include <cstdio>

#include <fmt/format.h>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/platform/golive_status.hpp"
#include "options.hpp"
#include "platform_support.hpp"

namespace kaigo::cli {
namespace {

struct PlatformOptions {
  std::string db_path, as, by, at, insurer, insured, institution, applied_on, requested_on, form, kind, office;
  std::string method = "card", birth_date, kana, plan, on, format = "text", file;
  bool revoke = false, history = false, withdraw = false;
};

PlatformOptions& platform_options() {
  static PlatformOptions o;
  return o;
}

master::PersonId person() { return {platform_options().insurer, platform_options().insured}; }

int golive() {
  auto& o = platform_options();
  auto p = open_platform(o.db_path);
  const auto at = now_jst();
  auto a = p.platform->load_golive(cli_caller(at), read_whole_file(o.file), o.file);
  for (const auto& e : a.errors) {
    err(fmt::format("{}:{}: [{}] {}{} / {}\n", o.file, e.line, e.code, e.item.empty() ? "" : e.item + ": ", e.message_ja,
                    e.message_en));
  }
  if (!a.stored) return 1;
  out(fmt::format("利用開始日 {} 件を登録しました / {} go-live dates stored\n", a.dates.size(), a.dates.size()));
  return 0;
}

// 利用開始状況 (seed 004 §2): every insurer with its go-live date and state on --on (today).
int golive_status() {
  auto& o = platform_options();
  auto day = o.on.empty() ? std::optional<Date>(now_jst().date) : date_option(o.on, "--on");
  if (!day) return 2;
  auto p = open_platform(o.db_path);
  const auto rows = platform::golive_status(p.world.insurers, p.repo->golives(), *day);
  if (o.format == "csv") {
    out(platform::golive_csv(rows));
  } else if (o.format == "json") {
    out(dump_json(platform::golive_status_json(rows, *day)) + "\n");
  } else {
    const auto c = platform::count_states(rows);
    out(fmt::format("介護情報基盤の利用開始状況 {} / go-live status: 利用開始済 {} 開始予定 {} 未定 {}\n", day->str(), c.live,
                    c.scheduled, c.undecided));
    for (const auto& r : rows) {
      out(fmt::format("{} {:<8} {} {}\n", r.insurer_no, r.golive_on ? r.golive_on->str() : "-",
                      enum_ja(r.state), r.insurer_name));
    }
  }
  return 0;
}

int load() {
  auto& o = platform_options();
  auto at = parse_at(o.at);
  if (!at) return 2;
  auto p = open_platform(o.db_path);
  std::optional<auth::User> by;
  if (!o.as.empty()) {
    by = user_of(*p.auth, o.as);
    if (!by) return 1;
    if (by->role != auth::Role::Municipality) {
      err("エラー: 連携ファイルを送れるのは保険者（municipality）のアカウントです / error: only a municipality account sends linkage files\n");
      return 2;
    }
  }
  const auto bytes = read_whole_file(o.file);
  auto a = p.platform->load_linkage(caller_of(by ? &*by : nullptr, *at), by ? &*by : nullptr, bytes, o.file);
  if (o.format == "json") {
    out(dump_json(to_json(a)) + "\n");
  } else {
    out(fmt::format("{}: {} ({}) 行 {} 新規 {} 更新 {} 削除 {} 変更なし {} 不受理 {} PMHエラー {}\n", o.file,
                    enum_ja(a.status), enum_code(a.status), a.rows, a.inserted, a.updated,
                    a.deleted, a.unchanged, a.refused, a.pmh_errors));
    for (const auto& e : a.errors) {
      err(fmt::format("{}:{}: [{}]{} {} / {}\n", o.file, e.line, e.code, e.item.empty() ? "" : " " + e.item + ":",
                      e.message_ja, e.message_en));
      if (e.stored) err(fmt::format("  対応 / remedy: {}\n", e.help_ja));
    }
  }
  return a.status == platform::FileStatus::Refused ? 1 : 0;
}

int request() {
  auto& o = platform_options();
  auto applied = date_option(o.applied_on, "--applied-on");
  auto requested = date_option(o.requested_on.empty() ? o.applied_on : o.requested_on, "--requested-on");
  if (!applied || !requested) return 2;
  auto p = open_platform(o.db_path);
  std::optional<auth::User> by;
  if (!o.by.empty() && !(by = user_of(*p.auth, o.by))) return 1;
  auto at = parse_at(o.at);
  if (!at) return 2;
  auto r = p.platform->record_request(caller_of(by ? &*by : nullptr, *at), by ? &*by : nullptr, person(),
                                      {o.institution, *applied, *requested});
  return print_outcome(r, o.format == "json");
}

int consent() {
  auto& o = platform_options();
  auto on = date_option(o.applied_on, "--applied-on");
  if (!on) return 2;
  auto at = parse_at(o.at);
  if (!at) return 2;
  auto p = open_platform(o.db_path);
  std::optional<auth::User> by;
  if (!o.by.empty() && !(by = user_of(*p.auth, o.by))) return 1;
  auto r = p.platform->register_consent(caller_of(by ? &*by : nullptr, *at), by ? &*by : nullptr, person(),
                                        {*on, o.form == "new" ? "1" : "2", o.revoke}, o.office);
  return print_outcome(r, o.format == "json");
}

int identify() {
  auto& o = platform_options();
  const auto method = o.method == "card" ? platform::IdentifyMethod::Card : platform::IdentifyMethod::FourItems;
  return as_platform_user(o.db_path, o.as, o.at, [&](const PlatformSession& s) {
    auto r = s.p.platform->identify(s.user, s.caller, person(), method, {o.birth_date, o.kana}, o.office);
    return print_outcome(r, o.format == "json");
  });
}

void print_view_text(const platform::ViewResult& v) {
  const auto& d = v.decision;
  if (!d.allowed) {
    err(fmt::format("閲覧できません / refused [{}]: {} / {}\n", d.rule, d.message_ja, d.message_en));
    return;
  }
  out(fmt::format("{} {}:{} {}件 [{}{}] {} / {}\n", enum_ja(v.kind), v.person.insurer_no, v.person.insured_no,
                  v.records.size(), d.rule, d.note.empty() ? "" : " " + d.note, d.message_ja, d.message_en));
  for (const auto& r : v.records) {
    out(fmt::format("  {} {} 版{} {} {}\n", r.kind, r.record_id, r.version, r.effective_on.str(), r.data));
  }
  if (v.housing) out(dump_json(to_json(*v.housing)) + "\n");
}

int view() {
  auto& o = platform_options();
  auto kind = parse_enum<platform::ViewKind>(o.kind);
  if (!kind) {
    err(fmt::format("エラー: --kind は survey, opinion, card, application, life, careplan, housing のいずれか（{}）/ error: unknown kind\n", o.kind));
    return 2;
  }
  return as_platform_user(o.db_path, o.as, o.at, [&](const PlatformSession& s) {
    auto v = s.p.platform->view(s.user, s.caller, person(), *kind, o.office, o.history);
    if (o.format == "json") {
      out(dump_json(to_json(v)) + "\n");
    } else {
      print_view_text(v);
    }
    return v.decision.allowed ? 0 : kRefused;
  });
}

int audit() {
  auto& o = platform_options();
  auto p = open_platform(o.db_path);
  std::vector<platform::ReadEntry> rows;
  if (!o.as.empty()) {
    auto user = user_of(*p.auth, o.as);
    if (!user) return 1;
    auto own = p.platform->own_reads(*user, caller_of(&*user, now_jst()));
    if (!own) {
      err("エラー: 自分の閲覧記録を見られるのは本人（insured）のアカウントです / error: only the insured person's account lists its reads\n");
      return kRefused;
    }
    rows = std::move(*own);
  } else if (!o.insurer.empty() || !o.insured.empty()) {
    rows = p.platform->reads_of(person());
  } else {
    rows = p.platform->all_reads();
  }
  if (o.format == "json") {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& r : rows) j.push_back(to_json(r));
    out(dump_json(j) + "\n");
    return 0;
  }
  for (const auto& r : rows) {
    const auto& d = r.detail;
    out(fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", r.seq, r.at.str(), r.actor, d.value("role", ""),
                    d.value("office_no", d.value("institution", d.value("insurer_no", ""))), d.value("kind", ""),
                    d.value("allowed", false) ? "閲覧" : "拒否", d.value("rule", "")));
  }
  return 0;
}

int notify() {
  auto& o = platform_options();
  auto on = date_option(o.on, "--on");
  if (!on) return 2;
  const std::string plan = o.plan == "home" ? "1" : o.plan == "prevention" ? "2" : "3";
  return as_platform_user(o.db_path, o.as, o.at, [&](const PlatformSession& s) {
    auto r = s.p.platform->notify(s.user, s.caller, person(), {plan, *on, o.withdraw}, o.office);
    return print_outcome(r, o.format == "json");
  });
}

CLI::App* sub(CLI::App* parent, const char* name, const char* help, int& status, int (*body)()) {
  return platform_subcommand(parent, name, help, platform_options().db_path, status, body);
}

void person_options(CLI::App* c) {
  auto& o = platform_options();
  c->add_option("--insurer", o.insurer, "保険者番号 / insurer number")->required();
  c->add_option("--insured", o.insured, "被保険者番号 / insured number")->required();
}

// --as, the account the command acts as, and the person it is about.
void acting_user_options(CLI::App* c, const char* as_help) {
  c->add_option("--as", platform_options().as, as_help)->required();
  person_options(c);
}

CLI::Option* at_option(CLI::App* c, AtGiven given = AtGiven::DefaultNow) {
  return add_at_option(c, platform_options().at, "操作日時", "time of the operation", given);
}

void format_option(CLI::App* c) {
  c->add_option("--format", platform_options().format, "text | json")->check(CLI::IsMember({"text", "json"}));
}

}  // namespace

void register_platform_documents(CLI::App& platform_cmd, int& status);

void register_platform(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "platform", "介護情報基盤 / the care information platform (DESIGN §3.6)");
  auto& o = platform_options();

  auto* g = sub(cmd, "golive", "保険者の利用開始日を登録 / load go-live dates (insurer_no,golive_on)", status, golive);
  g->add_option("FILE", o.file, "CSV")->required();

  auto* gs = sub(cmd, "golive-status", "保険者ごとの利用開始状況 / each insurer's go-live date and state", status,
                 golive_status);
  gs->add_option("--on", o.on, "基準日 YYYYMMDD（既定: 今日）/ the day (default today)");
  gs->add_option("--format", o.format, "text | json | csv")->check(CLI::IsMember({"text", "json", "csv"}));

  auto* l = sub(cmd, "load", "市町村の連携ファイルを取り込む / apply a municipal linkage file", status, load);
  l->add_option("FILE", o.file, "CSV")->required();
  l->add_option("--as", o.as, "送信する保険者のユーザ（その保険者の行だけ受け付ける）/ the municipality user sending it");
  add_at_option(l, o.at, "受信日時", "time received");
  format_option(l);

  auto* r = sub(cmd, "request", "主治医意見書作成依頼を記録 / record a request for the doctor's opinion", status, request);
  person_options(r);
  r->add_option("--institution", o.institution, "医療機関コード・施設の事業所番号 / institution")->required();
  r->add_option("--applied-on", o.applied_on, "要介護認定申請書提出日 YYYYMMDD / application submitted on")->required();
  r->add_option("--requested-on", o.requested_on, "依頼日（既定: 申請書提出日）/ requested on");
  r->add_option("--by", o.by, "保険者のユーザ / the municipality user");
  at_option(r);
  format_option(r);

  auto* c = sub(cmd, "consent", "包括同意の登録・撤回 / record or revoke the comprehensive consent", status, consent);
  person_options(c);
  c->add_option("--applied-on", o.applied_on, "同意した申請の申請日・撤回日 YYYYMMDD / the day of the consent")->required();
  c->add_option("--form", o.form, "new（新様式）| old（旧様式）")->required()->check(CLI::IsMember({"new", "old"}));
  c->add_flag("--revoke", o.revoke, "撤回 / revoke");
  c->add_option("--by", o.by, "登録するユーザ（保険者、またはケアマネジャー）/ who records it");
  c->add_option("--office", o.office, "ケアマネジャーの事業所番号 / the care manager's office");
  at_option(c);
  format_option(c);

  auto* i = sub(cmd, "identify", "事業所による本人確認 / identity check by an office", status, identify);
  acting_user_options(i, "事業所のユーザ / the office user");
  at_option(i, AtGiven::Required);
  i->add_option("--method", o.method, "card（マイナンバーカード）| four-items（被保険者証の4情報）")
      ->check(CLI::IsMember({"card", "four-items"}));
  i->add_option("--birth-date", o.birth_date, "4情報: 生年月日 YYYYMMDD / birth date");
  i->add_option("--kana", o.kana, "4情報: 氏名カナ / name in kana");
  i->add_option("--office", o.office, "事業所番号（複数の事業所のアカウント）/ office");
  format_option(i);

  auto* v = sub(cmd, "view", "情報を閲覧（監査に記録）/ view records (audited)", status, view);
  acting_user_options(v, "閲覧するユーザ / the user");
  v->add_option("--kind", o.kind, "survey | opinion | card | application | life | careplan | housing")->required();
  at_option(v, AtGiven::Required);
  v->add_option("--office", o.office, "事業所番号（複数の事業所のアカウント）/ office");
  v->add_flag("--history", o.history, "すべての版 / every version");
  format_option(v);

  auto* a = sub(cmd, "audit", "閲覧の記録 / who read whose records", status, audit);
  a->add_option("--insurer", o.insurer, "保険者番号 / insurer number");
  a->add_option("--insured", o.insured, "被保険者番号 / insured number");
  a->add_option("--as", o.as, "本人のユーザ（自分の閲覧記録）/ the insured person's own account");
  format_option(a);

  auto* n = sub(cmd, "notify", "居宅サービス計画作成依頼届出の提出・廃止 / file or withdraw the care-plan notice", status, notify);
  acting_user_options(n, "居宅介護支援事業所のユーザ / the care-management office user");
  n->add_option("--plan", o.plan, "home | prevention | prevention-management")
      ->required()
      ->check(CLI::IsMember({"home", "prevention", "prevention-management"}));
  n->add_option("--on", o.on, "提出日 YYYYMMDD / filed on")->required();
  n->add_flag("--withdraw", o.withdraw, "廃止 / withdraw");
  n->add_option("--office", o.office, "事業所番号 / office");
  at_option(n);
  format_option(n);

  register_platform_documents(*cmd, status);
}

}  // namespace kaigo::cli
