// store/schema — the SQLite schema of a kaigo database and its version. Everything received is
// kept byte for byte (submissions.bytes); every state change and error is a row with its time.
// Must not: be used outside the store module.
#pragma once
#include <string_view>

namespace kaigo::store {

inline constexpr int kSchemaVersion = 1;

inline constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  file_name TEXT NOT NULL,
  toml TEXT NOT NULL,
  stored_at TEXT NOT NULL
);
-- Every accepted load of a ledger or master file; the latest of each kind is in force.
CREATE TABLE IF NOT EXISTS loads (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  rows INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS loads_kind ON loads(kind, id);
-- One received file (受付ファイル).
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  received_at TEXT NOT NULL,
  processing_month TEXT,
  state TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  data_type TEXT NOT NULL DEFAULT '',
  office_no TEXT NOT NULL DEFAULT '',
  statements INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  error_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS submissions_month ON submissions(processing_month, state);
CREATE TABLE IF NOT EXISTS submission_states (
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  seq INTEGER NOT NULL,
  state TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (submission_id, seq)
);
CREATE TABLE IF NOT EXISTS submission_errors (
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  seq INTEGER NOT NULL,
  level TEXT NOT NULL,
  code TEXT NOT NULL,
  form_kind TEXT NOT NULL,
  service_month TEXT NOT NULL,
  service_type TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  item_name TEXT NOT NULL,
  value TEXT NOT NULL,
  message_ja TEXT NOT NULL,
  message_en TEXT NOT NULL,
  line INTEGER NOT NULL,
  record_no INTEGER NOT NULL,
  item_no INTEGER NOT NULL,
  document_key TEXT NOT NULL,
  PRIMARY KEY (submission_id, seq)
);
-- The documents (明細書, 給付管理票, …) of an accepted file, for duplicate detection and the review.
CREATE TABLE IF NOT EXISTS submission_documents (
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  doc_key TEXT NOT NULL,
  office_no TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  service_month TEXT NOT NULL,
  has_errors INTEGER NOT NULL,
  PRIMARY KEY (submission_id, seq)
);
CREATE INDEX IF NOT EXISTS submission_documents_key ON submission_documents(doc_key);
)sql";

}  // namespace kaigo::store
