#include "kaigo/store/view_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <variant>

#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/detail/claim_sql.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/submission_rows.hpp"

namespace kaigo::store {
namespace {

// A WHERE clause built from optional conditions, each with its bound value.
class Where {
 public:
  void add(std::string_view clause, std::variant<std::string, std::int64_t> value) {
    sql_ += fmt::format(" AND {} ?{}", clause, values_.size() + 1);
    values_.push_back(std::move(value));
  }
  // A condition whose text names the value more than once ("(a = ?N OR b = ?N)"): {} is the number.
  void add_repeated(std::string_view clause_with_placeholder, std::string value) {
    sql_ += " AND " + fmt::format(fmt::runtime(clause_with_placeholder), values_.size() + 1);
    values_.push_back(std::move(value));
  }
  const std::string& sql() const { return sql_; }
  int next() const { return static_cast<int>(values_.size()) + 1; }
  void bind(Statement& st) const {
    for (std::size_t i = 0; i < values_.size(); ++i) {
      const int n = static_cast<int>(i + 1);
      if (const auto* s = std::get_if<std::string>(&values_[i])) {
        st.bind(n, *s);
      } else {
        st.bind(n, std::get<std::int64_t>(values_[i]));
      }
    }
  }

 private:
  std::string sql_ = "1 = 1";
  std::vector<std::variant<std::string, std::int64_t>> values_;
};

std::int64_t count_of(Connection& c, const std::string& sql, const Where& w) {
  auto st = c.prepare(sql);
  w.bind(st);
  return st.step() ? st.integer(0) : 0;
}

// One page of `SELECT columns FROM table WHERE w ORDER BY order`; `total` gets the count of all the
// rows that match.
Statement page_query(Connection& c, std::string_view columns, std::string_view table, const Where& w,
                     std::string_view order, const PageRequest& p, std::int64_t& total) {
  total = count_of(c, fmt::format("SELECT COUNT(*) FROM {} WHERE {}", table, w.sql()), w);
  auto st = c.prepare(fmt::format("SELECT {} FROM {} WHERE {} ORDER BY {} LIMIT ?{} OFFSET ?{}", columns, table,
                                  w.sql(), order, w.next(), w.next() + 1));
  w.bind(st);
  st.bind(w.next(), p.limit).bind(w.next() + 1, p.offset);
  return st;
}

// The column an error list may be sorted by (a closed list: never text from the request).
std::string_view error_sort_column(std::string_view requested) {
  static const std::map<std::string_view, std::string_view> kSortable{
      {"code", "code"},           {"form_kind", "form_kind"},   {"service_month", "service_month"},
      {"service_type", "service_type"}, {"insurer_no", "insurer_no"}, {"insured_no", "insured_no"},
      {"item_name", "item_name"}, {"value", "value"},           {"line", "line"}};
  auto it = kSortable.find(requested);
  return it == kSortable.end() ? std::string_view("seq") : it->second;
}

// Findings of one document of a month, in their order.
std::vector<FindingRow> findings_of(Statement& st, const std::string& month, const std::string& doc_id) {
  st.bind(1, month).bind(2, doc_id);
  std::vector<FindingRow> out;
  while (st.step()) {
    out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.text(7),
                   st.text(8), st.text(9)});
  }
  st.reset();
  return out;
}

constexpr std::string_view kFindingsSql =
    "SELECT kind, code, list_reason, cut, service_type, item, found, expected, message_ja, message_en "
    "FROM decision_findings WHERE month = ?1 AND doc_id = ?2 ORDER BY seq";

// The conditions of a decision query on claim (or, with `plans`, plan) decisions.
Where decision_where(const DecisionQuery& q, bool plans) {
  Where w;
  if (q.month) w.add("month =", q.month->str());
  if (!q.office_no.empty()) w.add(plans ? "support_office_no =" : "office_no =", q.office_no);
  if (!q.insured_no.empty()) w.add("insured_no =", q.insured_no);
  if (!q.insurer_no.empty()) w.add("insurer_no =", q.insurer_no);
  if (q.submission) w.add("submission_id =", *q.submission);
  if (!q.outcome.empty()) w.add("outcome =", q.outcome);
  return w;
}

