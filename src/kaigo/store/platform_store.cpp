#include "kaigo/store/platform_store.hpp"

#include <fmt/format.h>

#include "kaigo/auth/secrets.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/reception/lifecycle.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {
namespace {

using master::PersonId;


// The 交換情報識別番号 of every 明細書 (様式第二〜第十, 第七): the documents that show service.
const std::string& statement_codes_sql() {
  static const std::string list = [] {
    std::string out;
    for (const auto& f : exchange::Registry::instance().forms()) {
      if (f.family != exchange::Family::Statement && f.family != exchange::Family::CarePlan) continue;
      out += fmt::format("{}'{}'", out.empty() ? "" : ",", f.code);
    }
    return out;
  }();
  return list;
}

}  // namespace

PlatformStore::PlatformStore(Database& db) : db_(db) {}
PlatformStore::~PlatformStore() = default;

Statement& PlatformStore::cached(std::unique_ptr<Statement>& slot, std::string_view sql) {
  if (!slot) slot = std::make_unique<Statement>(db_.connection().prepare(sql));
  slot->reset();  // also after a step that threw
  return *slot;
}

void PlatformStore::atomically(const std::function<void()>& step) {
  Transaction tx(db_.connection());
  step();
  tx.commit();
}

std::optional<platform::LatestVersion> PlatformStore::latest(const PersonId& p, std::string_view kind,
                                                             std::string_view record_id) {
  auto& st = cached(latest_,
                    "SELECT id, version, update_kind, effective_on, data FROM platform_records "
                    "WHERE insurer_no = ? AND insured_no = ? AND kind = ? AND record_id = ? ORDER BY version DESC LIMIT 1");
  st.bind(1, p.insurer_no).bind(2, p.insured_no).bind(3, kind).bind(4, record_id);
  std::optional<platform::LatestVersion> out;
  if (st.step()) {
    out = platform::LatestVersion{st.integer(0), static_cast<int>(st.integer(1)),
                                  static_cast<platform::UpdateKind>(st.integer(2)), day(st.text(3)), st.text(4)};
  }
  st.reset();  // a statement left stepping would hold its read open
  return out;
}

