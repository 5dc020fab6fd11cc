// store/schema/views — indexes the web pages' queries use (store/view_store): the 送信結果 of a month
// by office and day, the month's decisions by outcome and by code, an office's 給付管理票, the
// decisions of one file, and accounts by role. Indexes only: no table of their own.
// Must not: be used outside the store module.
#pragma once
#include <string_view>

namespace kaigo::store::schema::views {

inline constexpr std::string_view kSchema = R"sql(
-- The month at a glance: files by day and state, offices that have sent (covering).
CREATE INDEX IF NOT EXISTS submissions_month_office
  ON submissions(processing_month, office_no, state, received_at);
-- Decisions of the month by outcome (covering) but the review's 支払 and the 登録 of 給付管理票:
-- those are the month's total less the rest, and writing them here cost every decision a B-tree
-- insert. A query searches these only when its WHERE names the condition word for word
-- (claim_sql.hpp). The month's reasons by code (covering).
CREATE INDEX IF NOT EXISTS claim_decisions_outcome ON claim_decisions(month, kind, outcome)
  WHERE kind <> 'review' OR outcome <> 'paid';
CREATE INDEX IF NOT EXISTS plan_decisions_outcome ON plan_decisions(month, outcome) WHERE outcome <> 'registered';
CREATE INDEX IF NOT EXISTS decision_findings_code ON decision_findings(month, kind, code, doc_id);
-- An office's 給付管理票 (as 居宅介護支援事業所) and the decisions of one received file.
CREATE INDEX IF NOT EXISTS plan_decisions_office ON plan_decisions(month, support_office_no);
CREATE INDEX IF NOT EXISTS plan_decisions_submission ON plan_decisions(submission_id);
CREATE INDEX IF NOT EXISTS auth_users_role ON auth_users(role, id);
)sql";

}  // namespace kaigo::store::schema::views