// One page of claim (or, with `plans`, plan) decisions, newest first, each row made by `read` from
// the SELECT of `columns` and given the findings of its document (`doc_id`).
template <class Row, class Read>
RowPage<Row> decision_page(Connection& c, const DecisionQuery& q, bool plans, std::string_view columns, Read read,
                           const std::string Row::*doc_id) {
  ReadTransaction transaction(c);
  const auto w = decision_where(q, plans);
  RowPage<Row> page;
  auto st = page_query(c, columns, plans ? "plan_decisions" : "claim_decisions", w, "id DESC", q.page, page.total);
  while (st.step()) page.rows.push_back(read(st));
  auto findings = c.prepare(kFindingsSql);
  for (auto& r : page.rows) r.findings = findings_of(findings, r.month, r.*doc_id);
  return page;
}

}  // namespace

// ---- one file -----------------------------------------------------------------------------------

std::optional<reception::Submission> ViewStore::submission_head(std::int64_t id) {
  auto st = db_.connection().prepare(fmt::format("SELECT {} FROM submissions WHERE id = ?", kSubmissionColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return submission_at(st, 0);
}

ErrorPage ViewStore::errors(std::int64_t submission, const ErrorQuery& q) {
  auto& c = db_.connection();
  ReadTransaction read(c);
  Where w;
  w.add("submission_id =", submission);
  if (!q.code.empty()) w.add("code =", q.code);
  if (!q.text.empty()) {
    w.add_repeated(
        "(instr(insured_no, ?{0}) > 0 OR instr(insurer_no, ?{0}) > 0 OR instr(item_name, ?{0}) > 0 OR "
        "instr(value, ?{0}) > 0 OR instr(message_ja, ?{0}) > 0)",
        q.text);
  }
  ErrorPage page;
  const auto order = fmt::format("{} {}, seq", error_sort_column(q.sort), q.descending ? "DESC" : "ASC");
  auto st = page_query(c, fmt::format("seq, {}", kErrorColumns), "submission_errors", w, order, q.page, page.total);
  while (st.step()) {
    page.rows.emplace_back(st.integer(0), error_at(st, 1));
  }
  auto codes = c.prepare(
      "SELECT code, COUNT(*) FROM submission_errors WHERE submission_id = ? GROUP BY code ORDER BY code");
  codes.bind(1, submission);
  while (codes.step()) {
    page.codes.push_back({codes.text(0), codes.integer(1)});
    page.file_total += codes.integer(1);
  }
  return page;
}

// ---- decisions ----------------------------------------------------------------------------------

RowPage<ClaimDecisionRow> ViewStore::claim_decisions(const DecisionQuery& q) {
  constexpr std::string_view kColumns =
      "month, claim_id, kind, submission_id, outcome, released, held_since, form_id, office_no, insurer_no, "
      "insured_no, service_month, written_units, written_claim, written_burden, decided_units, decided_claim, "
      "decided_burden";
  auto read = [](const Statement& st) {
    ClaimDecisionRow r;
    r.month = st.text(0);
    r.claim_id = st.text(1);
    r.kind = st.text(2);
    r.submission = st.integer(3);
    r.outcome = st.text(4);
    r.released = st.integer(5) != 0;
    r.held_since = st.text(6);
    r.form_id = st.text(7);
    r.office_no = st.text(8);
    r.insurer_no = st.text(9);
    r.insured_no = st.text(10);
    r.service_month = st.text(11);
    r.written_units = st.integer(12);
    r.written_claim = st.integer(13);
    r.written_burden = st.integer(14);
    r.decided_units = st.integer(15);
    r.decided_claim = st.integer(16);
    r.decided_burden = st.integer(17);
    return r;
  };
  return decision_page(db_.connection(), q, false, kColumns, read, &ClaimDecisionRow::claim_id);
}

RowPage<PlanDecisionRow> ViewStore::plan_decisions(const DecisionQuery& q) {
  constexpr std::string_view kColumns =
      "month, plan_id, submission_id, outcome, insurer_no, insured_no, service_month, support_office_no, create_kind";
  auto read = [](const Statement& st) {
    return PlanDecisionRow{st.text(0), st.text(1), st.integer(2), st.text(3), st.text(4),
                           st.text(5), st.text(6), st.text(7), static_cast<int>(st.integer(8)), {}};
  };
  return decision_page(db_.connection(), q, true, kColumns, read, &PlanDecisionRow::plan_id);
}

namespace {

// How many rows of `table` hold `month` (a covering index whose first column is the month).
std::int64_t rows_of_month(Connection& c, std::string_view table, const std::string& month) {
  auto st = c.prepare(fmt::format("SELECT COUNT(*) FROM {} WHERE month = ?", table));
  st.bind(1, month);
  return st.step() ? st.integer(0) : 0;
}

// The month's 再審査 decisions (kaigo results), beside the review's.
std::int64_t rereview_rows(Connection& c, const std::string& month) {
  auto st = c.prepare("SELECT COUNT(*) FROM claim_decisions d WHERE d.month = ? AND " + not_review_kind("d"));
  st.bind(1, month);
  return st.step() ? st.integer(0) : 0;
}

// How many of the month's 明細書 decisions are the review's (all of them less the 再審査).
std::int64_t review_rows(Connection& c, const std::string& month) {
  return rows_of_month(c, "claim_decisions", month) - rereview_rows(c, month);
}

// `row` put among `rows`, which are in the order of their `code`.
template <class Row>
void insert_by_code(std::vector<Row>& rows, std::string Row::*code, Row row) {
  auto at = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.*code > row.*code; });
  rows.insert(at, std::move(row));
}

}  // namespace

