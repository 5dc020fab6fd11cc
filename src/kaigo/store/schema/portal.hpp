// store/schema/portal — the tables of the portal module: 助成金 applications with their receipt
// lines, every state change, and the decision as decided (the steps of the computation and the
// reasons, so that a notice printed later shows the figures in force); and the KJ-ID letters issued
// to offices that claim on media (never the passwords: those are only printed).
// Must not: be used outside the store module.
#pragma once
#include <string_view>

namespace kaigo::store::schema::portal {

inline constexpr std::string_view kSchema = R"sql(
-- 助成金申請: one row per application; state is the last row of subsidy_states.
CREATE TABLE IF NOT EXISTS subsidy_applications (
  id INTEGER PRIMARY KEY,
  scheme TEXT NOT NULL,
  program TEXT NOT NULL,            -- office / medical
  applicant_no TEXT NOT NULL,       -- 事業所番号 / 医療機関コード
  applicant_name TEXT NOT NULL,
  services TEXT NOT NULL,           -- サービス種類コード, comma separated (office)
  facility TEXT NOT NULL,           -- office / hospital / clinic
  beds INTEGER NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL,
  state TEXT NOT NULL,
  decision_month TEXT NOT NULL,
  payment_month TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '', -- granted / nothing / returned, once decided
  amount INTEGER NOT NULL DEFAULT 0,
  paid_on TEXT NOT NULL DEFAULT '',
  paid_amount INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS subsidy_applications_applicant ON subsidy_applications(applicant_no, scheme, state);
CREATE INDEX IF NOT EXISTS subsidy_applications_state ON subsidy_applications(state, decision_month);
-- 領収書の明細 as entered.
CREATE TABLE IF NOT EXISTS subsidy_lines (
  application_id INTEGER NOT NULL REFERENCES subsidy_applications(id),
  seq INTEGER NOT NULL,
  receipt INTEGER NOT NULL,
  issued_on TEXT NOT NULL,
  done_on TEXT NOT NULL,            -- '' = the 発行日
  purpose TEXT NOT NULL,
  count INTEGER,                    -- NULL = not given apart from the text
  amount INTEGER NOT NULL,
  net INTEGER,
  tax INTEGER,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS subsidy_states (
  application_id INTEGER NOT NULL REFERENCES subsidy_applications(id),
  seq INTEGER NOT NULL,
  state TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;
-- The decision's computation, step by step, and its reasons.
CREATE TABLE IF NOT EXISTS subsidy_steps (
  application_id INTEGER NOT NULL REFERENCES subsidy_applications(id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  label_ja TEXT NOT NULL,
  label_en TEXT NOT NULL,
  formula TEXT NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS subsidy_findings (
  application_id INTEGER NOT NULL REFERENCES subsidy_applications(id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  effect TEXT NOT NULL,             -- return / exclude / note
  line INTEGER NOT NULL,
  rule TEXT NOT NULL,
  message_ja TEXT NOT NULL,
  message_en TEXT NOT NULL,
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;
-- 電子請求登録結果に関するお知らせ: which office got which KJ user ID in which batch.
CREATE TABLE IF NOT EXISTS portal_letters (
  id INTEGER PRIMARY KEY,
  batch TEXT NOT NULL,
  office_no TEXT NOT NULL,
  user_id TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS portal_letters_office ON portal_letters(office_no);
)sql";

}  // namespace kaigo::store::schema::portal
