// kaigo ca init / kaigo cert issue|revoke|list — the 国保連's CA and office certificates
// (DESIGN §3.4, seed 001; docs/auth.md). A PKCS#12 passphrase is read from standard input.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/auth/certificates.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/tables.hpp"
#include "options.hpp"

namespace kaigo::cli {
namespace {

struct CertOptions {
  std::string db_path, out, at, office, offices_file, applied_on, ca_key, serial, reason, format = "text";
  bool p12 = false;
};

CertOptions& cert_options() {
  static CertOptions o;
  return o;
}

// Offices missing from a loaded 事業所台帳: a certificate for an unknown office would charge a fee
// no 7513 can show. Without a ledger the check is skipped with a warning.
auth::Refusals unknown_offices(store::Database& db, const std::vector<std::string>& offices) {
  if (!db.latest_table(store::TableKind::Offices)) {
    std::fprintf(stderr,
                 "警告: 事業所台帳が読み込まれていないため事業所番号を確かめていません / warning: no office "
                 "ledger loaded; office numbers not checked\n");
    return {};
  }
  auto world = store::load_tables_in_force(db, store::Recipients::Skip);
  auth::Refusals out;
  for (const auto& o : offices) {
    if (!world.offices.known(o)) {
      out.push_back({"KA43", "事業所台帳", fmt::format("事業所番号 {} は事業所台帳にありません", o),
                     fmt::format("office {} is not in the office ledger", o)});
    }
  }
  return out;
}

void ca_init(int& status) {
  auto& o = cert_options();
  auto at = parse_at(o.at, status);
  if (!at) return;
  auto db = store::Database::open(o.db_path);
  const auto settings = db->settings();
  store::AuthStore st(*db);
  auto r = auth::init_ca(st, settings, o.out, cli_caller(*at));
  if ((status = print_refusals(r.refusals)) != 0) return;
  std::fputs(
      fmt::format(
          "認証局を作りました（{} まで有効）/ CA made (valid until {})\n"
          "  {}  認証局の証明書 / CA certificate (kaigo serve --client-ca)\n"
          "  {}  認証局の鍵（0600、kaigo cert issue だけが使います）/ CA key (0600; only kaigo cert issue uses it)\n"
          "  {}  サーバ証明書 / server certificate (kaigo serve --tls-cert)\n"
          "  {}  サーバの鍵 / server key (kaigo serve --tls-key)\n",
          r.not_after.str(), r.not_after.str(), r.files.ca_certificate.string(), r.files.ca_key.string(),
          r.files.server_certificate.string(), r.files.server_key.string())
          .c_str(),
      stdout);
}

void cert_issue(int& status) {
  auto& o = cert_options();
  auto at = parse_at(o.at);
  auto applied = Date::parse(o.applied_on);
  if (!at || !applied) {
    if (!applied) std::fprintf(stderr, "エラー: --applied-on は YYYYMMDD / error: --applied-on must be YYYYMMDD\n");
    status = 2;
    return;
  }
  auto db = store::Database::open(o.db_path);
  auth::IssueRequest req;
  req.office_no = o.office;
  req.applied_on = *applied;
  req.out_dir = o.out;
  if (!o.ca_key.empty()) req.ca_key = o.ca_key;
  if (!o.offices_file.empty()) {
    auto list = auth::parse_office_list(read_whole_file(o.offices_file), o.offices_file);
    if ((status = print_refusals(list.problems)) != 0) return;
    req.offices = std::move(list.offices);
  }
  auto all = req.offices;
  all.push_back(req.office_no);
  if ((status = print_refusals(unknown_offices(*db, all))) != 0) return;
  if (o.p12) {
    req.p12_passphrase = read_secret("PKCS#12 のパスフレーズ", "PKCS#12 passphrase");
    if (!req.p12_passphrase) {
      status = 1;
      return;
    }
  }
  const auto settings = db->settings();
  store::AuthStore st(*db);
  auto r = auth::issue_certificate(st, settings, req, cli_caller(*at));
  if ((status = print_refusals(r.refusals)) != 0) return;
  std::string fee = r.fee_yen ? fmt::format("{} 円", r.fee_yen->value)
                              : "金額未定（手数料表に該当なし）/ no amount in the fee schedule";
  std::fputs(
      fmt::format("証明書 {} を発行しました: 事業所 {}（{} 事業所）、{} まで有効 / issued certificate {}\n"
                  "  {}\n  {}\n{}"
                  "  発行手数料 {}（申請日 {}）は {} 審査分から差し引きます / fee deducted from review month {}\n",
                  r.record.serial, r.record.office_no, r.record.offices.size(), r.record.not_after.str(),
                  r.record.serial, r.certificate_file.string(), r.key_file.string(),
                  r.p12_file.empty() ? "" : "  " + r.p12_file.string() + "\n", fee, r.fee.charge.applied_on.str(),
                  r.fee.month.str(), r.fee.month.str())
          .c_str(),
      stdout);
  if (!r.fee_yen)
    std::fprintf(stderr,
                 "警告: 申請日 %s の証明書発行手数料が設定にありません / warning: no certificate fee for that date\n",
                 req.applied_on.str().c_str());
}

void cert_revoke(int& status) {
  auto& o = cert_options();
  auto at = parse_at(o.at, status);
  if (!at) return;
  auto db = store::Database::open(o.db_path);
  store::AuthStore st(*db);
  if ((status = print_refusals(auth::revoke_certificate(st, o.serial, o.reason, cli_caller(*at)))) != 0) return;
  std::fputs(
      fmt::format("証明書 {} を失効させました（{}）/ revoked certificate {}\n", o.serial, at->str(), o.serial).c_str(),
      stdout);
}

void cert_list(int& status) {
  auto& o = cert_options();
  auto at = parse_at(o.at, status);
  if (!at) return;
  auto db = store::Database::open(o.db_path);
  store::AuthStore st(*db);
  const auto state = [&](const auth::CertificateRecord& c) {
    return enum_code(auth::state_at(c, *at));
  };
  print_list(
      o.format, st.certificates(),
      [&](const auth::CertificateRecord& c) {
        return nlohmann::json{{"serial", c.serial},
                              {"office_no", c.office_no},
                              {"offices", c.offices},
                              {"applied_on", c.applied_on.str()},
                              {"not_before", c.not_before.str()},
                              {"not_after", c.not_after.str()},
                              {"revoked_at", c.revoked_at ? c.revoked_at->str() : ""},
                              {"revoke_reason", c.revoke_reason},
                              {"state", state(c)}};
      },
      [&](const auth::CertificateRecord& c) {
        return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", c.serial, c.office_no, c.offices.size(), c.applied_on.str(),
                           c.not_after.str(), state(c));
      });
  status = 0;
}

}  // namespace

