// store/schema/careplan — the tables of the care-plan hub (careplan/hub.hpp, licence.hpp): the
// licences per 事業所番号, the sets sent or kept as drafts, their files (the bytes sealed apart,
// as submission_bytes, so that a state change never rewrites them), the person keys each file
// holds (what a DLT file withdraws), and each receiver's receipt.
// Must not: be used outside the store module.
#pragma once
#include <string_view>

namespace kaigo::store::schema::careplan {

inline constexpr std::string_view kSchema = R"sql(
-- ケアプランデータ連携システム ライセンス (seed 001 §7): one row per application.
CREATE TABLE IF NOT EXISTS careplan_licences (
  id INTEGER PRIMARY KEY,
  office_no TEXT NOT NULL,
  applied_on TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  terms TEXT NOT NULL,
  free INTEGER NOT NULL,
  fee_month TEXT NOT NULL DEFAULT '',  -- the review month whose 7513 deducts its fee ('' when free)
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS careplan_licences_office ON careplan_licences(office_no, valid_from);
-- 送信 (state sent) or 一時保存 (state draft).
CREATE TABLE IF NOT EXISTS careplan_parcels (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL,
  sender_office TEXT NOT NULL,
  sender_user TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX IF NOT EXISTS careplan_parcels_sender ON careplan_parcels(sender_office, id);
CREATE TABLE IF NOT EXISTS careplan_files (
  id INTEGER PRIMARY KEY,
  parcel_id INTEGER NOT NULL REFERENCES careplan_parcels(id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  month TEXT NOT NULL,
  sender_office TEXT NOT NULL,
  sender_type TEXT NOT NULL,
  receiver_office TEXT NOT NULL,
  receiver_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  purged_at TEXT  -- the retention period removed its bytes
);
CREATE INDEX IF NOT EXISTS careplan_files_parcel ON careplan_files(parcel_id, seq);
CREATE INDEX IF NOT EXISTS careplan_files_kind ON careplan_files(kind, month);
CREATE INDEX IF NOT EXISTS careplan_files_route ON careplan_files(sender_office, receiver_office, kind);
-- The bytes, sealed (careplan/sealed.hpp): nonce ‖ ciphertext ‖ tag. Deleted when purged.
CREATE TABLE IF NOT EXISTS careplan_file_bytes (
  file_id INTEGER PRIMARY KEY REFERENCES careplan_files(id),
  sealed BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS careplan_file_persons (
  file_id INTEGER NOT NULL REFERENCES careplan_files(id),
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  key TEXT NOT NULL,
  withdrawn_by INTEGER,  -- the DLT file that withdrew it
  withdrawn_at TEXT,
  PRIMARY KEY (file_id, insurer_no, insured_no, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS careplan_file_persons_person ON careplan_file_persons(insured_no, key);
-- One per receiver office of a sent set: 未受信 until it downloads the set.
CREATE TABLE IF NOT EXISTS careplan_receipts (
  parcel_id INTEGER NOT NULL REFERENCES careplan_parcels(id),
  office_no TEXT NOT NULL,
  received_at TEXT,
  received_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (parcel_id, office_no)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS careplan_receipts_office ON careplan_receipts(office_no, parcel_id);
)sql";

}  // namespace kaigo::store::schema::careplan
