// support/old_schema — SQL that turns a database made by Database::create back into what an older
// schema had, for the tests that open such a database and expect it upgraded in place.
#pragma once

namespace kaigo::testing {

// What schema 5 changed, undone: the decisions' doc_key text column with its index.
inline constexpr const char* kBackToSchema4 =
    "DROP INDEX claim_decisions_file; ALTER TABLE claim_decisions ADD COLUMN doc_key TEXT NOT NULL DEFAULT 'k'; "
    "CREATE INDEX claim_decisions_key ON claim_decisions(doc_key); "
    "ALTER TABLE plan_decisions ADD COLUMN doc_key TEXT NOT NULL DEFAULT '';";

}  // namespace kaigo::testing
