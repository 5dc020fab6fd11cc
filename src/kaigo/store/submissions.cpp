// store/submissions — the reception::Repository half of Database: received files, their states,
// pre-check errors and documents.
#include <fmt/format.h>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/claim_sql.hpp"
#include "kaigo/store/detail/file_packing.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"
#include "kaigo/store/detail/submission_rows.hpp"

namespace kaigo::store {
namespace {

using reception::FileState;

std::string_view level_code(precheck::Level l) { return precheck::kLevelNames.code(l); }

void insert_errors(Connection& c, std::int64_t id, std::span<const precheck::ErrorRow> errors) {
  auto st = c.prepare(
      "INSERT INTO submission_errors(submission_id, seq, level, code, form_kind, service_month, service_type, "
      "insurer_no, insured_no, item_name, value, message_ja, message_en, line, record_no, item_no, document_key) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  // The texts are the rows' own, alive until run() has stepped and reset the statement: not copied.
  int seq = 0;
  for (const auto& e : errors) {
    st.bind(1, id).bind(2, ++seq).bind_static(3, level_code(e.level)).bind_static(4, e.code).bind_static(5, e.form_kind);
    st.bind_static(6, e.service_month).bind_static(7, e.service_type).bind_static(8, e.insurer_no);
    st.bind_static(9, e.insured_no).bind_static(10, e.item_name).bind_static(11, e.value);
    st.bind_static(12, e.message_ja).bind_static(13, e.message_en);
    st.bind(14, static_cast<std::int64_t>(e.line)).bind(15, static_cast<std::int64_t>(e.record_no));
    st.bind(16, e.item_no).bind(17, e.document_key.text());
    st.run();
  }
}

void insert_documents(Connection& c, std::int64_t id, const precheck::FileResult& r) {
  auto st = c.prepare(
      "INSERT INTO submission_documents(submission_id, seq, code, doc_key, office_no, insurer_no, insured_no, "
      "service_month, has_errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int seq = 0;
  for (const auto& d : r.documents) {  // texts bound as in insert_errors
    st.bind(1, id).bind(2, ++seq).bind_static(3, d.code).bind(4, d.key.text()).bind_static(5, d.office_no);
    st.bind_static(6, d.insurer_no).bind_static(7, d.insured_no).bind_static(8, d.service_month);
    st.bind(9, d.has_errors ? 1 : 0);
    st.run();
  }
}

std::vector<precheck::ErrorRow> select_errors(Connection& c, std::int64_t id, const std::string& file_name) {
  auto st = c.prepare(fmt::format("SELECT {} FROM submission_errors WHERE submission_id = ? ORDER BY seq", kErrorColumns));
  st.bind(1, id);
  std::vector<precheck::ErrorRow> rows;
  while (st.step()) {
    rows.push_back(error_at(st, 0));
    rows.back().file = file_name;
  }
  return rows;
}

}  // namespace

void Database::append_state(std::int64_t id, FileState state, const LocalDateTime& at, std::string_view note) {
  // The state table guards the store too: a file never gets two final states, whatever a caller
  // does (a first row has no state before it).
  auto current = conn_->prepare("SELECT state FROM submissions WHERE id = ?");
  current.bind(1, id);
  if (current.step()) {
    auto from = parse_enum<reception::FileState>(current.text(0));
    const bool first = from == FileState::Arrived && state == FileState::Arrived;
    if (!first && (!from || !reception::can_move(*from, state))) {
      throw StoreError(fmt::format("受付番号 {} を「{}」から「{}」にはできません / submission {} cannot move from {} to {}",
                                   id, from ? enum_ja(*from) : "?", enum_ja(state), id,
                                   current.text(0), enum_code(state)));
    }
  }
  conn_
      ->prepare(
          "INSERT INTO submission_states(submission_id, seq, state, at, note) VALUES (?, "
          "(SELECT COALESCE(MAX(seq), 0) + 1 FROM submission_states WHERE submission_id = ?), ?, ?, ?)")
      .bind(1, id)
      .bind(2, id)
      .bind(3, enum_code(state))
      .bind(4, at.str())
      .bind(5, note)
      .run();
  conn_->prepare("UPDATE submissions SET state = ? WHERE id = ?")
      .bind(1, enum_code(state))
      .bind(2, id)
      .run();
}

std::int64_t Database::record_arrival(std::string_view file_name, std::string_view bytes, const std::string& sha256,
                                      const LocalDateTime& at, std::optional<YearMonth> processing_month,
                                      std::string_view owner, std::string_view sender, std::string_view key) {
  // Nothing has been reported yet, so this commit need not reach the disk before the pre-check
  // starts (Reception::submit makes it part of an unsynced step): the outcome's full-sync commit
  // makes both durable together. One fsync per file instead of two.
  Transaction tx(*conn_);
  auto st = conn_->prepare(
      "INSERT INTO submissions(file_name, received_at, processing_month, state, sha256, size, owner, sender, "
      "idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, file_name).bind(2, at.str());
  if (processing_month) {
    st.bind(3, processing_month->str());
  } else {
    st.bind_null(3);
  }
  st.bind(4, enum_code(FileState::Arrived)).bind(5, sha256);
  st.bind(6, static_cast<std::int64_t>(bytes.size())).bind(7, owner).bind(8, sender).bind(9, key).run();
  auto id = conn_->last_insert_id();
  const std::string packed = pack_file(bytes);
  conn_->prepare("INSERT INTO submission_bytes(submission_id, bytes, packing) VALUES (?, ?, ?)")
      .bind(1, id)
      .bind_blob(2, packed)
      .bind(3, kFilePacking)
      .run();
  append_state(id, FileState::Arrived, at, "");
  append_state(id, FileState::Receiving, at, "");
  tx.commit();
  return id;
}

void Database::record_outcome(std::int64_t id, const precheck::FileResult& r,
                              std::span<const precheck::ErrorRow> errors, bool keep_documents, FileState state,
                              const LocalDateTime& at) {
  Transaction tx(*conn_);
  conn_
      ->prepare(
          "UPDATE submissions SET data_type = ?, office_no = ?, statements = ?, records = ?, error_count = ?, "
          "owner = '' WHERE id = ?")
      .bind(1, r.data_type)
      .bind(2, r.office_no)
      .bind(3, static_cast<std::int64_t>(r.statements))
      .bind(4, static_cast<std::int64_t>(r.records))
      .bind(5, static_cast<std::int64_t>(errors.size()))
      .bind(6, id)
      .run();
  conn_->prepare("DELETE FROM submission_errors WHERE submission_id = ?").bind(1, id).run();
  conn_->prepare("DELETE FROM submission_documents WHERE submission_id = ?").bind(1, id).run();
  insert_errors(*conn_, id, errors);
  if (keep_documents) insert_documents(*conn_, id, r);
  append_state(id, state, at, "");
  tx.commit();
}

void Database::record_state(std::int64_t id, FileState state, const LocalDateTime& at, std::string_view note) {
  Transaction tx(*conn_);
  append_state(id, state, at, note);
  tx.commit();
}

std::optional<reception::Submission> Database::submission(std::int64_t id) {
  auto st = conn_->prepare(fmt::format("SELECT {} FROM submissions WHERE id = ?", kSubmissionColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  // One file read by its id: a state the table does not know is a damaged database, not Arrived.
  if (!parse_enum<reception::FileState>(st.text(4))) {
    throw StoreError(fmt::format("不明な状態 / unknown state {} (submission {})", st.text(4), id));
  }
  reception::Submission s = submission_at(st, 0);
  s.errors = select_errors(*conn_, id, s.file_name);
  s.error_count = s.errors.size();
  return s;
}

Database::SubmissionPage Database::list_submissions(const SubmissionFilter& f) {
  std::string where = "WHERE 1 = 1";
  if (f.month) where += " AND processing_month = ?1";
  if (!f.everyone) {
    where += " AND (sender = ?2";
    if (!f.offices.empty()) {
      where += " OR office_no IN (";
      for (std::size_t i = 0; i < f.offices.size(); ++i) where += fmt::format("{}?{}", i ? ", " : "", i + 5);
      where += ")";
    }
    where += ")";
  }
  auto bind = [&](Statement& st) {
    if (f.month) st.bind(1, f.month->str());
    if (!f.everyone) {
      st.bind(2, f.sender.empty() ? std::string("\x01none") : f.sender);
      for (std::size_t i = 0; i < f.offices.size(); ++i) st.bind(static_cast<int>(i + 5), f.offices[i]);
    }
  };
  SubmissionPage page;
  auto count = conn_->prepare("SELECT COUNT(*) FROM submissions " + where);
  bind(count);
  if (count.step()) page.total = count.integer(0);
  auto st = conn_->prepare(
      fmt::format("SELECT {} FROM submissions {} ORDER BY id DESC LIMIT ?3 OFFSET ?4", kSubmissionColumns, where));
  bind(st);
  st.bind(3, f.limit).bind(4, f.offset);
  while (st.step()) page.rows.push_back(submission_at(st, 0));
  return page;
}

std::vector<reception::StateChange> Database::history(std::int64_t id) {
  auto st = conn_->prepare("SELECT state, at, note FROM submission_states WHERE submission_id = ? ORDER BY seq");
  st.bind(1, id);
  std::vector<reception::StateChange> out;
  while (st.step()) {
    out.push_back({parse_enum<reception::FileState>(st.text(0)).value_or(FileState::Arrived),
                   moment(st.text(1)), st.text(2)});
  }
  return out;
}

std::string Database::bytes(std::int64_t id) { return stored_file(id).unpack(); }

StoredFile Database::stored_file(std::int64_t id) {
  auto st = conn_->prepare(
      "SELECT b.bytes, b.packing, s.size FROM submission_bytes b JOIN submissions s ON s.id = b.submission_id "
      "WHERE b.submission_id = ?");
  st.bind(1, id);
  if (!st.step()) throw StoreError(fmt::format("受付番号 {} はありません / no submission {}", id, id));
  return {id, st.blob(0), st.text(1), st.integer(2)};
}

std::vector<std::int64_t> Database::submissions_in(YearMonth month, FileState state) {
  auto st = conn_->prepare("SELECT id FROM submissions WHERE processing_month = ? AND state = ? ORDER BY id");
  st.bind(1, month.str()).bind(2, enum_code(state));
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.integer(0));
  return ids;
}

std::vector<reception::InFlight> Database::unfinished() {
  auto st = conn_->prepare("SELECT id, owner FROM submissions WHERE state IN (?, ?) ORDER BY id");
  st.bind(1, enum_code(FileState::Arrived)).bind(2, enum_code(FileState::Receiving));
  std::vector<reception::InFlight> out;
  while (st.step()) out.push_back({st.integer(0), st.text(1)});
  return out;
}

std::optional<std::int64_t> Database::submission_with_key(std::string_view sender, std::string_view key) {
  auto st = conn_->prepare("SELECT id FROM submissions WHERE sender = ? AND idempotency_key = ?");
  st.bind(1, sender).bind(2, key);
  if (st.step()) return st.integer(0);
  return std::nullopt;
}

void Database::release_key(std::int64_t id) {
  conn_->prepare("UPDATE submissions SET idempotency_key = '' WHERE id = ?").bind(1, id).run();
}

std::string Database::in_flight_owner(std::int64_t id) {
  auto st = conn_->prepare("SELECT owner FROM submissions WHERE id = ?");
  st.bind(1, id);
  return st.step() ? st.text(0) : std::string();
}

std::vector<reception::StoredDocument> Database::documents_in_review(YearMonth month, std::span<const exchange::DocumentKey> keys,
                                                                     std::int64_t except) {
  auto st = conn_->prepare(kDocumentInReviewSql);
  const auto month_text = month.str();
  std::vector<reception::StoredDocument> out;
  std::string key_text;
  for (const auto& key : keys) {
    key_text = key.text();
    st.bind_static(1, key_text).bind_static(2, month_text).bind(3, except);
    st.bind(4, enum_code(FileState::Accepted))
        .bind(5, enum_code(FileState::FormatErrors))
        .bind(6, enum_code(FileState::Sent));
    if (st.step()) out.push_back({st.integer(0), st.text(1), key});
    st.reset();
  }
  return out;
}

}  // namespace kaigo::store
