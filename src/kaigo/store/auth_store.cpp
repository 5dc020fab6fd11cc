#include "kaigo/store/auth_store.hpp"

#include <fmt/format.h>

#include "kaigo/store/fees_due.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {
namespace {

constexpr std::string_view kAccountColumns =
    "id, role, job, medical_code, insurer_no, insured_no, name, email, password_hash, security_code_hash, "
    "failed_logins, locked_until, disabled, created_at, password_changed_at, version";


std::optional<LocalDateTime> optional_moment(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return LocalDateTime::parse(s);
}

// A time read back for the audit chain: a text that is not exactly what str() writes (an edit that
// parses to the same moment, such as a space for the T) reads as an impossible moment, so that the
// row's hash no longer matches.
LocalDateTime exact_moment(const std::string& s) {
  auto t = LocalDateTime::parse(s);
  return t && t->str() == s ? *t : LocalDateTime{};
}

std::string text_of(const std::optional<LocalDateTime>& t) { return t ? t->str() : std::string(); }

std::string first_text_column(const Statement& st) { return st.text(0); }

// The offices a row names in its side table (auth_user_offices, auth_certificate_offices), in order.
std::vector<std::string> offices_named(Connection& c, std::string_view sql, std::string_view key) {
  return c.prepare(sql).bind(1, key).rows(first_text_column);
}

// A table of records read whole (accounts, certificates, sessions, reset links): one by its key, or
// all in an order. `read` gets the connection too, for the offices a record lists in a side table.
template <class Record>
struct RecordTable {
  std::string_view columns, table, key;
  Record (*read)(Connection&, const Statement&);