std::int64_t PlatformStore::add_version(const platform::Record& r) {
  auto& c = db_.connection();
  auto& st = cached(insert_,
                    "INSERT INTO platform_records(insurer_no, insured_no, kind, record_id, version, update_kind, effective_on, "
                    "data, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, r.person.insurer_no).bind(2, r.person.insured_no).bind(3, r.kind).bind(4, r.record_id);
  st.bind(5, r.version).bind(6, static_cast<int>(r.update)).bind(7, r.effective_on.str()).bind(8, r.data);
  st.bind(9, r.source).bind(10, r.recorded_at.str());
  st.run();
  return c.last_insert_id();
}

std::vector<platform::Record> PlatformStore::records(const PersonId& p) {
  auto st = db_.connection().prepare(
      "SELECT id, kind, record_id, version, update_kind, effective_on, data, source, recorded_at FROM platform_records "
      "WHERE insurer_no = ? AND insured_no = ? ORDER BY id");
  st.bind(1, p.insurer_no).bind(2, p.insured_no);
  std::vector<platform::Record> out;
  while (st.step()) {
    platform::Record r;
    r.id = st.integer(0);
    r.person = p;
    r.kind = st.text(1);
    r.record_id = st.text(2);
    r.version = static_cast<int>(st.integer(3));
    r.update = static_cast<platform::UpdateKind>(st.integer(4));
    r.effective_on = day(st.text(5));
    r.data = st.text(6);
    r.source = st.text(7);
    r.recorded_at = moment(st.text(8));
    out.push_back(std::move(r));
  }
  return out;
}

std::string PlatformStore::key_salt() {
  if (!salt_.empty()) return salt_;
  auto& c = db_.connection();
  Transaction tx(c);
  {
    auto st = c.prepare("SELECT pmh_salt FROM platform_meta WHERE id = 1");
    if (st.step()) salt_ = st.text(0);
  }
  if (salt_.empty()) {
    salt_ = auth::random_token();  // 256 random bits
    c.prepare("INSERT INTO platform_meta(id, pmh_salt) VALUES (1, ?)").bind(1, salt_).run();
  }
  tx.commit();
  return salt_;
}

std::string PlatformStore::next_record_id(std::string_view prefix) {
  key_salt();  // the meta row exists
  auto& c = db_.connection();
  Transaction tx(c);
  std::int64_t n = 0;
  {
    auto st = c.prepare("SELECT next_record FROM platform_meta WHERE id = 1");
    if (st.step()) n = st.integer(0);
  }
  c.prepare("UPDATE platform_meta SET next_record = next_record + 1 WHERE id = 1").run();
  tx.commit();
  return fmt::format("{}{:08d}", prefix, n);
}

std::optional<platform::PersonLink> PlatformStore::link(const PersonId& p) {
  auto st = db_.connection().prepare("SELECT pmh_key, pmh_error FROM platform_people WHERE insurer_no = ? AND insured_no = ?");
  st.bind(1, p.insurer_no).bind(2, p.insured_no);
  if (!st.step()) return std::nullopt;
  return platform::PersonLink{st.text(0), st.text(1)};
}

void PlatformStore::set_link(const PersonId& p, const platform::PersonLink& l, const LocalDateTime& at) {
  auto st = db_.connection().prepare(
      "INSERT INTO platform_people(insurer_no, insured_no, pmh_key, pmh_error, updated_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(insurer_no, insured_no) DO UPDATE SET pmh_key = excluded.pmh_key, pmh_error = excluded.pmh_error, "
      "updated_at = excluded.updated_at");
  st.bind(1, p.insurer_no).bind(2, p.insured_no).bind(3, l.pmh_key).bind(4, l.pmh_error).bind(5, at.str());
  st.run();
}

std::vector<PersonId> PlatformStore::linked_with(std::string_view pmh_key) {
  std::vector<PersonId> out;
  if (pmh_key.empty()) return out;
  auto st = db_.connection().prepare(
      // "pmh_key <> ''" lets SQLite use the partial index (a bound value alone could be '').
      "SELECT insurer_no, insured_no FROM platform_people WHERE pmh_key = ? AND pmh_key <> '' ORDER BY insurer_no, insured_no");
  st.bind(1, pmh_key);
  while (st.step()) out.push_back({st.text(0), st.text(1)});
  return out;
}

std::int64_t PlatformStore::add_linkage_file(const platform::LinkageFileRecord& f) {
  auto& c = db_.connection();
  auto st = c.prepare(
      "INSERT INTO platform_files(file_name, sha256, received_at, sender, insurer_no, answer) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, f.file_name).bind(2, f.sha256).bind(3, f.received_at.str()).bind(4, f.by).bind(5, f.insurer_no).bind(6, f.answer);
  st.run();
  return c.last_insert_id();
}

void PlatformStore::set_linkage_answer(std::int64_t id, std::string_view answer) {
  db_.connection().prepare("UPDATE platform_files SET answer = ? WHERE id = ?").bind(1, answer).bind(2, id).run();
}

std::optional<platform::LinkageFileRecord> PlatformStore::linkage_file(std::int64_t id) {
  auto st = db_.connection().prepare(
      "SELECT file_name, sha256, received_at, sender, insurer_no, answer FROM platform_files WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return platform::LinkageFileRecord{id, st.text(0), st.text(1), moment(st.text(2)), st.text(3), st.text(4), st.text(5)};
}

std::optional<Date> PlatformStore::golive(std::string_view insurer_no) {
  auto st = db_.connection().prepare("SELECT golive_on FROM platform_golive WHERE insurer_no = ? ORDER BY id DESC LIMIT 1");
  st.bind(1, insurer_no);
  if (!st.step()) return std::nullopt;
  return Date::parse(st.text(0));
}

void PlatformStore::set_golive(std::span<const platform::GoLive> dates, std::string_view file_name, const LocalDateTime& at) {
  auto& c = db_.connection();
  Transaction tx(c);
  auto st = c.prepare("INSERT INTO platform_golive(insurer_no, golive_on, file_name, loaded_at) VALUES (?, ?, ?, ?)");
  for (const auto& g : dates) {
    st.bind(1, g.insurer_no).bind(2, g.golive_on.str()).bind(3, file_name).bind(4, at.str());
    st.run();
  }
  tx.commit();
}

std::vector<platform::GoLive> PlatformStore::golives() {
  auto st = db_.connection().prepare(
      "SELECT g.insurer_no, g.golive_on FROM platform_golive g WHERE g.id = "
      "(SELECT MAX(id) FROM platform_golive h WHERE h.insurer_no = g.insurer_no) ORDER BY g.insurer_no");
  std::vector<platform::GoLive> out;
  while (st.step()) out.push_back({st.text(0), day(st.text(1))});
  return out;
}

void PlatformStore::add_identification(const platform::Identification& i) {
  auto st = db_.connection().prepare(
      "INSERT INTO platform_identifications(office_no, insurer_no, insured_no, at, method, by_user) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, i.office_no).bind(2, i.person.insurer_no).bind(3, i.person.insured_no).bind(4, i.at.str());
  st.bind(5, i.method).bind(6, i.by);
  st.run();
}

std::optional<platform::Identification> PlatformStore::identification(std::string_view office_no, const PersonId& p,
                                                                      const LocalDateTime& at) {
  auto st = db_.connection().prepare(
      "SELECT at, method, by_user FROM platform_identifications WHERE office_no = ? AND insurer_no = ? AND insured_no = ? "
      "AND at <= ? ORDER BY at DESC LIMIT 1");
  st.bind(1, office_no).bind(2, p.insurer_no).bind(3, p.insured_no).bind(4, at.str());
  if (!st.step()) return std::nullopt;
  return platform::Identification{std::string(office_no), p, moment(st.text(0)), st.text(1), st.text(2)};
}

std::optional<YearMonth> PlatformStore::latest_claim_month(std::string_view office_no, const PersonId& p,
                                                           const LocalDateTime& at) {
  // 明細書 of files accepted (受付完了, 様式エラー有 — its clean documents — or 送信完了), without an
  // error of their own, received by `at`, for services up to `at`'s month. The 証記載保険者番号 may
  // be written with two leading zeros (8 digits). Found through the office's files (a document
  // without an error is of its file's office: KP31): the documents have no index by person.
  auto st = db_.connection().prepare(fmt::format(
      "SELECT MAX(d.service_month) FROM submissions s CROSS JOIN submission_documents d ON d.submission_id = s.id "
      "WHERE s.office_no = ?2 AND d.insured_no = ?1 AND d.office_no = ?2 AND (d.insurer_no = ?3 OR d.insurer_no = "
      "'00' || ?3) AND d.has_errors = 0 AND d.code IN ({}) AND s.state IN (?4, ?5, ?6) AND s.received_at <= ?7 "
      "AND d.service_month <= ?8",
      statement_codes_sql()));
  st.bind(1, p.insured_no).bind(2, office_no).bind(3, p.insurer_no);
  st.bind(4, enum_code(reception::FileState::Accepted));
  st.bind(5, enum_code(reception::FileState::FormatErrors));
  st.bind(6, enum_code(reception::FileState::Sent));
  st.bind(7, at.str()).bind(8, at.date.year_month().str());
  if (!st.step() || st.is_null(0)) return std::nullopt;
  return YearMonth::parse(st.text(0));
}

std::int64_t PlatformStore::add_invoice(const platform::Invoice& i) {
  auto& c = db_.connection();
  auto st = c.prepare(
      "INSERT INTO platform_invoices(insurer_no, insured_no, opinion_record, institution_code, doctor_name, requested_on, "
      "registered_on, opinion_fee, first_visit_points, by_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, i.person.insurer_no).bind(2, i.person.insured_no).bind(3, i.opinion_record).bind(4, i.institution_code);
  st.bind(5, i.doctor_name).bind(6, i.requested_on.str()).bind(7, i.registered_on.str()).bind(8, i.opinion_fee.value);
  st.bind(9, i.first_visit_points).bind(10, i.by);
  st.run();
  return c.last_insert_id();
}

std::vector<platform::Invoice> PlatformStore::invoices(std::string_view insurer_no, Date from, Date to) {
  auto st = db_.connection().prepare(
      "SELECT id, insured_no, opinion_record, institution_code, doctor_name, requested_on, registered_on, opinion_fee, "
      "first_visit_points, by_user FROM platform_invoices WHERE insurer_no = ? AND registered_on BETWEEN ? AND ? ORDER BY id");
  st.bind(1, insurer_no).bind(2, from.str()).bind(3, to.str());
  std::vector<platform::Invoice> out;
  while (st.step()) {
    platform::Invoice i;
    i.id = st.integer(0);
    i.person = {std::string(insurer_no), st.text(1)};
    i.opinion_record = st.text(2);
    i.institution_code = st.text(3);
    i.doctor_name = st.text(4);
    i.requested_on = day(st.text(5));
    i.registered_on = day(st.text(6));
    i.opinion_fee = Yen{st.integer(7)};
    i.first_visit_points = st.integer(8);
    i.by = st.text(9);
    out.push_back(std::move(i));
  }
  return out;
}

std::int64_t PlatformStore::add_packet(const platform::Packet& p) {
  auto& c = db_.connection();
  Transaction tx(c);
  auto st = c.prepare(
      "INSERT INTO platform_packets(insurer_no, insured_no, applied_on, created_by, created_at, sha256, pages, pdf) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, p.person.insurer_no).bind(2, p.person.insured_no).bind(3, p.applied_on.str()).bind(4, p.created_by);
  st.bind(5, p.created_at.str()).bind(6, p.sha256).bind(7, p.pages).bind_blob(8, p.pdf);
  st.run();
  const auto id = c.last_insert_id();
  auto m = c.prepare("INSERT OR IGNORE INTO platform_packet_members(packet_id, user_id) VALUES (?, ?)");
  for (const auto& u : p.members) m.bind(1, id).bind(2, u).run();
  tx.commit();
  return id;
}

std::optional<platform::Packet> PlatformStore::packet(std::int64_t id) {
  auto& c = db_.connection();
  auto st = c.prepare(
      "SELECT insurer_no, insured_no, applied_on, created_by, created_at, sha256, pages, pdf FROM platform_packets WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  platform::Packet p;
  p.id = id;
  p.person = {st.text(0), st.text(1)};
  p.applied_on = day(st.text(2));
  p.created_by = st.text(3);
  p.created_at = moment(st.text(4));
  p.sha256 = st.text(5);
  p.pages = st.integer(6);
  p.pdf = st.blob(7);
  auto m = c.prepare("SELECT user_id FROM platform_packet_members WHERE packet_id = ? ORDER BY user_id");
  m.bind(1, id);
  while (m.step()) p.members.push_back(m.text(0));
  return p;
}

std::int64_t PlatformStore::record_count() {
  auto st = db_.connection().prepare("SELECT COUNT(*) FROM platform_records");
  return st.step() ? st.integer(0) : 0;
}

}  // namespace kaigo::store
