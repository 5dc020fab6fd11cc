// store/schema/auth — the tables of the auth module (accounts, sessions, reset links, the CA and
// office certificates, the audit chain). Secrets are never stored: passwords and security codes as
// Argon2id hashes, session and reset tokens as SHA-256 digests, the CA key as a file path.
// Must not: be used outside the store module.
#pragma once
#include <string_view>

namespace kaigo::store::schema::auth {

inline constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS auth_users (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  job TEXT NOT NULL DEFAULT '',
  medical_code TEXT NOT NULL DEFAULT '',
  insurer_no TEXT NOT NULL DEFAULT '',
  insured_no TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  security_code_hash TEXT NOT NULL DEFAULT '',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS auth_users_email ON auth_users(email) WHERE email <> '';
-- The 事業所番号 of an office account (one, or up to 100 for 代理請求).
CREATE TABLE IF NOT EXISTS auth_user_offices (
  user_id TEXT NOT NULL REFERENCES auth_users(id),
  office_no TEXT NOT NULL,
  PRIMARY KEY (user_id, office_no)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS auth_user_offices_office ON auth_user_offices(office_no);
CREATE TABLE IF NOT EXISTS auth_sessions (
  digest TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES auth_users(id),
  created_at TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  source TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS auth_sessions_user ON auth_sessions(user_id);
CREATE TABLE IF NOT EXISTS auth_resets (
  digest TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES auth_users(id),
  purpose TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS auth_resets_user ON auth_resets(user_id, purpose);
CREATE TABLE IF NOT EXISTS auth_ca (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  certificate TEXT NOT NULL,
  key_file TEXT NOT NULL,
  server_certificate TEXT NOT NULL,
  created_at TEXT NOT NULL
);
-- Office certificates (電子証明書); the offices each speaks for are auth_certificate_offices.
CREATE TABLE IF NOT EXISTS auth_certificates (
  serial TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  office_no TEXT NOT NULL,
  certificate TEXT NOT NULL,
  applied_on TEXT NOT NULL,
  not_before TEXT NOT NULL,
  not_after TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT '',
  revoke_reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS auth_certificate_offices (
  serial TEXT NOT NULL REFERENCES auth_certificates(serial),
  office_no TEXT NOT NULL,
  PRIMARY KEY (serial, office_no)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS auth_certificate_offices_office ON auth_certificate_offices(office_no);
-- The audit chain (docs/auth.md): hash = SHA-256(prev_hash, canonical row); audit_head keeps the
-- count and the last hash so that a truncated tail is found too.
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  source TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
-- Who looked at one person's records (platform reads): cheap by person.
CREATE INDEX IF NOT EXISTS audit_log_person ON audit_log(insurer_no, insured_no, seq);
CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log(actor, seq);
CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log(action, seq);
CREATE TABLE IF NOT EXISTS audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
)sql";

}  // namespace kaigo::store::schema::auth