  std::optional<Record> one(Connection& c, std::string_view key_value) const {
    return c.prepare(fmt::format("SELECT {} FROM {} WHERE {} = ?", columns, table, key))
        .bind(1, key_value)
        .first_row([&](const Statement& st) { return read(c, st); });
  }
  std::vector<Record> all(Connection& c, std::string_view order) const {
    return c.prepare(fmt::format("SELECT {} FROM {} ORDER BY {}", columns, table, order)).rows([&](const Statement& st) {
      return read(c, st);
    });
  }
};

auth::Account account_at(Connection& c, const Statement& st) {
  auth::Account a;
  auto& u = a.user;
  u.id = st.text(0);
  u.role = parse_enum<auth::Role>(st.text(1)).value_or(auth::Role::Office);
  u.job = parse_enum<auth::Job>(st.text(2)).value_or(auth::Job::None);
  u.medical_code = st.text(3);
  u.insurer_no = st.text(4);
  u.insured_no = st.text(5);
  u.name = st.text(6);
  u.email = st.text(7);
  a.password_hash = st.text(8);
  a.security_code_hash = st.text(9);
  a.failed_logins = static_cast<int>(st.integer(10));
  a.locked_until = optional_moment(st.text(11));
  a.disabled = st.integer(12) != 0;
  a.created_at = moment(st.text(13));
  a.password_changed_at = moment(st.text(14));
  a.version = st.integer(15);
  u.offices = offices_named(c, "SELECT office_no FROM auth_user_offices WHERE user_id = ? ORDER BY office_no", u.id);
  return a;
}

constexpr RecordTable<auth::Account> kAccounts{kAccountColumns, "auth_users", "id", account_at};

// Binds the account's columns after the id (2 … 15) in kAccountColumns order.
void bind_account(Statement& st, const auth::Account& a) {
  const auto& u = a.user;
  st.bind(2, enum_code(u.role)).bind(3, enum_code(u.job)).bind(4, u.medical_code);
  st.bind(5, u.insurer_no).bind(6, u.insured_no).bind(7, u.name).bind(8, u.email);
  st.bind(9, a.password_hash).bind(10, a.security_code_hash).bind(11, static_cast<std::int64_t>(a.failed_logins));
  st.bind(12, text_of(a.locked_until)).bind(13, a.disabled ? 1 : 0).bind(14, a.created_at.str());
  st.bind(15, a.password_changed_at.str());
}

void write_offices(Connection& c, const auth::User& u) {
  c.prepare("DELETE FROM auth_user_offices WHERE user_id = ?").bind(1, u.id).run();
  auto st = c.prepare("INSERT INTO auth_user_offices(user_id, office_no) VALUES (?, ?)");
  for (const auto& o : u.offices) st.bind(1, u.id).bind(2, o).run();
}

auth::AuditHead stored_audit_head(Connection& c) {
  auto st = c.prepare("SELECT count, last_hash FROM audit_head WHERE id = 1");
  if (!st.step()) return {};
  return {st.integer(0), st.text(1)};
}

// The next row of the chain, inside the caller's write transaction (BEGIN IMMEDIATE: no other
// writer can append between reading the head and writing the row).
auth::AuditRow append_row(Connection& c, const auth::AuditEvent& e) {
  const auto head = stored_audit_head(c);
  auto row = auth::seal(e, head.count + 1, head.last_hash);
  c.prepare(
       "INSERT INTO audit_log(seq, at, actor, source, action, target, detail, insurer_no, insured_no, prev_hash, hash) "
       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(row.seq, row.at.str(), row.actor, row.source, row.action, row.target, row.detail, row.insurer_no,
                row.insured_no, row.prev_hash, row.hash)
      .run();
  c.prepare("INSERT OR REPLACE INTO audit_head(id, count, last_hash) VALUES (1, ?, ?)")
      .bind_all(row.seq, row.hash)
      .run();
  return row;
}

// A change and its audit row (`e`, when given) in one transaction; `change` returns false when
// there is nothing to change, and then neither is written.
template <class Change>
bool audited_change(Connection& c, const auth::AuditEvent* e, Change change) {
  Transaction tx(c);
  if (!change()) return false;
  if (e) append_row(c, *e);
  tx.commit();
  return true;
}

auth::CertificateRecord certificate_at(Connection& c, const Statement& st) {
  auth::CertificateRecord r;
  r.serial = st.text(0);
  r.office_no = st.text(1);
  r.certificate_pem = st.text(2);
  r.applied_on = day(st.text(3));
  r.not_before = moment(st.text(4));
  r.not_after = moment(st.text(5));
  r.revoked_at = optional_moment(st.text(6));
  r.revoke_reason = st.text(7);
  r.offices =
      offices_named(c, "SELECT office_no FROM auth_certificate_offices WHERE serial = ? ORDER BY office_no", r.serial);
  return r;
}

constexpr std::string_view kCertificateColumns =
    "serial, office_no, certificate, applied_on, not_before, not_after, revoked_at, revoke_reason";
constexpr RecordTable<auth::CertificateRecord> kCertificates{kCertificateColumns, "auth_certificates", "serial",
                                                             certificate_at};

auth::SessionRecord session_at(Connection&, const Statement& st) {
  return auth::SessionRecord{st.text(0), st.text(1), moment(st.text(2)), moment(st.text(3)), st.text(4)};
}
constexpr RecordTable<auth::SessionRecord> kSessions{"digest, user_id, created_at, last_seen, source", "auth_sessions",
                                                     "digest", session_at};

auth::ResetRecord reset_at(Connection&, const Statement& st) {
  auto purpose = st.text(2) == "password" ? auth::ResetPurpose::Password : auth::ResetPurpose::SecurityCode;
  return auth::ResetRecord{st.text(0),         st.text(1),         purpose,
                           moment(st.text(3)), moment(st.text(4)), !st.text(5).empty()};
}
constexpr RecordTable<auth::ResetRecord> kResets{"digest, user_id, purpose, created_at, expires_at, used_at",
                                                 "auth_resets", "digest", reset_at};

}  // namespace

// --- accounts -------------------------------------------------------------------------------

std::optional<auth::Account> AuthStore::account(std::string_view user_id) {
  return kAccounts.one(db_.connection(), user_id);
}

std::vector<auth::Account> AuthStore::accounts() { return kAccounts.all(db_.connection(), "id"); }

std::vector<std::string> AuthStore::user_ids_with_email(std::string_view email) {
  return db_.connection()
      .prepare("SELECT id FROM auth_users WHERE email = ? AND email <> '' ORDER BY id")
      .bind(1, email)
      .rows(first_text_column);
}

bool AuthStore::add_account(const auth::Account& a, const auth::AuditEvent& e) {
  auto& c = db_.connection();
  return audited_change(c, &e, [&] {
    {
      auto exists = c.prepare("SELECT 1 FROM auth_users WHERE id = ?");
      exists.bind(1, a.user.id);
      if (exists.step()) return false;
    }
    auto st = c.prepare(fmt::format(
        "INSERT INTO auth_users({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", kAccountColumns));
    st.bind(1, a.user.id);
    bind_account(st, a);
    st.run();
    write_offices(c, a.user);
    return true;
  });
}

namespace {

bool update_in(Connection& c, const auth::Account& a, bool end_sessions) {
  auto st = c.prepare(
      "UPDATE auth_users SET role = ?2, job = ?3, medical_code = ?4, insurer_no = ?5, insured_no = ?6, name = ?7, "
      "email = ?8, password_hash = ?9, security_code_hash = ?10, failed_logins = ?11, locked_until = ?12, "
      "disabled = ?13, created_at = ?14, password_changed_at = ?15, version = version + 1 WHERE id = ?1 AND "
      "version = ?16");
  st.bind(1, a.user.id);
  bind_account(st, a);
  st.bind(16, a.version);
  st.run();
  if (c.changes() != 1) return false;
  write_offices(c, a.user);
  if (end_sessions) c.prepare("DELETE FROM auth_sessions WHERE user_id = ?").bind(1, a.user.id).run();
  return true;
}

}  // namespace

bool AuthStore::update_account(const auth::Account& a, const auth::AuditEvent* e, bool end_sessions) {
  auto& c = db_.connection();
  return audited_change(c, e, [&] { return update_in(c, a, end_sessions); });
}

void AuthStore::add_session(const auth::SessionRecord& s, const auth::AuditEvent& e) {
  auto& c = db_.connection();
  audited_change(c, &e, [&] {
    c.prepare("INSERT INTO auth_sessions(digest, user_id, created_at, last_seen, source) VALUES (?, ?, ?, ?, ?)")
        .bind_all(s.digest, s.user_id, s.created_at.str(), s.last_seen.str(), s.source)
        .run();
    return true;
  });
}

std::optional<auth::SessionRecord> AuthStore::session(std::string_view digest) {
  return kSessions.one(db_.connection(), digest);
}

void AuthStore::touch_session(std::string_view digest, const LocalDateTime& at) {
  db_.connection()
      .prepare("UPDATE auth_sessions SET last_seen = ?2 WHERE digest = ?1 AND last_seen < ?2")
      .bind_all(digest, at.str())
      .run();
}

bool AuthStore::end_session(std::string_view digest, const auth::AuditEvent* e) {
  auto& c = db_.connection();
  return audited_change(c, e, [&] {
    c.prepare("DELETE FROM auth_sessions WHERE digest = ?").bind(1, digest).run();
    return c.changes() == 1;
  });
}

std::int64_t AuthStore::end_expired_sessions(const LocalDateTime& idle_before, const LocalDateTime& created_before) {
  auto& c = db_.connection();
  c.prepare("DELETE FROM auth_sessions WHERE last_seen <= ? OR created_at <= ?")
      .bind_all(idle_before.str(), created_before.str())
      .run();
  return c.changes();
}

void AuthStore::add_reset(const auth::ResetRecord& r, const auth::AuditEvent& e) {
  auto& c = db_.connection();
  audited_change(c, &e, [&] {
    c.prepare("DELETE FROM auth_resets WHERE user_id = ? AND purpose = ? AND used_at = ''")
        .bind_all(r.user_id, auth::reset_purpose_name(r.purpose))
        .run();
    c.prepare("INSERT INTO auth_resets(digest, user_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
        .bind_all(r.digest, r.user_id, auth::reset_purpose_name(r.purpose), r.created_at.str(), r.expires_at.str())
        .run();
    return true;
  });
}

std::optional<auth::ResetRecord> AuthStore::reset(std::string_view digest) {
  return kResets.one(db_.connection(), digest);
}

bool AuthStore::use_reset(std::string_view digest, const auth::Account& a, const auth::AuditEvent& e) {
  auto& c = db_.connection();
  return audited_change(c, &e, [&] {
    c.prepare("UPDATE auth_resets SET used_at = ? WHERE digest = ? AND used_at = ''")
        .bind_all(e.at.str(), digest)
        .run();
    return c.changes() == 1 && update_in(c, a, true);
  });
}

// --- certificates ---------------------------------------------------------------------------

std::optional<auth::CaRecord> AuthStore::ca() {
  auto st = db_.connection().prepare(
      "SELECT certificate, key_file, server_certificate, created_at FROM auth_ca WHERE id = 1");
  if (!st.step()) return std::nullopt;
  return auth::CaRecord{st.text(0), st.text(1), st.text(2), moment(st.text(3))};
}

bool AuthStore::add_ca(const auth::CaRecord& ca, const auth::AuditEvent& e) {
  auto& c = db_.connection();
  return audited_change(c, &e, [&] {
    if (auto st = c.prepare("SELECT 1 FROM auth_ca WHERE id = 1"); st.step()) return false;
    c.prepare("INSERT INTO auth_ca(id, certificate, key_file, server_certificate, created_at) VALUES (1, ?, ?, ?, ?)")
        .bind_all(ca.certificate_pem, ca.key_file, ca.server_certificate_pem, ca.created_at.str())
        .run();
    return true;
  });
}

void AuthStore::add_certificate(const auth::CertificateRecord& r, const settlement::DueFee& fee,
                                std::string_view fee_source, const auth::AuditEvent& e) {
  auto& c = db_.connection();
  audited_change(c, &e, [&] {
    c.prepare(
         "INSERT INTO auth_certificates(serial, seq, office_no, certificate, applied_on, not_before, not_after) VALUES "
         "(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM auth_certificates), ?, ?, ?, ?, ?)")
        .bind_all(r.serial, r.office_no, r.certificate_pem, r.applied_on.str(), r.not_before.str(), r.not_after.str())
        .run();
    auto office = c.prepare("INSERT INTO auth_certificate_offices(serial, office_no) VALUES (?, ?)");
    for (const auto& o : r.offices) office.bind(1, r.serial).bind(2, o).run();
    insert_due_fee(c, fee, fee_source, e.at);
    return true;
  });
}

std::optional<auth::CertificateRecord> AuthStore::certificate(std::string_view serial) {
  return kCertificates.one(db_.connection(), serial);
}

std::vector<auth::CertificateRecord> AuthStore::certificates() { return kCertificates.all(db_.connection(), "seq"); }

bool AuthStore::revoke(std::string_view serial, const LocalDateTime& at, std::string_view reason,
                       const auth::AuditEvent& e) {
  auto& c = db_.connection();
  return audited_change(c, &e, [&] {
    c.prepare("UPDATE auth_certificates SET revoked_at = ?, revoke_reason = ? WHERE serial = ? AND revoked_at = ''")
        .bind_all(at.str(), reason, serial)
        .run();
    return c.changes() == 1;
  });
}

// --- audit ----------------------------------------------------------------------------------

auth::AuditRow AuthStore::append(const auth::AuditEvent& e) {
  auto& c = db_.connection();
  Transaction tx(c);
  auto row = append_row(c, e);
  tx.commit();
  return row;
}

void AuthStore::scan(const auth::AuditFilter& f, const std::function<bool(const auth::AuditRow&)>& each) {
  std::string sql = fmt::format("SELECT {} FROM audit_log WHERE 1", kAuditColumns);
  int n = 0;
  std::vector<std::pair<int, std::string>> binds;
  auto where = [&](std::string_view clause, std::string value) {
    sql += fmt::format(" AND {} ?{}", clause, ++n);
    binds.emplace_back(n, std::move(value));
  };
  if (!f.insurer_no.empty()) where("insurer_no =", f.insurer_no);
  if (!f.insured_no.empty()) where("insured_no =", f.insured_no);
  if (!f.actor.empty()) where("actor =", f.actor);
  if (!f.action.empty()) where("action =", f.action);
  if (f.from) where("at >=", f.from->str());
  if (f.to) where("at <=", f.to->str());
  sql += " ORDER BY seq";
  auto st = db_.connection().prepare(sql);
  for (const auto& [i, v] : binds) st.bind(i, v);
  while (st.step()) {
    if (!each(audit_row_at(st))) break;
  }
}

auth::AuditRow audit_row_at(const Statement& st) {
  auth::AuditRow r;
  r.seq = st.integer(0);
  r.at = exact_moment(st.text(1));
  r.actor = st.text(2);
  r.source = st.text(3);
  r.action = st.text(4);
  r.target = st.text(5);
  r.detail = st.text(6);
  r.insurer_no = st.text(7);
  r.insured_no = st.text(8);
  r.prev_hash = st.text(9);
  r.hash = st.text(10);
  return r;
}

auth::AuditHead AuthStore::head() { return stored_audit_head(db_.connection()); }

}  // namespace kaigo::store
