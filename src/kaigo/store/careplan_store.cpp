#include "kaigo/store/careplan_store.hpp"

#include <fmt/format.h>

#include "kaigo/careplan/licence.hpp"
#include "kaigo/settlement/fees.hpp"
#include "kaigo/store/fees_due.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {
namespace {

using careplan::Parcel;
using careplan::ParcelFile;

std::optional<LocalDateTime> time_of(const Statement& st, int col) {
  if (st.is_null(col)) return std::nullopt;
  return LocalDateTime::parse(st.text(col));
}

std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

constexpr std::string_view kFileColumns =
    "f.id, f.seq, f.name, f.kind, f.month, f.sender_office, f.sender_type, f.receiver_office, f.receiver_type, "
    "f.sha256, f.size, f.purged_at, (SELECT COUNT(*) FROM careplan_file_persons x WHERE x.file_id = f.id), "
    "(SELECT COUNT(*) FROM careplan_file_persons x WHERE x.file_id = f.id AND x.withdrawn_by IS NOT NULL)";

ParcelFile file_of(const Statement& st, int c = 0) {
  ParcelFile f;
  f.id = st.integer(c);
  f.seq = static_cast<int>(st.integer(c + 1));
  f.name = st.text(c + 2);
  f.kind = st.text(c + 3);
  f.month = st.text(c + 4);
  f.sender = {st.text(c + 5), st.text(c + 6)};
  f.receiver = {st.text(c + 7), st.text(c + 8)};
  f.sha256 = st.text(c + 9);
  f.size = st.integer(c + 10);
  f.purged_at = time_of(st, c + 11);
  f.persons = static_cast<int>(st.integer(c + 12));
  f.withdrawn_persons = static_cast<int>(st.integer(c + 13));
  return f;
}

}  // namespace

// ---- licences -------------------------------------------------------------------------------------

std::vector<careplan::Licence> CarePlanStore::licences_of(std::string_view office_no) {
  auto st = db_.connection().prepare(
      "SELECT id, office_no, applied_on, valid_from, valid_to, terms, free, fee_month, recorded_at, recorded_by "
      "FROM careplan_licences WHERE office_no = ? ORDER BY valid_from, id");
  st.bind(1, office_no);
  std::vector<careplan::Licence> out;
  while (st.step()) {
    careplan::Licence l;
    l.id = st.integer(0);
    l.office_no = st.text(1);
    l.applied_on = day(st.text(2));
    l.valid_from = day(st.text(3));
    l.valid_to = day(st.text(4));
    l.terms = st.text(5);
    l.free = st.integer(6) != 0;
    l.fee_month = YearMonth::parse(st.text(7));
    l.recorded_at = moment(st.text(8));
    l.recorded_by = st.text(9);
    out.push_back(std::move(l));
  }
  return out;
}

std::int64_t CarePlanStore::add_licence(const careplan::Licence& l) {
  auto& c = db_.connection();
  Transaction tx(c);
  c.prepare(
       "INSERT INTO careplan_licences(office_no, applied_on, valid_from, valid_to, terms, free, fee_month, recorded_at, "
       "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(l.office_no, l.applied_on.str(), l.valid_from.str(), l.valid_to.str(), l.terms, l.free ? 1 : 0,
                l.fee_month ? l.fee_month->str() : std::string(), l.recorded_at.str(), l.recorded_by)
      .run();
  const auto id = c.last_insert_id();
  if (l.fee_month) {
    settlement::DueFee fee;
    fee.month = *l.fee_month;
    fee.charge.office_no = l.office_no;
    fee.charge.kind = FeeKind::CarePlanLicense;
    fee.charge.applied_on = l.applied_on;
    insert_due_fee(c, fee, fmt::format("careplan_licence:{}", id), l.recorded_at);
  }
  tx.commit();
  return id;
}

// ---- sets -----------------------------------------------------------------------------------------

void CarePlanStore::atomically(const std::function<void()>& step) {
  Transaction tx(db_.connection());
  step();
  tx.commit();
}

std::int64_t CarePlanStore::add_parcel(const Parcel& p) {
  auto& c = db_.connection();
  c.prepare(
       "INSERT INTO careplan_parcels(state, sender_office, sender_user, message, created_at) "
       "VALUES ('draft', ?, ?, ?, ?)")
      .bind_all(p.sender_office, p.sender_user, p.message, p.created_at.str())
      .run();
  return c.last_insert_id();
}

