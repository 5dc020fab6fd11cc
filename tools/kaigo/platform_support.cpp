#include "platform_support.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "auth_support.hpp"
#include "cli_support.hpp"
#include "options.hpp"

namespace kaigo::cli {

PlatformDb open_platform(const std::string& db_path) {
  PlatformDb p;
  p.db = store::Database::open(db_path);
  p.auth = std::make_unique<store::AuthStore>(*p.db);
  p.repo = std::make_unique<store::PlatformStore>(*p.db);
  p.world = store::load_tables_in_force(*p.db, store::Recipients::Skip);
  p.platform = std::make_unique<platform::Platform>(*p.repo, *p.auth, p.world.offices, p.db->settings().platform);
  return p;
}

std::optional<auth::User> user_of(store::AuthStore& auth, const std::string& id) {
  auto a = auth.account(id);
  if (!a || a->disabled) {
    err(fmt::format("エラー: ユーザ {} はありません（または停止中です）/ error: no such user {} (or it is locked)\n", id, id));
    return std::nullopt;
  }
  return a->user;
}

auth::Caller caller_of(const auth::User* user, const LocalDateTime& at) {
  if (!user) return cli_caller(at);
  return {user->id, "cli", at};
}

int as_platform_user(const std::string& db_path, const std::string& user_id, const std::string& at,
                     const std::function<int(const PlatformSession&)>& body) {
  auto when = parse_at(at);
  if (!when) return 2;
  auto p = open_platform(db_path);
  auto user = user_of(*p.auth, user_id);
  if (!user) return 1;
  const auto caller = caller_of(&*user, *when);
  return body({p, *user, caller});
}

std::optional<Date> date_option(const std::string& text, const char* option) {
  auto d = Date::parse(text);
  if (!d) err(fmt::format("エラー: {} は YYYYMMDD の日付です（{}）/ error: {} must be a date YYYYMMDD\n", option, text, option));
  return d;
}

void guarded(int& status, const std::function<int()>& body) {
  try {
    status = body();
  } catch (const std::exception& e) {
    err(fmt::format("エラー / error: {}\n", e.what()));
    status = 1;
  }
}

CLI::App* platform_subcommand(CLI::App* parent, const char* name, const char* help, std::string& db_path, int& status,
                              int (*body)()) {
  return add_db_command(parent, name, help, db_path, status, [body](int& s) { guarded(s, body); });
}

int print_outcome(const platform::Outcome& o, bool json) {
  if (json) {
    out(dump_json(to_json(o)) + "\n");
  } else if (o.ok) {
    out(fmt::format("{} / {}\n", o.message_ja, o.message_en));
    if (!o.detail.empty()) out(dump_json(o.detail) + "\n");
  } else {
    err(fmt::format("拒否 / refused [{}]: {} / {}\n", o.rule, o.message_ja, o.message_en));
    if (o.detail.contains("errors")) {
      for (const auto& e : o.detail["errors"]) {
        err(fmt::format("  {}: {} / {}\n", e.value("field", ""), e.value("message_ja", ""), e.value("message_en", "")));
      }
    }
  }
  return o.ok ? 0 : kRefused;
}

}  // namespace kaigo::cli
