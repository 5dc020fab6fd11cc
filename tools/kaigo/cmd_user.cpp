// kaigo user add|passwd|lock|unlock|list — accounts (DESIGN §3.4). Passwords and security codes
// are read from standard input, never from the command line.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/store/auth_store.hpp"
#include "options.hpp"

namespace kaigo::cli {
namespace {

struct UserOptions {
  std::string db_path, id, role, job, medical, insurer, insured, email, name, offices_file, format = "text";
  std::vector<std::string> offices;
  bool security_code = false;
};

UserOptions& user_options() {
  static UserOptions o;
  return o;
}

std::string attributes_of(const auth::User& u) {
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out += fmt::format("{}{}={}", out.empty() ? "" : " ", key, value);
  };
  if (!u.offices.empty()) {
    add("offices",
        u.offices.size() == 1 ? u.offices.front() : fmt::format("{}…({})", u.offices.front(), u.offices.size()));
  }
  add("job", enum_code(u.job));
  add("medical", u.medical_code);
  add("insurer", u.insurer_no);
  add("insured", u.insured_no);
  return out;
}

nlohmann::json json_of(const auth::AccountSummary& a) {
  auto j = auth::user_json(a.user);
  j.update({{"email", a.user.email},
            {"security_code", a.has_security_code},
            {"failed_logins", a.failed_logins},
            {"locked_until", a.locked_until ? a.locked_until->str() : ""},
            {"disabled", a.disabled},
            {"created_at", a.created_at.str()},
            {"password_changed_at", a.password_changed_at.str()}});
  return j;
}

void add_user(int& status) {
  auto& o = user_options();
  auto db = store::Database::open(o.db_path);
  auth::User u;
  u.id = o.id;
  u.role = *parse_enum<auth::Role>(o.role);
  u.job = parse_enum<auth::Job>(o.job).value_or(auth::Job::None);
  u.offices = o.offices;
  u.medical_code = o.medical;
  u.insurer_no = o.insurer;
  u.insured_no = o.insured;
  u.email = o.email;
  u.name = o.name;
  if (!o.offices_file.empty()) {
    auto list = auth::parse_office_list(read_whole_file(o.offices_file), o.offices_file);
    if (print_refusals(list.problems)) {
      status = 1;
      return;
    }
    u.offices.insert(u.offices.end(), list.offices.begin(), list.offices.end());
  }
  auto password = read_secret("パスワード", "password");
  if (!password) {
    status = 1;
    return;
  }
  DatabaseAccounts users(*db);
  if ((status = print_refusals(users.accounts.add(u, *password, cli_caller(now_jst())))) != 0) return;
  std::fputs(fmt::format("ユーザ {} を登録しました（{} {}）/ added user {}\n", u.id, enum_code(u.role),
                         attributes_of(u), u.id)
                 .c_str(),
             stdout);
}

void set_secret(int& status) {
  auto& o = user_options();
  auto db = store::Database::open(o.db_path);
  auto secret =
      o.security_code ? read_secret("セキュリティコード", "security code") : read_secret("パスワード", "password");
  if (!secret) {
    status = 1;
    return;
  }
  DatabaseAccounts users(*db);
  const auto by = cli_caller(now_jst());
  auto refused = o.security_code ? users.accounts.set_security_code(o.id, *secret, by)
                                 : users.accounts.set_password(o.id, *secret, by);
  if ((status = print_refusals(refused)) != 0) return;
  std::fputs(o.security_code
                 ? fmt::format("{} のセキュリティコードを設定しました / security code set\n", o.id).c_str()
                 : fmt::format("{} のパスワードを設定しました（セッションはすべて終了）/ password set; every "
                               "session ended\n",
                               o.id)
                       .c_str(),
             stdout);
}

void lock_or_unlock(bool lock, int& status) {
  auto& o = user_options();
  auto db = store::Database::open(o.db_path);
  DatabaseAccounts users(*db);
  const auto by = cli_caller(now_jst());
  if ((status = print_refusals(lock ? users.accounts.lock(o.id, by) : users.accounts.unlock(o.id, by))) != 0) return;
  std::fputs((lock ? fmt::format("{} をロックしました（セッションはすべて終了）/ locked {}\n", o.id, o.id)
                   : fmt::format("{} のロックを解除しました / unlocked {}\n", o.id, o.id))
                 .c_str(),
             stdout);
}

void list_users(int& status) {
  auto& o = user_options();
  auto db = store::Database::open(o.db_path);
  DatabaseAccounts users(*db);
  const auto all = users.accounts.list();
  const auto now = now_jst();
  print_list(o.format, all, json_of, [&](const auth::AccountSummary& a) {
    std::string state = a.disabled                                  ? "locked"
                        : (a.locked_until && now < *a.locked_until) ? "locked_until " + a.locked_until->str()
                                                                    : "active";
    return fmt::format("{}\t{}\t{}\t{}\t{}\n", a.user.id, enum_code(a.user.role), attributes_of(a.user),
                       a.user.email, state);
  });
  status = 0;
}

}  // namespace

void register_user(CLI::App& app, int& status) {
  auto* cmd = add_command_group(app, "user", "アカウント / accounts (DESIGN §3.4)");
  auto& o = user_options();
  auto* add =
      add_db_command(cmd, "add", "ユーザを登録（パスワードは標準入力）/ add a user (password on standard input)",
                     o.db_path, status, add_user);
  add->add_option("--id", o.id, "ユーザID (KJ…) / user ID")->required();
  add->add_option("--role", o.role, "office | medical | municipality | insured | kokuhoren | admin")
      ->required()
      ->check(CLI::IsMember({"office", "medical", "municipality", "insured", "kokuhoren", "admin"}));
  add->add_option("--office", o.offices, "事業所番号（繰り返し可）/ office number (repeatable)");
  add->add_option("--offices", o.offices_file, "代理請求の事業所番号一覧（1行に1件）/ file of office numbers");
  add->add_option("--job", o.job, "doctor | care_manager | clerk | other")
      ->check(CLI::IsMember({"doctor", "care_manager", "clerk", "other"}));
  add->add_option("--medical", o.medical, "医療機関コード / medical institution code");
  add->add_option("--insurer", o.insurer, "保険者番号 / insurer number");
  add->add_option("--insured", o.insured, "被保険者番号 / insured number");
  add->add_option("--email", o.email, "セキュリティ用メールアドレス / security e-mail");
  add->add_option("--name", o.name, "表示名 / display name");

  auto* passwd = add_db_command(cmd, "passwd", "パスワードを設定（標準入力）/ set a password (standard input)",
                                o.db_path, status, set_secret);
  passwd->add_option("--id", o.id, "ユーザID / user ID")->required();
  passwd->add_flag("--security-code", o.security_code, "セキュリティコードを設定 / set the security code instead");

  for (bool lock : {true, false}) {
    auto* sub = add_db_command(
        cmd, lock ? "lock" : "unlock",
        lock ? "ロック（ログイン不可、セッション終了）/ lock (no login; sessions ended)" : "ロック解除 / unlock",
        o.db_path, status, [lock](int& s) { lock_or_unlock(lock, s); });
    sub->add_option("--id", o.id, "ユーザID / user ID")->required();
  }

  auto* list = add_db_command(cmd, "list", "ユーザ一覧 / list users", o.db_path, status, list_users);
  list->add_option("--format", o.format, "text | json")->check(CLI::IsMember({"text", "json"}));
}

}  // namespace kaigo::cli
