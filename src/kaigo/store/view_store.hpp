// store/view_store — what the web pages read (docs/web.md), a page at a time and never a whole list:
// one file's 事前チェック errors sorted and filtered, the month's files by day and state, the offices
// that have sent, the decisions of an office, a person or a file with every reason, counts of
// outcomes and of reasons by code, an office's payment, accounts, certificates and the audit trail.
// Every query is served by an index (schema/views.hpp and the tables' own).
// Owns: the SQL of those reads. Must not: decide anything or write.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/auth/audit.hpp"
#include "kaigo/auth/repository.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

struct PageRequest {
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

// ---- one file's error list (seed 002 §3(2)) -----------------------------------------------------

struct ErrorQuery {
  std::string code;        // exact code, or all
  std::string text;        // a substring of 被保険者番号, 保険者番号, 項目名, 値 or エラー内容
  std::string sort = "seq";  // seq | code | form_kind | service_month | service_type | insurer_no |
                             // insured_no | item_name | value | line (anything else: seq)
  bool descending = false;
  PageRequest page;
};

struct CodeCount {
  std::string code;
  std::int64_t count = 0;
};

struct ErrorPage {
  std::vector<std::pair<std::int64_t, precheck::ErrorRow>> rows;  // (seq, row)
  std::int64_t total = 0;         // rows matching the query
  std::int64_t file_total = 0;    // rows of the file
  std::vector<CodeCount> codes;   // the file's codes with their counts (for the filter)
};

// ---- decisions (審査結果) with their reasons -----------------------------------------------------

struct FindingRow {
  std::string kind;  // error | hold | hold_ended | plan_mismatch | cut
  std::string code;
  std::string list_reason;
  std::string cut;
  std::string service_type;
  std::string item;
  std::string found;
  std::string expected;
  std::string message_ja;
  std::string message_en;
};

struct ClaimDecisionRow {
  std::string month;  // review month
  std::string claim_id;
  std::string kind;   // review | rereview
  std::int64_t submission = 0;
  std::string outcome;  // paid | cut | held | returned
  bool released = false;
  std::string held_since;
  std::string form_id, office_no, insurer_no, insured_no, service_month;
  std::int64_t written_units = 0, written_claim = 0, written_burden = 0;
  std::int64_t decided_units = 0, decided_claim = 0, decided_burden = 0;
  std::vector<FindingRow> findings;
};

struct PlanDecisionRow {
  std::string month;
  std::string plan_id;
  std::int64_t submission = 0;
  std::string outcome;  // registered | replaced | withdrawn | returned
  std::string insurer_no, insured_no, service_month, support_office_no;
  int create_kind = 0;
  std::vector<FindingRow> findings;
};

// At least one of office_no, insured_no, submission narrows the query (the caller makes sure).
struct DecisionQuery {
  std::optional<YearMonth> month;
  std::string office_no;   // claims: 事業所番号; plans: 居宅介護支援事業所番号
  std::string insurer_no;  // with insured_no
  std::string insured_no;
  std::optional<std::int64_t> submission;
  std::string outcome;
  PageRequest page;
};

template <class Row>
struct RowPage {
  std::vector<Row> rows;
  std::int64_t total = 0;
};

struct OutcomeTotals {
  std::string outcome;
  std::int64_t count = 0;
  std::int64_t written_units = 0, written_claim = 0;
  std::int64_t decided_units = 0, decided_claim = 0;
};

// Reasons grouped: (finding kind, code or 増減 事由) with the number of documents they concern.
struct ReasonCount {
  std::string kind;
  std::string code;  // the error code; the 増減 事由 (A/B) for cut; empty otherwise
  std::int64_t documents = 0;
};

struct OfficePayment {
  std::int64_t transfer = 0;
  std::int64_t carried_out = 0;
  std::int64_t billed = 0;
};

// ---- the month at a glance ----------------------------------------------------------------------

struct DayStateCount {
  std::string day;    // YYYY-MM-DD of received_at
  std::string state;  // reception state code
  std::int64_t count = 0;
};

// ---- accounts, certificates, audit --------------------------------------------------------------

struct AccountQuery {
  std::string role;  // role name, or all
  std::string text;  // a substring of the user ID, name, or an exact 事業所番号
  PageRequest page;
};

struct AccountRow {
  auth::User user;
  int failed_logins = 0;
  std::string locked_until;
  bool disabled = false;
  std::string created_at;
  std::string password_changed_at;
};

struct CertificateQuery {
  std::string office_no;  // speaks for this office, or all
  PageRequest page;
};

class ViewStore {
 public:
  explicit ViewStore(Database& db) : db_(db) {}

  // The file's header without its errors (nullopt: no such file).
  std::optional<reception::Submission> submission_head(std::int64_t id);
  ErrorPage errors(std::int64_t submission, const ErrorQuery& query);

  RowPage<ClaimDecisionRow> claim_decisions(const DecisionQuery& query);
  RowPage<PlanDecisionRow> plan_decisions(const DecisionQuery& query);
  // Claims of the month decided by the review (kind review), by outcome; an office's only when given.
  std::vector<OutcomeTotals> claim_outcomes(YearMonth month, const std::string& office_no = {});
  std::vector<CodeCount> plan_outcomes(YearMonth month, const std::string& support_office_no = {});
  // Reasons of the month's review decisions by kind and code; an office's claims and plans only when given.
  std::vector<ReasonCount> reasons(YearMonth month, const std::string& office_no = {});
  std::optional<OfficePayment> payment(YearMonth month, const std::string& office_no);
  // Decided documents of the month so far (claims and plans of kind review) and the documents of
  // the month's files sent to the review (明細件数 of its 送信完了 files).
  std::pair<std::int64_t, std::int64_t> review_progress(YearMonth month);

  std::vector<DayStateCount> files_by_day(YearMonth month);
  // 事業所番号 with a file of the month that reached the review or may (受付完了, 様式エラー有, 送信完了).
  std::vector<std::string> offices_with_files(YearMonth month);

  RowPage<AccountRow> accounts(const AccountQuery& query);
  RowPage<auth::CertificateRecord> certificates(const CertificateQuery& query);
  // Newest first.
  RowPage<auth::AuditRow> audit(const auth::AuditFilter& filter, const PageRequest& page);

 private:
  Database& db_;
};

}  // namespace kaigo::store
