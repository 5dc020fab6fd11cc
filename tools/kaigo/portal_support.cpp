#include "portal_support.hpp"

#include <fmt/format.h>

#include "cli_support.hpp"
#include "kaigo/store/auth_store.hpp"

namespace kaigo::cli {

std::optional<PortalSession> open_session(const std::string& db_path, const std::string& user_id, const std::string& at,
                                          int& status) {
  status = 1;
  auto when = parse_at(at);
  if (!when) return std::nullopt;
  auto db = store::Database::open(db_path);
  store::AuthStore st(*db);
  auto account = st.account(user_id);
  if (!account || account->disabled || (account->locked_until && *when < *account->locked_until)) {
    err(
        fmt::format("エラー: ユーザ {} では操作できません（存在しないか、ロック中）/ error: user {} cannot act "
                    "(unknown or locked)\n",
                    user_id, user_id));
    return std::nullopt;
  }
  status = 0;
  return PortalSession{std::move(db), account->user, {account->user.id, "cli", *when}};
}

}  // namespace kaigo::cli
