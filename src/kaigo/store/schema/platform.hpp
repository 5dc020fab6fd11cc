// store/schema/platform — the tables of the platform module (介護情報基盤, docs/platform.md):
// records as versions (never rewritten), the cross-municipality link of each registration (PMH),
// the answers to linkage files (never their bytes: they carry My Numbers), go-live dates with their
// history, 本人確認 by offices, 主治医意見書 請求書, and 認定審査会資料 with their recipients.
// Must not: be used outside the store module.
#pragma once
#include <string_view>

namespace kaigo::store::schema::platform {

inline constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS platform_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pmh_salt TEXT NOT NULL,
  next_record INTEGER NOT NULL DEFAULT 1
);
-- One version of one record (介護情報); a change is a new row, never an update of an old one.
CREATE TABLE IF NOT EXISTS platform_records (
  id INTEGER PRIMARY KEY,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  update_kind INTEGER NOT NULL,
  effective_on TEXT NOT NULL,
  data TEXT NOT NULL,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS platform_records_key
  ON platform_records(insurer_no, insured_no, kind, record_id, version);
-- The PMH link of each registration (seed 004 §7): the key, or the error while there is none.
CREATE TABLE IF NOT EXISTS platform_people (
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  pmh_key TEXT NOT NULL,
  pmh_error TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (insurer_no, insured_no)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS platform_people_pmh ON platform_people(pmh_key) WHERE pmh_key <> '';
CREATE TABLE IF NOT EXISTS platform_files (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  received_at TEXT NOT NULL,
  sender TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  answer TEXT NOT NULL
);
-- Go-live dates: every load is kept; the latest row of an insurer is in force.
CREATE TABLE IF NOT EXISTS platform_golive (
  id INTEGER PRIMARY KEY,
  insurer_no TEXT NOT NULL,
  golive_on TEXT NOT NULL,
  file_name TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS platform_golive_insurer ON platform_golive(insurer_no, id);
CREATE TABLE IF NOT EXISTS platform_identifications (
  id INTEGER PRIMARY KEY,
  office_no TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  at TEXT NOT NULL,
  method TEXT NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS platform_identifications_key
  ON platform_identifications(office_no, insurer_no, insured_no, at);
CREATE TABLE IF NOT EXISTS platform_invoices (
  id INTEGER PRIMARY KEY,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  opinion_record TEXT NOT NULL,
  institution_code TEXT NOT NULL,
  doctor_name TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  opinion_fee INTEGER NOT NULL,
  first_visit_points INTEGER NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS platform_invoices_insurer ON platform_invoices(insurer_no, registered_on);
CREATE TABLE IF NOT EXISTS platform_packets (
  id INTEGER PRIMARY KEY,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  applied_on TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  pages INTEGER NOT NULL,
  pdf BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS platform_packet_members (
  packet_id INTEGER NOT NULL REFERENCES platform_packets(id),
  user_id TEXT NOT NULL,
  PRIMARY KEY (packet_id, user_id)
) WITHOUT ROWID;
)sql";

}  // namespace kaigo::store::schema::platform
