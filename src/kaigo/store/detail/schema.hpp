// store/schema — the SQLite schema of a kaigo database and its version. Everything received is
// kept byte for byte (submissions.bytes); every state change and error is a row with its time.
// Must not: be used outside the store module.
#pragma once
#include <iterator>
#include <string_view>

namespace kaigo::store {

inline constexpr int kSchemaVersion = 9;

// What changes a database of an earlier version into this one (run before kSchema, in order).
//   1 → 2: claim_decisions.kind — a 再審査 decided by kaigo results is kept as the claim's
//          decision in force, beside the review's ("review" / "rereview").
//   2 → 3: the processing month as a state machine (months, month_states, month_job); the process
//          receiving a file (submissions.owner), the account that sent it (submissions.sender) and its
//          idempotency key;
//          months already reviewed or settled keep that state.
//   3 → 4: a decision's 集計 rows packed into claim_decisions.packed_rows (store/detail/packed_rows) instead
//          of a claim_rows row each (issue 19); the SQL adds the column, then upgrade() packs the
//          rows of claim_rows (pack_claim_rows, in C++) and drops that table.
//   4 → 5: claim_decisions and plan_decisions lose their doc_key text column and its index: the
//          claim or plan id names the document, and the decisions of one file are found by the
//          integer submission_id (issue 19: no text key where an integer one will do).
//   5 → 6: submission_documents is kept in the order of its key (submission_id, seq), WITHOUT ROWID,
//          and loses its index by person (insured_no, service_month): two B-trees less to write for
//          every document received (issue 19); and claim_decisions loses claim_decisions_submission,
//          which had the same column as claim_decisions_file.
//   6 → 7: submission_bytes.packing — a received file is kept packed (store/detail/file_packing, issue
//          19); the files of earlier versions stay as they were, packing ''.
//   7 → 8: plan_decisions loses plan_decisions_month: its one column is the first of
//          plan_decisions_outcome (month, outcome) and of plan_decisions_office, which the month's
//          queries search instead; one B-tree less to write for every 給付管理票 decided (issue 19).
//   8 → 9: claim_decisions_outcome and plan_decisions_outcome become partial (schema/views): they
//          leave out the review's 支払 and the 給付管理票's 登録, 97 % and 99 % of a month's rows, which
//          the month's counts take as the month's total less the rest (issue 19).
inline constexpr std::string_view kMigrations[] = {
    "",  // 0: an empty database gets kSchema whole
    "ALTER TABLE claim_decisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'review';",
    R"sql(
ALTER TABLE submissions ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN sender TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN idempotency_key TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS submission_documents_key;
CREATE TABLE IF NOT EXISTS months (
  month TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  since TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
INSERT OR IGNORE INTO months(month, state, since, note)
  SELECT r.month, CASE WHEN EXISTS (SELECT 1 FROM office_payments p WHERE p.month = r.month) THEN 'settled'
                       ELSE 'reviewed' END, r.finished_at, 'schema 3'
  FROM review_months r;
)sql",
    "ALTER TABLE claim_decisions ADD COLUMN packed_rows BLOB NOT NULL DEFAULT x'';",
    R"sql(
DROP INDEX IF EXISTS claim_decisions_key;
ALTER TABLE claim_decisions DROP COLUMN doc_key;
ALTER TABLE plan_decisions DROP COLUMN doc_key;
)sql",
    R"sql(
CREATE TABLE submission_documents_6 (
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
) WITHOUT ROWID;
INSERT INTO submission_documents_6 SELECT submission_id, seq, code, doc_key, office_no, insurer_no, insured_no,
  service_month, has_errors FROM submission_documents;
DROP TABLE submission_documents;
ALTER TABLE submission_documents_6 RENAME TO submission_documents;
DROP INDEX IF EXISTS claim_decisions_submission;
)sql",
    "ALTER TABLE submission_bytes ADD COLUMN packing TEXT NOT NULL DEFAULT '';",
    "DROP INDEX IF EXISTS plan_decisions_month;",
    "DROP INDEX IF EXISTS claim_decisions_outcome; DROP INDEX IF EXISTS plan_decisions_outcome;",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

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
  data_type TEXT NOT NULL DEFAULT '',
  office_no TEXT NOT NULL DEFAULT '',
  statements INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  error_count INTEGER NOT NULL DEFAULT 0,
  owner TEXT NOT NULL DEFAULT '',  -- the process receiving the file while it is 受付中
  sender TEXT NOT NULL DEFAULT '',  -- the account that sent it (a KJ user ID; '' from the command line)
  -- the sender's Idempotency-Key: a retry with the same key is answered with this file, not stored again
  idempotency_key TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS submissions_idempotency ON submissions(sender, idempotency_key)
  WHERE idempotency_key <> '';
