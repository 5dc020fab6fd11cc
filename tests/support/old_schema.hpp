// support/old_schema — SQL that turns a database made by Database::create back into what an older
// schema had, for the tests that open such a database and expect it upgraded in place.
#pragma once

namespace kaigo::testing {

// What schema 9 changed, undone: the month's decisions by outcome indexed whole, not partial.
inline constexpr const char* kBackToSchema8 =
    "DROP INDEX claim_decisions_outcome; CREATE INDEX claim_decisions_outcome ON claim_decisions(month, kind, outcome); "
    "DROP INDEX plan_decisions_outcome; CREATE INDEX plan_decisions_outcome ON plan_decisions(month, outcome);";

// What schema 8 changed, undone: the 給付管理票 decisions' index by month alone.
inline constexpr const char* kBackToSchema7 = "CREATE INDEX plan_decisions_month ON plan_decisions(month);";

// What schema 7 changed, undone: received files kept as received, without a packing.
inline constexpr const char* kBackToSchema6 = "ALTER TABLE submission_bytes DROP COLUMN packing;";

// What schema 6 changed, undone: submission_documents with a rowid, and claim_decisions' second
// index on submission_id.
inline constexpr const char* kBackToSchema5 =
    "CREATE TABLE submission_documents_5 (submission_id INTEGER NOT NULL REFERENCES submissions(id), seq "
    "INTEGER NOT NULL, code TEXT NOT NULL, doc_key TEXT NOT NULL, office_no TEXT NOT NULL, insurer_no TEXT NOT "
    "NULL, insured_no TEXT NOT NULL, service_month TEXT NOT NULL, has_errors INTEGER NOT NULL, PRIMARY KEY "
    "(submission_id, seq)); "
    "INSERT INTO submission_documents_5 SELECT * FROM submission_documents; DROP TABLE submission_documents; "
    "ALTER TABLE submission_documents_5 RENAME TO submission_documents; "
    "CREATE INDEX submission_documents_key_file ON submission_documents(doc_key, submission_id); "
    "CREATE INDEX submission_documents_person ON submission_documents(insured_no, service_month); "
    "CREATE INDEX claim_decisions_submission ON claim_decisions(submission_id);";

// What schema 5 changed, undone: the decisions' doc_key text column with its index.
inline constexpr const char* kBackToSchema4 =
    "DROP INDEX claim_decisions_file; ALTER TABLE claim_decisions ADD COLUMN doc_key TEXT NOT NULL DEFAULT 'k'; "
    "CREATE INDEX claim_decisions_key ON claim_decisions(doc_key); "
    "ALTER TABLE plan_decisions ADD COLUMN doc_key TEXT NOT NULL DEFAULT '';";

}  // namespace kaigo::testing