std::vector<OutcomeTotals> ViewStore::claim_outcomes(YearMonth month, const std::string& office_no) {
  auto& c = db_.connection();
  std::vector<OutcomeTotals> out;
  if (!office_no.empty()) {
    // An office's amounts from its few hundred rows (month, office_no). INDEXED BY: without
    // statistics SQLite would take (month, kind, outcome) for its order.
    auto st = c.prepare(
        "SELECT outcome, COUNT(*), SUM(written_units), SUM(written_claim), SUM(decided_units), SUM(decided_claim) "
        "FROM claim_decisions INDEXED BY claim_decisions_office WHERE month = ?1 AND office_no = ?2 "
        "AND kind = 'review' GROUP BY outcome ORDER BY outcome");
    st.bind(1, month.str()).bind(2, office_no);
    while (st.step()) {
      out.push_back({st.text(0), st.integer(1), st.integer(2), st.integer(3), st.integer(4), st.integer(5)});
    }
    return out;
  }
  // The month's counts from covering indexes alone: each outcome but 支払 from claim_decisions_outcome,
  // 支払 as the review's decisions less those (the partial index leaves 支払 out).
  ReadTransaction read(c);
  auto st = c.prepare("SELECT d.outcome, COUNT(*) FROM claim_decisions d WHERE d.month = ?1 AND d.kind = 'review' AND " +
                      not_review_paid("d") + " GROUP BY d.outcome ORDER BY d.outcome");
  st.bind(1, month.str());
  std::int64_t paid = review_rows(c, month.str());
  while (st.step()) {
    out.push_back({st.text(0), st.integer(1), 0, 0, 0, 0});
    paid -= st.integer(1);
  }
  if (paid > 0) insert_by_code(out, &OutcomeTotals::outcome, OutcomeTotals{"paid", paid, 0, 0, 0, 0});
  return out;
}