CREATE INDEX IF NOT EXISTS submissions_month ON submissions(processing_month, state);
CREATE INDEX IF NOT EXISTS submissions_office ON submissions(office_no, processing_month);
CREATE INDEX IF NOT EXISTS submissions_sender ON submissions(sender, processing_month);
-- The bytes as received, apart from the row whose state changes: an update of a state must not
-- rewrite the file.
CREATE TABLE IF NOT EXISTS submission_bytes (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),
  bytes BLOB NOT NULL,
  packing TEXT NOT NULL DEFAULT ''  -- '' as received, 'zstd' one frame (detail/file_packing.hpp)
);
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
-- The documents (明細書, 給付管理票, …) of an accepted file, for duplicate detection and the review;
-- kept in the order of their key, so that a document costs no B-tree of its own beyond its indexes.
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
) WITHOUT ROWID;
-- (doc_key, submission_id): the earliest file holding a key is the first entry of the index.
CREATE INDEX IF NOT EXISTS submission_documents_key_file ON submission_documents(doc_key, submission_id);
-- No index by person: its random inserts were a third of a large month's receiving. The person-months
-- of a month are read from its files' documents (in key order), a person's claims by office.
-- The processing month's state (reception/month_state.hpp); a month never recorded is open.
CREATE TABLE IF NOT EXISTS months (
  month TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  since TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS month_states (
  month TEXT NOT NULL,
  seq INTEGER NOT NULL,
  state TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (month, seq)
);
-- The one review or settlement running (at most one row), and the process running it.
CREATE TABLE IF NOT EXISTS month_job (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  kind TEXT NOT NULL,
  month TEXT NOT NULL,
  owner TEXT NOT NULL,
  started_at TEXT NOT NULL
);
-- What the schema of this database was made from (a digest of kSchema and the module pieces), so
-- that opening an up-to-date database writes nothing.
CREATE TABLE IF NOT EXISTS schema_info (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  digest TEXT NOT NULL
);
-- One run of the review (審査) of a processing month; re-running replaces its decisions.
CREATE TABLE IF NOT EXISTS review_months (
  month TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL
);
-- The decision on one 給付管理票 (plan_id = submission:doc_key). Rows are appended in review
-- order; the rowid is the only B-tree key written in order, so no text primary key is kept.
CREATE TABLE IF NOT EXISTS plan_decisions (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  submission_id INTEGER NOT NULL,
  order_no INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  service_month TEXT NOT NULL,
  support_office_no TEXT NOT NULL,
  create_kind INTEGER NOT NULL,
  previous_plan_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS plan_decisions_person ON plan_decisions(insured_no, service_month);
CREATE TABLE IF NOT EXISTS plan_links (
  month TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  kind TEXT NOT NULL,  -- rereview (修正) / withdrawn (取消)
  claim_id TEXT NOT NULL
);
-- The decision on one 明細書 in one review month (claim_id = submission:doc_key#copy): kind
-- "review" from kaigo review, "rereview" from the 再審査 kaigo results decides when a
-- 給付管理票 修正 restores a cut (the decision in force from that month on).
CREATE TABLE IF NOT EXISTS claim_decisions (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  submission_id INTEGER NOT NULL,
  copy INTEGER NOT NULL,
  order_no INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  released INTEGER NOT NULL,
  held_since TEXT NOT NULL,
  form_id TEXT NOT NULL,
  office_no TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  service_month TEXT NOT NULL,
  written_units INTEGER NOT NULL, written_claim INTEGER NOT NULL, written_burden INTEGER NOT NULL,
  written_fund1 INTEGER NOT NULL, written_fund2 INTEGER NOT NULL, written_fund3 INTEGER NOT NULL,
  decided_units INTEGER NOT NULL, decided_claim INTEGER NOT NULL, decided_burden INTEGER NOT NULL,
  decided_fund1 INTEGER NOT NULL, decided_fund2 INTEGER NOT NULL, decided_fund3 INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'review',
  packed_rows BLOB NOT NULL DEFAULT x''  -- the 集計 rows and 特定入所者 amounts, packed (detail/packed_rows.hpp)
);
-- The decisions of one file, in the order they were written (a claim is found by its file, then its id).
CREATE INDEX IF NOT EXISTS claim_decisions_file ON claim_decisions(submission_id);
CREATE INDEX IF NOT EXISTS claim_decisions_office ON claim_decisions(month, office_no);
CREATE INDEX IF NOT EXISTS claim_decisions_person ON claim_decisions(insured_no, service_month);
-- Every reason of a decision: 返戻（保留）一覧 rows and 増減 rows (doc_id = claim or plan id).
CREATE TABLE IF NOT EXISTS decision_findings (
  month TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  list_reason TEXT NOT NULL,
  cut TEXT NOT NULL,
  service_type TEXT NOT NULL,
  item TEXT NOT NULL,
  found TEXT NOT NULL,
  expected TEXT NOT NULL,
  message_ja TEXT NOT NULL,
  message_en TEXT NOT NULL,
  PRIMARY KEY (month, doc_id, seq)
);
-- 過誤申立 received from insurers for a review month (`kaigo kago`, DESIGN §3.2 kago.csv).
CREATE TABLE IF NOT EXISTS kago_requests (
  month TEXT NOT NULL,
  file_name TEXT NOT NULL,
  line INTEGER NOT NULL,
  insurer_no TEXT NOT NULL,
  office_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  service_month TEXT NOT NULL,
  form_id TEXT NOT NULL,
  kago_code TEXT NOT NULL,
  same_month INTEGER NOT NULL,
  reason_name TEXT NOT NULL,
  filed_on TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  PRIMARY KEY (month, file_name, line)
);
-- 再審査申立 received for a review month (`kaigo rereview`, DESIGN §3.2 rereview.csv; 71B2) with
-- the 審査委員会's decision (upheld / restored, decided_units NULL = the units asked for).
CREATE TABLE IF NOT EXISTS rereview_appeals (
  month TEXT NOT NULL,
  file_name TEXT NOT NULL,
  line INTEGER NOT NULL,
  filed_on TEXT NOT NULL,
  applicant TEXT NOT NULL,
  office_no TEXT NOT NULL,
  insurer_no TEXT NOT NULL,
  insured_no TEXT NOT NULL,
  service_month TEXT NOT NULL,
  service_type TEXT NOT NULL,
  service_item TEXT NOT NULL,
  requested_units INTEGER NOT NULL,
  appeal_code TEXT NOT NULL,
  reason_name TEXT NOT NULL,
  form_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  decided_units INTEGER,
  loaded_at TEXT NOT NULL,
  PRIMARY KEY (month, file_name, line)
);
-- 過誤 applied by `kaigo results` of a review month: the 明細書 no longer stands from then on.
CREATE TABLE IF NOT EXISTS claim_withdrawals (
  month TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  kago_code TEXT NOT NULL,
  same_month INTEGER NOT NULL,
  PRIMARY KEY (month, claim_id)
);
CREATE INDEX IF NOT EXISTS claim_withdrawals_claim ON claim_withdrawals(claim_id);
-- What `kaigo results` decided to pay each office for a review month (支払決定), and the shortfall
-- carried into the next month when a month's deductions exceed its payment.
CREATE TABLE IF NOT EXISTS office_payments (
  month TEXT NOT NULL,
  office_no TEXT NOT NULL,
  transfer INTEGER NOT NULL,
  carried_out INTEGER NOT NULL,
  billed INTEGER NOT NULL,
  PRIMARY KEY (month, office_no)
);
-- Fees due that kaigo itself records (docs/settlement.md "fees due"): a certificate issued by
-- `kaigo cert issue` (auth), later a ケアプランデータ連携 licence; settlement charges the rows of
-- the month it settles beside the fees.csv rows.
CREATE TABLE IF NOT EXISTS fees_due (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  office_no TEXT NOT NULL,
  kind TEXT NOT NULL,
  applied_on TEXT NOT NULL,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fees_due_month ON fees_due(month, office_no);
)sql";

}  // namespace kaigo::store