std::int64_t CarePlanStore::add_file(std::int64_t parcel_id, const ParcelFile& f, std::string_view sealed,
                                     std::span<const careplan::FilePerson> persons) {
  auto& c = db_.connection();
  c.prepare(
       "INSERT INTO careplan_files(parcel_id, seq, name, kind, month, sender_office, sender_type, receiver_office, "
       "receiver_type, sha256, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(parcel_id, f.seq, f.name, f.kind, f.month, f.sender.office_no, f.sender.service_type,
                f.receiver.office_no, f.receiver.service_type, f.sha256, f.size)
      .run();
  const auto id = c.last_insert_id();
  c.prepare("INSERT INTO careplan_file_bytes(file_id, sealed) VALUES (?, ?)").bind(1, id).bind_blob(2, sealed).run();
  auto st = c.prepare("INSERT OR IGNORE INTO careplan_file_persons(file_id, insurer_no, insured_no, key) VALUES (?, ?, ?, ?)");
  for (const auto& p : persons) {
    st.bind(1, id).bind(2, p.insurer_no).bind(3, p.insured_no).bind(4, p.key);
    st.run();
    st.reset();
  }
  return id;
}

void CarePlanStore::set_message(std::int64_t parcel_id, std::string_view message) {
  db_.connection().prepare("UPDATE careplan_parcels SET message = ? WHERE id = ?").bind(1, message).bind(2, parcel_id).run();
}

void CarePlanStore::mark_sent(std::int64_t parcel_id, const LocalDateTime& at, std::span<const std::string> receivers) {
  auto& c = db_.connection();
  c.prepare("UPDATE careplan_parcels SET state = 'sent', sent_at = ? WHERE id = ?").bind(1, at.str()).bind(2, parcel_id).run();
  auto st = c.prepare("INSERT OR IGNORE INTO careplan_receipts(parcel_id, office_no) VALUES (?, ?)");
  for (const auto& r : receivers) {
    st.bind(1, parcel_id).bind(2, r);
    st.run();
    st.reset();
  }
}

std::optional<Parcel> CarePlanStore::parcel(std::int64_t id) {
  auto& c = db_.connection();
  auto st = c.prepare("SELECT state, sender_office, sender_user, message, created_at, sent_at FROM careplan_parcels WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Parcel p;
  p.id = id;
  p.state = st.text(0) == "sent" ? careplan::ParcelState::Sent : careplan::ParcelState::Draft;
  p.sender_office = st.text(1);
  p.sender_user = st.text(2);
  p.message = st.text(3);
  p.created_at = moment(st.text(4));
  p.sent_at = time_of(st, 5);
  auto files = c.prepare(fmt::format("SELECT {} FROM careplan_files f WHERE f.parcel_id = ? ORDER BY f.seq", kFileColumns));
  files.bind(1, id);
  while (files.step()) {
    auto f = file_of(files);
    if (f.attachment()) f.sender = {p.sender_office, ""};
    p.files.push_back(std::move(f));
  }
  auto receipts =
      c.prepare("SELECT office_no, received_at, received_by FROM careplan_receipts WHERE parcel_id = ? ORDER BY office_no");
  receipts.bind(1, id);
  while (receipts.step()) p.receipts.push_back({receipts.text(0), time_of(receipts, 1), receipts.text(2)});
  return p;
}

std::vector<Parcel> CarePlanStore::parcels(std::string_view sql, std::span<const std::string> offices) {
  std::vector<Parcel> out;
  if (offices.empty()) return out;
  auto st = db_.connection().prepare(fmt::format(fmt::runtime(sql), placeholders(offices.size())));
  for (std::size_t i = 0; i < offices.size(); ++i) st.bind(static_cast<int>(i + 1), offices[i]);
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.integer(0));
  for (auto id : ids) {
    if (auto p = parcel(id)) out.push_back(std::move(*p));
  }
  return out;
}

std::vector<Parcel> CarePlanStore::parcels_from(std::span<const std::string> offices) {
  return parcels("SELECT id FROM careplan_parcels WHERE sender_office IN ({}) ORDER BY id DESC", offices);
}

std::vector<Parcel> CarePlanStore::parcels_to(std::span<const std::string> offices) {
  return parcels("SELECT DISTINCT parcel_id FROM careplan_receipts WHERE office_no IN ({}) ORDER BY parcel_id DESC", offices);
}

std::optional<std::string> CarePlanStore::sealed(std::int64_t file_id) {
  auto st = db_.connection().prepare("SELECT sealed FROM careplan_file_bytes WHERE file_id = ?");
  st.bind(1, file_id);
  if (!st.step()) return std::nullopt;
  return st.blob(0);
}

