// store/claim_sql — the SQL of the lookups that run once per document of a month, kept where a
// test can ask SQLite how it runs them (tests/unit/store/query_plan_test.cpp): each must be a
// search of an index, never a scan or a temporary B-tree. Private to the store module.
#pragma once
#include <fmt/format.h>

#include <string>
#include <string_view>

namespace kaigo::store {

// The earliest other file of the month, not cancelled, holding a document key (reception's
// duplicate lookup, ANN2): (doc_key, submission_id) is submission_documents_key_file, so the first
// entry of the index is the answer. ?1 key, ?2 month, ?3 the file itself, ?4–?6 the states.
inline constexpr std::string_view kDocumentInReviewSql =
    "SELECT d.submission_id, s.file_name FROM submission_documents d JOIN submissions s ON s.id = d.submission_id "
    "WHERE d.doc_key = ?1 AND s.processing_month = ?2 AND s.id <> ?3 AND s.state IN (?4, ?5, ?6) "
    "ORDER BY d.submission_id LIMIT 1";

// claim_decisions_outcome and plan_decisions_outcome are partial (schema/views): they leave out the
// review's 支払 and the 登録 of 給付管理票. SQLite searches a partial index only for a query whose
// WHERE holds one of the index condition's own terms, word for word; each of these is such a term,
// true of every row the query wants, written beside the condition that selects them.
inline std::string not_review_paid(std::string_view alias) { return fmt::format("{}.outcome <> 'paid'", alias); }
inline std::string not_review_kind(std::string_view alias) { return fmt::format("{}.kind <> 'review'", alias); }
inline std::string not_plan_registered(std::string_view alias) {
  return fmt::format("{}.outcome <> 'registered'", alias);
}

// The 明細書 held at the end of the review month `month` (a parameter, "?2"), as `alias`: (month, kind, outcome) of
// claim_decisions_outcome finds them among the month's millions. Without the kind the index gave only
// (month=?), a scan of every decision of the month; a held decision is a review's, and a 再審査's
// never is, but both kinds are named so that the answer is the same as without.
inline std::string held_in_month(std::string_view alias, std::string_view month) {
  return fmt::format("{0}.month = {1} AND {0}.kind IN ('review', 'rereview') AND {0}.outcome = 'held' AND {2}", alias,
                     month, not_review_paid(alias));
}

// The 証記載保険者番号 of `column` normalised as master::normalize_insurer_no does (the same answers:
// test NormalizedInsurer.SqlAndCppAgree).
inline std::string normalized_insurer(std::string_view column) {
  return fmt::format("(CASE WHEN length({0}) IN (7, 8) AND substr({0}, 1, length({0}) - 6) IN ('0', '00') THEN "
                     "substr({0}, -6) ELSE {0} END)",
                     column);
}

// billing::ClaimKey in SQL: a 明細書 of a received file (submission_documents `document`, insurer as
// written) is the decided one (claim_decisions `decision`, insurer stored in its 6-digit form) when
// the five items agree. claim_decisions_person (insured_no, service_month) finds the few rows of
// the person-month and the other three items are checked on them: an index of all five columns
// cost the review more in writes than it saved (docs/performance.md, issue 19).
inline std::string same_claim(std::string_view document, std::string_view decision) {
  return fmt::format("{1}.insured_no = {0}.insured_no AND {1}.service_month = {0}.service_month AND {1}.form_id = "
                     "{0}.code AND {1}.office_no = {0}.office_no AND {1}.insurer_no = {2}",
                     document, decision, normalized_insurer(std::string(document) + ".insurer_no"));
}

}  // namespace kaigo::store
