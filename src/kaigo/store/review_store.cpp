#include "kaigo/store/review_store.hpp"

#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "kaigo/billing/keys.hpp"
#include "kaigo/core/error_codes.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/store/detail/claim_sql.hpp"
#include "kaigo/store/detail/decision_rows.hpp"
#include "kaigo/store/detail/read_ahead.hpp"
#include "kaigo/store/detail/review_writer.hpp"
#include "kaigo/store/kago_store.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/statement_key_columns.hpp"
#include "kaigo/store/detail/stored_documents.hpp"

namespace kaigo::store {
namespace {

using review::ClaimOutcome;
using review::PlanOutcome;

constexpr std::string_view kPlanData = "821";
constexpr std::uint64_t kOrderShift = 24;  // order = submission id × 2^24 + document index

// The 事前チェック errors of each document of a file, as review findings (返戻一覧 事由 A).
class ReceptionFindings {
 public:
  ReceptionFindings(Connection& c, std::int64_t submission) {
    auto flagged = c.prepare("SELECT doc_key FROM submission_documents WHERE submission_id = ? AND has_errors = 1");
    flagged.bind(1, submission);
    while (flagged.step()) flagged_.insert(stored_key(flagged.text(0)));
    // A re-sent document (ANN2 / ANN0) is not returned here: the review finds the duplicate itself
    // and keeps the first accepted copy.
    auto rows = c.prepare(
        "SELECT document_key, code, service_type, item_name, value FROM submission_errors WHERE submission_id = ? "
        "AND level = 'format' AND document_key <> '' AND code NOT IN ('ANN2', 'ANN0') ORDER BY seq");
    rows.bind(1, submission);
    while (rows.step()) {
      review::Finding f;
      f.kind = review::FindingKind::Error;
      f.code = rows.text(1);
      f.list_reason = 'A';
      f.service_type = rows.text(2);
      f.item = rows.text(3);
      f.found = rows.text(4);
      if (const auto* t = find_error_code(f.code)) {
        f.message_ja = t->title_ja;
        f.message_en = t->title_en;
      } else {
        f.message_ja = "事前チェックエラー";
        f.message_en = "pre-check error";
      }
      by_key_[stored_key(rows.text(0))].push_back(std::move(f));
    }
  }

  // `key` as the reader gives it (the file's bytes); reception stored its printable form.
  std::vector<review::Finding> of(const exchange::DocumentKey& key) const {
    if (flagged_.empty()) return {};
    if (!key.is_ascii()) return of_stored(key.printable());
    return of_stored(key);
  }

 private:
  std::vector<review::Finding> of_stored(const exchange::DocumentKey& key) const {
    if (!flagged_.count(key)) return {};
    auto it = by_key_.find(key);
    return it == by_key_.end() ? std::vector<review::Finding>{} : it->second;
  }

  std::unordered_set<exchange::DocumentKey, exchange::DocumentKeyHash> flagged_;
  std::unordered_map<exchange::DocumentKey, std::vector<review::Finding>, exchange::DocumentKeyHash> by_key_;
};

std::vector<std::int64_t> sent_files(Connection& c, YearMonth month, bool plans, std::string_view sent) {
  auto st =
      c.prepare(fmt::format("SELECT s.id FROM submissions s WHERE s.processing_month = ? AND {} AND "
                            "s.data_type {} '{}' ORDER BY s.id",
                            sent, plans ? "=" : "<>", kPlanData));
  st.bind(1, month.str());
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.integer(0));
  return ids;
}

}  // namespace

// ---- the month's documents ------------------------------------------------------------------------

namespace {

// The order of a file's documents as the review takes them: the file's id × 2^24 + their count.
struct Order {
  std::int64_t submission = 0;
  std::uint64_t base = 0;
  std::uint64_t count = 0;
  static Order of_file(std::int64_t submission) {
    return {submission, static_cast<std::uint64_t>(submission) << kOrderShift};
  }
  std::uint64_t next() { return base + ++count; }
};

// fn(d, findings, order) for every document of the month's sent files of plans (or of the other
// files), file by file in their order.
template <class Fn>
void each_sent_document(Database& db, YearMonth month, bool plans, std::string_view sent, Fn&& fn) {
  auto& c = db.connection();
  for (auto submission : sent_files(c, month, plans, sent)) {
    const ReceptionFindings findings(c, submission);
    auto order = Order::of_file(submission);
    read_stored(db, submission, [&](const exchange::Document& d) { fn(d, findings, order); });
  }
}

}  // namespace

