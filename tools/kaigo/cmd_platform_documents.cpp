// kaigo platform opinion|invoices|packet — the doctors' documents of the 介護情報基盤 (seed 004 §4,
// docs/platform.md): a 主治医意見書 (JSON) sent by a doctor with its 請求書, the insurer's CSV of the
// 請求書, and the 認定審査会資料 as one PDF behind a link for the committee's accounts.
#include <fstream>

#include <fmt/format.h>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "platform_support.hpp"

namespace kaigo::cli {
namespace {

struct DocumentOptions {
  std::string db_path, as, at, office, file, insurer, insured, from, to, out_path, applied_on, format = "text";
  std::vector<std::string> members;
  std::int64_t packet = 0;
};

DocumentOptions& platform_documents_options() {
  static DocumentOptions o;
  return o;
}

void write_out(const std::string& path, std::string_view bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f) throw std::runtime_error(fmt::format("{} に書けません / cannot write {}", path, path));
}

int opinion() {
  auto& o = platform_documents_options();
  auto at = parse_at(o.at);
  if (!at) return 2;
  auto json = nlohmann::json::parse(read_whole_file(o.file), nullptr, false);
  if (json.is_discarded()) {
    err(fmt::format("エラー: {} は JSON ではありません / error: {} is not JSON\n", o.file, o.file));
    return 2;
  }
  auto p = open_platform(o.db_path);
  auto user = user_of(*p.auth, o.as);
  if (!user) return 1;
  return print_outcome(p.platform->submit_opinion(*user, caller_of(&*user, *at), json, o.office), o.format == "json");
}

int invoices() {
  auto& o = platform_documents_options();
  auto from = date_option(o.from, "--from");
  auto to = date_option(o.to, "--to");
  if (!from || !to) return 2;
  auto p = open_platform(o.db_path);
  std::optional<auth::User> user;
  if (!o.as.empty() && !(user = user_of(*p.auth, o.as))) return 1;
  platform::Outcome refusal;
  auto csv = p.platform->invoices_csv(user ? &*user : nullptr, caller_of(user ? &*user : nullptr, now_jst()), o.insurer, *from,
                                      *to, &refusal);
  if (!csv) return print_outcome(refusal, false);
  if (o.out_path.empty()) {
    out(*csv);
  } else {
    write_out(o.out_path, *csv);
  }
  return 0;
}

int packet_send() {
  auto& o = platform_documents_options();
  auto applied = date_option(o.applied_on, "--applied-on");
  if (!applied) return 2;
  return as_platform_user(o.db_path, o.as, o.at, [&](const PlatformSession& s) {
    std::vector<auth::User> members;
    for (const auto& id : o.members) {
      auto m = user_of(*s.p.auth, id);
      if (!m) return 1;
      members.push_back(*m);
    }
    auto r = s.p.platform->send_packet(s.user, s.caller, {o.insurer, o.insured}, *applied, members);
    return print_outcome(r, o.format == "json");
  });
}

int packet_fetch() {
  auto& o = platform_documents_options();
  return as_platform_user(o.db_path, o.as, o.at, [&](const PlatformSession& s) {
    platform::Outcome refusal;
    auto pdf = s.p.platform->fetch_packet(s.user, s.caller, o.packet, &refusal);
    if (!pdf) return print_outcome(refusal, false);
    write_out(o.out_path, *pdf);
    out(fmt::format("{} ({} バイト / bytes)\n", o.out_path, pdf->size()));
    return 0;
  });
}

CLI::App* document_sub(CLI::App* parent, const char* name, const char* help, int& status, int (*body)()) {
  return platform_subcommand(parent, name, help, platform_documents_options().db_path, status, body);
}

}  // namespace

void register_platform_documents(CLI::App& cmd, int& status) {
  auto& o = platform_documents_options();
  auto* op = document_sub(&cmd, "opinion", "主治医意見書（と請求書）を送信 / send a doctor's opinion (and its invoice)", status, opinion);
  op->add_option("FILE", o.file, "JSON (docs/platform.md)")->required();
  op->add_option("--as", o.as, "医師のユーザ / the doctor's account")->required();
  op->add_option("--office", o.office, "施設の事業所番号（施設の医師）/ the facility's office number");
  add_at_option(op, o.at, "操作日時", "time of the operation");
  op->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));

  auto* inv = document_sub(&cmd, "invoices", "主治医意見書の請求書の CSV / the insurer's invoices as CSV", status, invoices);
  inv->add_option("--insurer", o.insurer, "保険者番号 / insurer number")->required();
  inv->add_option("--from", o.from, "請求書登録日から YYYYMMDD / registered from")->required();
  inv->add_option("--to", o.to, "請求書登録日まで YYYYMMDD / registered to")->required();
  inv->add_option("--as", o.as, "保険者のユーザ / the municipality user");
  inv->add_option("--out", o.out_path, "出力ファイル（既定: 標準出力）/ output file");

  auto* pk = add_command_group(cmd, "packet", "認定審査会資料 / committee papers (one PDF behind a link)");
  auto* send = document_sub(pk, "send", "審査会資料を作成して送付 / make and send the papers", status, packet_send);
  send->add_option("--as", o.as, "保険者のユーザ / the municipality user")->required();
  send->add_option("--insurer", o.insurer, "保険者番号 / insurer number")->required();
  send->add_option("--insured", o.insured, "被保険者番号 / insured number")->required();
  send->add_option("--applied-on", o.applied_on, "要介護認定申請日 YYYYMMDD / the application's date")->required();
  send->add_option("--member", o.members, "審査会委員のユーザ（複数可）/ committee members' accounts")->required();
  add_at_option(send, o.at, "送信日時", "time sent");
  send->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  auto* fetch = document_sub(pk, "fetch", "審査会資料の PDF を取得 / fetch the papers' PDF", status, packet_fetch);
  fetch->add_option("ID", o.packet, "資料の番号 / packet id")->required();
  fetch->add_option("--as", o.as, "審査会委員のユーザ / a member's account")->required();
  fetch->add_option("--out", o.out_path, "PDF の出力先 / where to write the PDF")->required();
  add_at_option(fetch, o.at, "受信日時", "time fetched");
}

}  // namespace kaigo::cli
