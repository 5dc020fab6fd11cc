#include "support/auth_support.hpp"

#include <gtest/gtest.h>

namespace kaigo::testing {

AuthSettings fast_auth_settings() {
  AuthSettings s;
  s.password_ops = 1;
  s.password_mem_kib = 1024;
  return s;
}

AuthWorld::AuthWorld() : db(store::Database::create(dir / "k.db")), store(std::make_unique<store::AuthStore>(*db)) {
  settings.name = "模擬県国民健康保険団体連合会";
  settings.auth = fast_auth_settings();
}

void AuthWorld::add_office_user(const std::string& id, const std::string& office, const std::string& password,
                                const std::string& email) {
  auth::User u;
  u.id = id;
  u.role = auth::Role::Office;
  u.offices = {office};
  u.email = email;
  auto refused = accounts().add(u, password, operator_at("2026-04-01T09:00:00"));
  ASSERT_TRUE(refused.empty()) << refused[0].to_string();
}

std::vector<auth::AuditRow> AuthWorld::audit_rows(std::string_view action) {
  std::vector<auth::AuditRow> rows;
  auth::AuditFilter f;
  f.action = std::string(action);
  store->scan(f, [&](const auth::AuditRow& row) {
    rows.push_back(row);
    return true;
  });
  return rows;
}

auth::Caller operator_at(const char* iso) { return {"cli:operator", "cli", jst(iso)}; }

}  // namespace kaigo::testing