void register_ca(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "ca", "国保連の認証局 / the 国保連's certificate authority");
  auto& o = cert_options();
  auto* init = add_db_command(cmd, "init", "認証局とサーバ証明書を作る / make the CA and the server certificate",
                              o.db_path, status, ca_init);
  init->add_option("--out", o.out, "出力フォルダ / output folder")->required();
  add_at_option(init, o.at, "作成日時", "time of making");
}

void register_cert(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "cert", "事業所の電子証明書 / office certificates");
  auto& o = cert_options();
  auto* issue = add_db_command(cmd, "issue", "証明書を発行（発行手数料を計上）/ issue a certificate (charges its fee)",
                               o.db_path, status, cert_issue);
  issue->add_option("--office", o.office, "申請する事業所番号 / the applying office")->required();
  issue->add_option("--offices", o.offices_file, "代理請求の事業所番号一覧（100まで）/ 代理請求 offices (at most 100)");
  issue->add_option("--applied-on", o.applied_on, "申請日 YYYYMMDD / application date")->required();
  issue->add_option("--out", o.out, "出力フォルダ / output folder")->required();
  add_at_option(issue, o.at, "発行日時", "time of issue");
  issue->add_option("--ca-key", o.ca_key, "認証局の鍵（既定: ca init の記録）/ CA key file (default: as recorded)");
  issue->add_flag("--p12", o.p12, "PKCS#12 も作る（パスフレーズは標準入力）/ also write PKCS#12 (passphrase on stdin)");

  auto* revoke =
      add_db_command(cmd, "revoke", "証明書を失効させる / revoke a certificate", o.db_path, status, cert_revoke);
  revoke->add_option("SERIAL", o.serial, "シリアル番号 / serial")->required();
  revoke->add_option("--reason", o.reason, "理由 / reason");
  add_at_option(revoke, o.at, "失効日時", "time of the revocation");

  auto* list = add_db_command(cmd, "list", "証明書一覧 / list certificates", o.db_path, status, cert_list);
  list->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
  add_at_option(list, o.at, "状態を見る日時", "time the state is given for");
}

}  // namespace kaigo::cli
