// kaigo audit verify|list — the hash-chained audit trail (DESIGN §3.4, docs/auth.md).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/auth/audit.hpp"
#include "kaigo/store/auth_store.hpp"
#include "options.hpp"

namespace kaigo::cli {
namespace {

struct AuditOptions {
  std::string db_path, anchor, user, action, from, to, insurer, insured, format = "text";
};

AuditOptions& audit_options() {
  static AuditOptions o;
  return o;
}

void verify(int& status) {
  auto& o = audit_options();
  auto db = store::Database::open(o.db_path);
  store::AuthStore st(*db);
  auto v = auth::verify_audit(st, o.anchor.empty() ? std::nullopt : std::optional<std::string>(o.anchor));
  if (!v.ok()) {
    std::fprintf(stderr, "エラー / error: %s\n", v.problem->to_string().c_str());
    if (v.rows > 0) {
      std::fprintf(stderr, "  %lld 行目までは正しく連鎖しています（ハッシュ %s）/ rows 1-%lld chain correctly\n",
                   static_cast<long long>(v.rows), v.head_hash.c_str(), static_cast<long long>(v.rows));
    }
    status = 1;
    return;
  }
  std::fputs(
      fmt::format("監査記録 {} 行の連鎖は正しいです。先頭のハッシュ（控えとして保管し、次回 --anchor に指定）: {}\n"
                  "the chain of {} audit rows is intact; head hash (keep it; give it to --anchor next time): {}\n",
                  v.rows, v.head_hash, v.rows, v.head_hash)
          .c_str(),
      stdout);
  status = 0;
}

std::optional<LocalDateTime> bound(const std::string& text, const char* name, bool end) {
  if (text.empty()) return std::nullopt;
  if (auto d = Date::parse(text)) return LocalDateTime{*d, end ? 23 : 0, end ? 59 : 0, end ? 59 : 0};
  auto t = LocalDateTime::parse(text);
  if (!t) {
    throw CLI::ValidationError(name, fmt::format("YYYYMMDD か YYYY-MM-DDTHH:MM[:SS] / YYYYMMDD or ISO time: {}", text));
  }
  return t;
}

void list(int& status) {
  auto& o = audit_options();
  auth::AuditFilter f;
  f.actor = o.user;
  f.action = o.action;
  f.insurer_no = o.insurer;
  f.insured_no = o.insured;
  try {
    f.from = bound(o.from, "--from", false);
    f.to = bound(o.to, "--to", true);
  } catch (const CLI::ValidationError& e) {
    std::fprintf(stderr, "エラー / error: %s\n", e.what());
    status = 2;
    return;
  }
  auto db = store::Database::open(o.db_path);
  store::AuthStore st(*db);
  const bool json = o.format == "json";
  if (json) std::fputs("[", stdout);
  bool first = true;
  st.scan(f, [&](const auth::AuditRow& r) {
    if (json) {
      std::fputs((std::string(first ? "\n  " : ",\n  ") + auth::to_json(r).dump()).c_str(), stdout);
    } else {
      std::fputs(fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}{}\n", r.seq, r.at.str(), r.actor, r.source, r.action, r.target,
                             r.detail, r.insured_no.empty() ? "" : "\t" + r.insurer_no + ":" + r.insured_no)
                     .c_str(),
                 stdout);
    }
    first = false;
    return true;
  });
  if (json) std::fputs(first ? "]\n" : "\n]\n", stdout);
  status = 0;
}

}  // namespace

void register_audit(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "audit", "監査記録 / the audit trail");
  auto& o = audit_options();
  auto* v = add_db_command(cmd, "verify",
                           "連鎖を検証（改変・削除で終了コード 1）/ verify the chain (exit 1 on any edit or deletion)",
                           o.db_path, status, verify);
  v->add_option("--anchor", o.anchor, "以前の verify が示したハッシュ / a head hash printed by an earlier verify");

  auto* l = add_db_command(cmd, "list", "監査記録の一覧 / list audit rows", o.db_path, status, list);
  l->add_option("--user", o.user, "行為者（ユーザID）/ actor (user ID)");
  l->add_option("--action", o.action, "操作 / action (login, cert_issue, …)");
  l->add_option("--from", o.from, "この日時から / from (YYYYMMDD or ISO time)");
  l->add_option("--to", o.to, "この日時まで / to (YYYYMMDD or ISO time)");
  l->add_option("--insurer", o.insurer, "保険者番号（本人の記録）/ insurer number of the person concerned");
  l->add_option("--insured", o.insured, "被保険者番号 / insured number of the person concerned");
  l->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
}

}  // namespace kaigo::cli