std::vector<CodeCount> ViewStore::plan_outcomes(YearMonth month, const std::string& support_office_no) {
  auto& c = db_.connection();
  std::vector<CodeCount> out;
  if (!support_office_no.empty()) {
    auto st = c.prepare(
        "SELECT outcome, COUNT(*) FROM plan_decisions INDEXED BY plan_decisions_office WHERE month = ?1 "
        "AND support_office_no = ?2 GROUP BY outcome ORDER BY outcome");
    st.bind(1, month.str()).bind(2, support_office_no);
    while (st.step()) out.push_back({st.text(0), st.integer(1)});
    return out;
  }
  // As for the 明細書: 登録 is the month's 給付管理票 less the rest (plan_decisions_outcome leaves it out).
  ReadTransaction read(c);
  auto st = c.prepare("SELECT p.outcome, COUNT(*) FROM plan_decisions p WHERE p.month = ?1 AND " +
                      not_plan_registered("p") + " GROUP BY p.outcome ORDER BY p.outcome");
  st.bind(1, month.str());
  std::int64_t registered = rows_of_month(c, "plan_decisions", month.str());
  while (st.step()) {
    out.push_back({st.text(0), st.integer(1)});
    registered -= st.integer(1);
  }
  if (registered > 0) insert_by_code(out, &CodeCount::code, CodeCount{"registered", registered});
  return out;
}

std::vector<ReasonCount> ViewStore::reasons(YearMonth month, const std::string& office_no) {
  auto& c = db_.connection();
  std::vector<ReasonCount> out;
  if (office_no.empty()) {
    // Covering index (month, kind, code, doc_id): one pass over the month's reasons.
    auto st = c.prepare(
        "SELECT kind, code, cut, COUNT(DISTINCT doc_id) FROM decision_findings WHERE month = ? "
        "GROUP BY kind, code, cut ORDER BY kind, code, cut");
    st.bind(1, month.str());
    while (st.step()) out.push_back({st.text(0), st.text(0) == "cut" ? st.text(2) : st.text(1), st.integer(3)});
    return out;
  }
  // The office's claims (month, office_no) and plans (month, support_office_no), each reason looked
  // up by its document (the primary key month, doc_id).
  auto st = c.prepare(
      "SELECT f.kind, CASE f.kind WHEN 'cut' THEN f.cut ELSE f.code END AS reason, COUNT(DISTINCT f.doc_id) FROM ("
      "  SELECT claim_id AS doc_id FROM claim_decisions INDEXED BY claim_decisions_office"
      "  WHERE month = ?1 AND office_no = ?2 AND kind = 'review'"
      "  UNION ALL SELECT plan_id FROM plan_decisions INDEXED BY plan_decisions_office"
      "  WHERE month = ?1 AND support_office_no = ?2) d "
      "JOIN decision_findings f ON f.month = ?1 AND f.doc_id = d.doc_id GROUP BY f.kind, reason ORDER BY f.kind, reason");
  st.bind(1, month.str()).bind(2, office_no);
  while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2)});
  return out;
}

std::optional<OfficePayment> ViewStore::payment(YearMonth month, const std::string& office_no) {
  auto st = db_.connection().prepare(
      "SELECT transfer, carried_out, billed FROM office_payments WHERE month = ? AND office_no = ?");
  st.bind(1, month.str()).bind(2, office_no);
  if (!st.step()) return std::nullopt;
  return OfficePayment{st.integer(0), st.integer(1), st.integer(2)};
}

std::pair<std::int64_t, std::int64_t> ViewStore::review_progress(YearMonth month) {
  auto& c = db_.connection();
  ReadTransaction read(c);
  const std::int64_t decided = review_rows(c, month.str()) + rows_of_month(c, "plan_decisions", month.str());
  auto st = c.prepare("SELECT COALESCE(SUM(statements), 0) FROM submissions WHERE processing_month = ? AND state = ?");
  st.bind(1, month.str()).bind(2, enum_code(reception::FileState::Sent));
  const auto expected = st.step() ? st.integer(0) : 0;
  return {decided, expected};
}