void ReviewStore::for_each_plan(YearMonth month, const PlanFn& fn) {
  each_sent_document(db_, month, true, sent_, [&](const exchange::Document& d, const ReceptionFindings& findings, Order& order) {
    if (d.form->family != exchange::Family::Plan) return;
    fn(review::SubmittedPlan{plan_id(order.submission, d.key), order.next(), documents::to_plan(d)}, findings.of(d.key));
  });
}

// Each file's 明細書 are read, parsed and made into statements on a thread and a connection of
// their own, two files ahead, while this thread decides the file before: deciding is the review's
// critical path (it saved 0.06 s of the compare.sh month's ~2 s; docs/performance.md).
void ReviewStore::for_each_claim(YearMonth month, const ClaimFn& fn) {
  using Claims = std::vector<std::pair<review::SubmittedClaim, std::vector<review::Finding>>>;
  const auto files = sent_files(db_.connection(), month, false, sent_);
  if (files.empty()) return;
  auto own = Database::open(db_.file());
  read_ahead(
      files.size(), 2,
      [&](std::size_t i) {
        const auto submission = files[i];
        const ReceptionFindings findings(own->connection(), submission);
        auto order = Order::of_file(submission);
        Claims claims;
        parse_stored(submission, own->bytes(submission), [&](const exchange::Document& d) {
          auto copies = claims_of(d);
          for (std::size_t k = 0; k < copies.size(); ++k) {
            claims.emplace_back(
                review::SubmittedClaim{claim_id(order.submission, d.key, k + 1), order.next(), std::move(copies[k])},
                findings.of(d.key));
          }
        });
        return claims;
      },
      [&](Claims&& claims) {
        for (std::size_t i = 0; i < claims.size(); ++i) {
          const review::SubmittedClaim* next = i + 1 < claims.size() ? &claims[i + 1].first : nullptr;
          fn(std::move(claims[i].first), std::move(claims[i].second), next);
        }
      });
}