void CarePlanStore::mark_received(std::int64_t parcel_id, std::string_view office, const LocalDateTime& at,
                                  std::string_view by) {
  db_.connection()
      .prepare(
          "UPDATE careplan_receipts SET received_at = ?, received_by = ? WHERE parcel_id = ? AND office_no = ? AND "
          "received_at IS NULL")
      .bind_all(at.str(), by, parcel_id, office)
      .run();
}

int CarePlanStore::withdraw(const careplan::WithdrawRequest& w) {
  auto& c = db_.connection();
  int changed = 0;
  for (const auto& kind : w.kinds) {
    auto st = c.prepare(
        "UPDATE careplan_file_persons SET withdrawn_by = ?1, withdrawn_at = ?2 WHERE withdrawn_by IS NULL AND "
        "insurer_no = ?3 AND insured_no = ?4 AND key = ?5 AND file_id IN (SELECT f.id FROM careplan_files f JOIN "
        "careplan_parcels p ON p.id = f.parcel_id WHERE p.state = 'sent' AND f.kind = ?6 AND f.sender_office = ?7 AND "
        "f.receiver_office = ?8 AND f.parcel_id < (SELECT parcel_id FROM careplan_files WHERE id = ?1))");
    for (const auto& p : w.persons) {
      st.bind(1, w.by_file).bind(2, w.at.str()).bind(3, p.insurer_no).bind(4, p.insured_no).bind(5, p.key);
      st.bind(6, kind).bind(7, w.sender_office).bind(8, w.receiver_office);
      st.run();
      changed += static_cast<int>(c.changes());
      st.reset();
    }
  }
  return changed;
}

std::vector<std::int64_t> CarePlanStore::purge_before(const LocalDateTime& cutoff, const LocalDateTime& at) {
  auto& c = db_.connection();
  Transaction tx(c);
  auto st = c.prepare(
      "SELECT f.id FROM careplan_files f JOIN careplan_parcels p ON p.id = f.parcel_id WHERE f.purged_at IS NULL AND "
      "COALESCE(p.sent_at, p.created_at) < ? ORDER BY f.id");
  st.bind(1, cutoff.str());
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.integer(0));
  auto gone = c.prepare("DELETE FROM careplan_file_bytes WHERE file_id = ?");
  auto mark = c.prepare("UPDATE careplan_files SET purged_at = ? WHERE id = ?");
  for (auto id : ids) {
    gone.bind(1, id);
    gone.run();
    gone.reset();
    mark.bind(1, at.str()).bind(2, id);
    mark.run();
    mark.reset();
  }
  tx.commit();
  return ids;
}

void CarePlanStore::for_each_kept_file(std::string_view kind, YearMonth month,
                                       const std::function<void(careplan::KeptFile&&)>& fn) {
  auto& c = db_.connection();
  auto st = c.prepare(fmt::format(
      "SELECT {}, p.id, p.sent_at, b.sealed FROM careplan_files f JOIN careplan_parcels p ON p.id = f.parcel_id JOIN "
      "careplan_file_bytes b ON b.file_id = f.id WHERE p.state = 'sent' AND f.kind = ? AND f.month = ? AND "
      "f.purged_at IS NULL ORDER BY p.sent_at, p.id, f.seq",
      kFileColumns));
  st.bind(1, kind).bind(2, month.str());
  auto gone = c.prepare(
      "SELECT insurer_no, insured_no, key FROM careplan_file_persons WHERE file_id = ? AND withdrawn_by IS NOT NULL");
  while (st.step()) {
    careplan::KeptFile k;
    k.file = file_of(st);
    k.parcel_id = st.integer(14);
    k.sent_at = moment(st.text(15));
    k.sealed = st.blob(16);
    gone.bind(1, k.file.id);
    while (gone.step()) k.withdrawn.push_back({gone.text(0), gone.text(1), gone.text(2)});
    gone.reset();
    fn(std::move(k));
  }
}

// ---- the office page ------------------------------------------------------------------------------

std::vector<portal::CarePlanLicence> CarePlanLicencePage::licences_of(std::string_view office_no) {
  std::vector<portal::CarePlanLicence> out;
  for (const auto& l : store_.licences_of(office_no)) {
    portal::CarePlanLicence p;
    p.office_no = l.office_no;
    p.applied_on = l.applied_on;
    p.valid_from = l.valid_from;
    p.valid_to = l.valid_to;
    if (!l.free) p.fee = settings_.settlement.fee(FeeKind::CarePlanLicense, l.applied_on);
    for (const auto& t : careplan::licence_terms()) {
      if (t.name == l.terms) p.note = t.title;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace kaigo::store