// ---- the month at a glance ----------------------------------------------------------------------

std::vector<DayStateCount> ViewStore::files_by_day(YearMonth month) {
  auto st = db_.connection().prepare(
      "SELECT substr(received_at, 1, 10) AS day, state, COUNT(*) FROM submissions WHERE processing_month = ? "
      "GROUP BY day, state ORDER BY day, state");
  st.bind(1, month.str());
  std::vector<DayStateCount> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2)});
  return out;
}

std::vector<std::string> ViewStore::offices_with_files(YearMonth month) {
  auto st = db_.connection().prepare(
      "SELECT DISTINCT office_no FROM submissions WHERE processing_month = ? AND office_no <> '' "
      "AND state IN (?, ?, ?) ORDER BY office_no");
  st.bind(1, month.str());
  st.bind(2, enum_code(reception::FileState::Accepted))
      .bind(3, enum_code(reception::FileState::FormatErrors))
      .bind(4, enum_code(reception::FileState::Sent));
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

// ---- accounts, certificates, audit --------------------------------------------------------------

RowPage<AccountRow> ViewStore::accounts(const AccountQuery& q) {
  auto& c = db_.connection();
  ReadTransaction read(c);
  Where w;
  if (!q.role.empty()) w.add("role =", q.role);
  if (!q.text.empty()) {
    w.add_repeated(
        "(instr(id, ?{0}) > 0 OR instr(name, ?{0}) > 0 OR id IN (SELECT user_id FROM auth_user_offices WHERE "
        "office_no = ?{0}))",
        q.text);
  }
  RowPage<AccountRow> page;
  auto st = page_query(c, "id", "auth_users", w, "id", q.page, page.total);
  std::vector<std::string> ids;
  while (st.step()) ids.push_back(st.text(0));
  AuthStore auth(db_);
  for (const auto& id : ids) {
    auto a = auth.account(id);
    if (!a) continue;
    page.rows.push_back({a->user, a->failed_logins, a->locked_until ? a->locked_until->str() : std::string(),
                         a->disabled, a->created_at.str(), a->password_changed_at.str()});
  }
  return page;
}

RowPage<auth::CertificateRecord> ViewStore::certificates(const CertificateQuery& q) {
  auto& c = db_.connection();
  ReadTransaction read(c);
  Where w;
  if (!q.office_no.empty()) {
    w.add_repeated("serial IN (SELECT serial FROM auth_certificate_offices WHERE office_no = ?{0})", q.office_no);
  }
  RowPage<auth::CertificateRecord> page;
  auto st = page_query(c, "serial", "auth_certificates", w, "seq DESC", q.page, page.total);
  std::vector<std::string> serials;
  while (st.step()) serials.push_back(st.text(0));
  AuthStore auth(db_);
  for (const auto& s : serials) {
    if (auto r = auth.certificate(s)) page.rows.push_back(std::move(*r));
  }
  return page;
}

RowPage<auth::AuditRow> ViewStore::audit(const auth::AuditFilter& f, const PageRequest& p) {
  auto& c = db_.connection();
  ReadTransaction read(c);
  Where w;
  if (!f.insurer_no.empty()) w.add("insurer_no =", f.insurer_no);
  if (!f.insured_no.empty()) w.add("insured_no =", f.insured_no);
  if (!f.actor.empty()) w.add("actor =", f.actor);
  if (!f.action.empty()) w.add("action =", f.action);
  if (f.from) w.add("at >=", f.from->str());
  if (f.to) w.add("at <=", f.to->str());
  RowPage<auth::AuditRow> page;
  auto st = page_query(c, kAuditColumns, "audit_log", w, "seq DESC", p, page.total);
  while (st.step()) page.rows.push_back(audit_row_at(st));
  return page;
}

}  // namespace kaigo::store