std::size_t ReviewStore::claims_expected(YearMonth month) {
  auto st = db_.connection().prepare(
      fmt::format("SELECT COALESCE(SUM(s.statements), 0) FROM submissions s WHERE s.processing_month = ? AND {} AND "
                  "s.data_type <> '{}'",
                  sent_, kPlanData));
  st.bind(1, month.str());
  return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

// ---- history ------------------------------------------------------------------------------------

std::vector<YearMonth> ReviewStore::later_reviewed_months(YearMonth month) {
  auto st = db_.connection().prepare("SELECT month FROM review_months WHERE month > ? ORDER BY month");
  st.bind(1, month.str());
  std::vector<YearMonth> out;
  while (st.step()) {
    if (auto m = YearMonth::parse(st.text(0))) out.push_back(*m);
  }
  return out;
}

namespace {

// What earlier months left, read from `db`; `sent` is the SQL condition on submissions s of the
// month's files.
review::History read_history(Database& db, YearMonth month, const std::string& sent) {
  auto& c = db.connection();
  review::History h;
  std::string prev;
  {
    auto st = c.prepare("SELECT MAX(month) FROM review_months WHERE month < ?");
    st.bind(1, month.str());
    if (st.step() && !st.is_null(0)) prev = st.text(0);
  }

  // 明細書 held at the end of the previous review month.
  std::vector<StoredRef> held_refs;
  std::vector<std::pair<std::string, std::uint64_t>> held_ids;  // claim id, order
  std::vector<YearMonth> held_since;
  {
    auto st = c.prepare("SELECT h.claim_id, h.order_no, h.held_since FROM claim_decisions h WHERE " +
                        held_in_month("h", "?1") + " ORDER BY h.order_no");
    st.bind(1, prev);
    while (st.step()) {
      held_ids.emplace_back(st.text(0), static_cast<std::uint64_t>(st.integer(1)));
      held_refs.push_back(stored_claim(held_ids.back().first));
      held_since.push_back(YearMonth::parse(st.text(2)).value_or(month));
    }
  }
  h.held.resize(held_refs.size());
  for_each_stored(db, held_refs, [&](std::size_t i, const exchange::Document& d) {
    auto copies = claims_of(d);
    if (held_refs[i].copy - 1 >= copies.size()) return;
    h.held[i] = {{held_ids[i].first, held_ids[i].second, std::move(copies[held_refs[i].copy - 1])}, held_since[i]};
  });

  // 明細書 decided earlier whose key comes again this month (ANN4, ANNM), or whose 給付管理票 does.
  {
    auto st = c.prepare(
        "SELECT cd.claim_id, cd.month, " + statement_key_columns("cd") + ", "
        "cd.outcome, cd.packed_rows FROM claim_decisions cd WHERE cd.month < ?1 AND cd.outcome IN ('paid', 'cut') AND "
        "cd.id IN "
        "(SELECT c2.id FROM submission_documents d JOIN submissions s ON s.id = d.submission_id JOIN claim_decisions "
        "c2 ON " + same_claim("d", "c2") + " WHERE s.processing_month = ?1 AND " + sent + " "
        // … and every 明細書 of the person-month of a 給付管理票 of this month (its 修正 re-reviews
        // them, its 取消 withdraws them).
        "UNION SELECT c3.id FROM submission_documents d JOIN submissions s ON s.id = d.submission_id JOIN "
        "claim_decisions c3 ON c3.insured_no = d.insured_no AND c3.service_month = d.service_month WHERE "
        "s.processing_month = ?1 AND " + sent + " AND d.code = '8222') "
        // A decision withdrawn by a 過誤 processed after it (and before this month) no longer stands.
        "AND NOT EXISTS (SELECT 1 FROM kago_requests k WHERE k.month > cd.month AND k.month < ?1 AND k.form_id = "
        "cd.form_id AND k.office_no = cd.office_no AND " + normalized_insurer("k.insurer_no") + " = cd.insurer_no AND k.insured_no = "
        "cd.insured_no AND k.service_month = cd.service_month) "
        // … or by the 取消 of its 給付管理票 (as kaigo results applied it).
        "AND NOT EXISTS (SELECT 1 FROM claim_withdrawals w WHERE w.claim_id = cd.claim_id AND w.month < ?1) "
        // Only the decision in force: a 再審査 of a later month replaces the one it re-decided.
        "AND NOT EXISTS (SELECT 1 FROM claim_decisions later WHERE later.submission_id = cd.submission_id AND later.claim_id = "
        "cd.claim_id AND later.month < ?1 AND later.outcome IN ('paid', 'cut') AND (later.month > cd.month OR "
        "(later.month = cd.month AND later.id > cd.id))) ORDER BY cd.month, cd.order_no");
    st.bind(1, month.str());
    review::ClaimDecision rows;
    while (st.step()) {
      review::DecidedClaim d;
      d.id = st.text(0);
      d.review_month = YearMonth::parse(st.text(1)).value_or(month);
      d.key = statement_key_at(st, 2);
      d.cut = st.text(7) == "cut";
      unpack_rows(st.blob(8), rows);
      for (const auto& r : rows.rows) {
        if (r.cut == review::CutReason::NotOnPlan) d.zero_assessed_types.push_back(r.service_type);
      }
      h.decided.push_back(std::move(d));
    }
  }

  // 過誤 of this month (ANN7 unless 同月過誤).
  for (const auto& k : kago_of(db, month)) {
    h.withdrawals.push_back({k.key, k.same_month});
  }

  // 給付管理票 in force for the people and months this month concerns.
  std::vector<StoredRef> plan_refs;
  std::vector<std::pair<std::string, YearMonth>> plan_meta;  // id, review month
  {
    // The person-months of the month's documents and of last month's held 明細書, each looked up in
    // plan_decisions by person (CROSS JOIN keeps that order: the month's files are read in key order,
    // never all the plans of earlier months).
    auto st = c.prepare(
        "WITH people(insured_no, service_month) AS (SELECT d.insured_no, d.service_month FROM submissions s JOIN "
        "submission_documents d ON d.submission_id = s.id WHERE s.processing_month = ?1 AND " + sent + " UNION "
        "SELECT c.insured_no, c.service_month FROM claim_decisions c WHERE " + held_in_month("c", "?2") + ") "
        "SELECT p.plan_id, p.month, p.outcome, p.insurer_no, p.insured_no, p.service_month FROM people CROSS JOIN "
        "plan_decisions p ON p.insured_no = people.insured_no AND p.service_month = people.service_month WHERE "
        "p.month < ?1 AND p.outcome IN ('registered', 'replaced', 'withdrawn') ORDER BY p.month, p.order_no");
    st.bind(1, month.str()).bind(2, prev);
    std::map<billing::PersonMonthKey, std::size_t> last;  // → index in plan_refs, or npos when withdrawn
    while (st.step()) {
      auto person = billing::PersonMonthKey::of(st.text(3), st.text(4), YearMonth::parse(st.text(5)).value_or(month));
      if (!person) continue;  // never stored: plan_decisions hold the keys of read documents
      if (st.text(2) == "withdrawn") {
        last[*person] = std::string::npos;
        continue;
      }
      last[*person] = plan_refs.size();
      plan_refs.push_back(stored_plan(st.text(0)));
      plan_meta.emplace_back(st.text(0), YearMonth::parse(st.text(1)).value_or(month));
    }
    std::vector<StoredRef> in_force;
    std::vector<std::pair<std::string, YearMonth>> meta;
    for (const auto& [person, i] : last) {
      if (i == std::string::npos) continue;
      in_force.push_back(plan_refs[i]);
      meta.push_back(plan_meta[i]);
    }
    plan_refs = std::move(in_force);
    plan_meta = std::move(meta);
  }
  h.plans.resize(plan_refs.size());
  for_each_stored(db, plan_refs, [&](std::size_t i, const exchange::Document& d) {
    h.plans[i] = {plan_meta[i].first, plan_meta[i].second, documents::to_plan(d)};
  });
  return h;
}

}  // namespace

review::History ReviewStore::history(YearMonth month) {
  if (history_month_ == month && history_ahead_.valid()) return history_ahead_.get();
  return history_on_own_connection(month);
}

void ReviewStore::read_history_ahead(YearMonth month) {
  history_month_ = month;
  history_ahead_ = std::async(std::launch::async, [this, month] { return history_on_own_connection(month); });
}

review::History ReviewStore::history_on_own_connection(YearMonth month) const {
  // On a connection of its own: run_month reads the history on another thread while this store's
  // connection reads the month's 給付管理票 (the history reads only earlier months' decisions, which
  // begin() does not touch).
  auto own = Database::open(db_.file());
  return read_history(*own, month, sent_);
}

// ---- decisions ----------------------------------------------------------------------------------

// Decisions go to a ReviewWriter (a thread and a connection of their own; committed in batches). A
// reader never mistakes a half-written month for a decided one: the month is 審査中 until commit(),
// which marks it after the last batch, and settlement and the pages read decisions only of months
// that are 審査済 or 支払済.
constexpr std::size_t kBatchDeletes = 8000;

ReviewStore::ReviewStore(Database& db, const LocalDateTime& now, MonthFiles files)
    : db_(db),
      now_(now),
      sent_(files == MonthFiles::Sent ? "s.state = 'sent'" : "s.state IN ('sent', 'accepted', 'format_errors')") {}
ReviewStore::~ReviewStore() = default;

void ReviewStore::begin(YearMonth month) {
  month_ = month;
  auto& c = db_.connection();
  // An earlier run's decisions go, a batch at a time. The month's 再審査 decisions and 過誤 applied
  // go too: a month reviewed again is settled again.
  const auto m = month.str();
  auto gone = [&](const std::string& sql) {
    for (;;) {
      Transaction tx(c);
      c.prepare(sql).bind(1, m).run();
      auto n = c.changes();
      tx.commit();
      if (n == 0) break;
    }
  };
  for (const char* table : {"claim_decisions", "plan_decisions", "plan_links", "decision_findings", "claim_withdrawals", "review_months"}) {
    gone(fmt::format("DELETE FROM {} WHERE rowid IN (SELECT rowid FROM {} WHERE month = ? LIMIT {})", table, table,
                     kBatchDeletes));
  }
  writer_ = std::make_unique<ReviewWriter>(c, m);
}

void ReviewStore::plan(const review::SubmittedPlan& p, review::PlanDecision d) {
  writer_->plan({p.id, p.order, p.plan.insurer_no, p.plan.insured_no, p.plan.service_month, p.plan.support_office_no,
                 p.plan.create_kind},
                std::move(d));
}

void ReviewStore::claim(const review::SubmittedClaim& c, review::ClaimDecision d) {
  writer_->claim(c.statement.key, std::move(d));
}

void ReviewStore::commit() {
  writer_->finish();
  writer_.reset();
  auto& c = db_.connection();
  Transaction tx(c);
  c.prepare("INSERT INTO review_months(month, started_at, finished_at) VALUES (?, ?, ?)")
      .bind(1, month_.str())
      .bind(2, now_.str())
      .bind(3, now_jst().str())
      .run();
  if (on_last_batch_) on_last_batch_();
  tx.commit();
}

}  // namespace kaigo::store
