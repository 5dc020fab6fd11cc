// store/submission_rows — how a received file (submissions) and one of its pre-check errors
// (submission_errors) are read back from a row: the columns in the order the SELECTs name them, so
// the reception repository (Database) and the read-only views (ViewStore) read a row alike.
// Owns: the column lists and the reading of a row. Must not: choose which rows (the callers do).
#pragma once
#include <string_view>

#include "kaigo/precheck/precheck.hpp"
#include "kaigo/reception/repository.hpp"
#include "kaigo/store/detail/sqlite.hpp"

namespace kaigo::store {

// The 13 columns submission_at reads, from id to sender.
inline constexpr std::string_view kSubmissionColumns =
    "id, file_name, received_at, processing_month, state, sha256, size, data_type, office_no, statements, records, "
    "error_count, sender";
// A submission from the columns of kSubmissionColumns, starting at column `first` (an unknown state
// reads as Arrived; errors are not read).
reception::Submission submission_at(const Statement& st, int first);

// The 15 columns error_at reads, from level to document_key.
inline constexpr std::string_view kErrorColumns =
    "level, code, form_kind, service_month, service_type, insurer_no, insured_no, item_name, value, message_ja, "
    "message_en, line, record_no, item_no, document_key";
// A pre-check error from the columns of kErrorColumns, starting at column `first` (the file name is
// not stored with it).
precheck::ErrorRow error_at(const Statement& st, int first);

}  // namespace kaigo::store
