// store/months — the processing months half of reception::Repository: each month's state and its
// history of moves, and the one review or settlement job running.
#include <fmt/format.h>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {
namespace {

using reception::MonthRecord;
using reception::MonthState;

MonthRecord record_of(Statement& st) {
  MonthRecord r;
  r.month = YearMonth::parse(st.text(0)).value_or(YearMonth{});
  auto state = parse_enum<reception::MonthState>(st.text(1));
  if (!state) throw StoreError(fmt::format("不明な処理年月の状態 / unknown month state {} ({})", st.text(1), st.text(0)));
  r.state = *state;
  r.since = moment(st.text(2));
  r.note = st.text(3);
  return r;
}

}  // namespace

MonthRecord Database::month(YearMonth month) {
  auto st = conn_->prepare("SELECT month, state, since, note FROM months WHERE month = ?");
  st.bind(1, month.str());
  if (st.step()) return record_of(st);
  MonthRecord open;
  open.month = month;
  return open;
}

std::vector<MonthRecord> Database::months() {
  // Months with files but never moved are open; they are listed too.
  auto st = conn_->prepare(
      "SELECT month, state, since, note FROM months UNION ALL "
      "SELECT DISTINCT processing_month, 'open', MIN(received_at), '' FROM submissions "
      "WHERE processing_month IS NOT NULL AND processing_month NOT IN (SELECT month FROM months) "
      "GROUP BY processing_month ORDER BY 1");
  std::vector<MonthRecord> out;
  while (st.step()) out.push_back(record_of(st));
  return out;
}

std::optional<MonthRecord> Database::later_month_not_open(YearMonth month) {
  auto st = conn_->prepare(
      "SELECT month, state, since, note FROM months WHERE month > ? AND state <> 'open' ORDER BY month LIMIT 1");
  st.bind(1, month.str());
  if (st.step()) return record_of(st);
  return std::nullopt;
}

std::vector<YearMonth> Database::earlier_open_months(YearMonth month) {
  auto st = conn_->prepare(
      "SELECT month FROM months WHERE month < ?1 AND state = 'open' UNION "
      "SELECT DISTINCT processing_month FROM submissions WHERE processing_month < ?1 AND processing_month NOT IN "
      "(SELECT month FROM months) ORDER BY 1");
  st.bind(1, month.str());
  std::vector<YearMonth> out;
  while (st.step()) {
    if (auto m = YearMonth::parse(st.text(0))) out.push_back(*m);
  }
  return out;
}

void Database::move_month(YearMonth month, MonthState to, const LocalDateTime& at, std::string_view note) {
  Transaction tx(*conn_);
  auto from = this->month(month).state;
  if (!reception::can_move(from, to)) {
    throw StoreError(fmt::format("処理年月 {} を「{}」から「{}」にはできません / month {} cannot move from {} to {}",
                                 month.str(), enum_ja(from), enum_ja(to),
                                 month.str(), enum_code(from), enum_code(to)));
  }
  conn_->prepare("INSERT OR REPLACE INTO months(month, state, since, note) VALUES (?, ?, ?, ?)")
      .bind(1, month.str())
      .bind(2, enum_code(to))
      .bind(3, at.str())
      .bind(4, note)
      .run();
  conn_
      ->prepare(
          "INSERT INTO month_states(month, seq, state, at, note) VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM "
          "month_states WHERE month = ?1), ?2, ?3, ?4)")
      .bind(1, month.str())
      .bind(2, enum_code(to))
      .bind(3, at.str())
      .bind(4, note)
      .run();
  tx.commit();
}

std::optional<reception::MonthJob> Database::month_job() {
  auto st = conn_->prepare("SELECT kind, month, owner, started_at FROM month_job WHERE id = 1");
  if (!st.step()) return std::nullopt;
  return reception::MonthJob{st.text(0), YearMonth::parse(st.text(1)).value_or(YearMonth{}), st.text(2),
                             moment(st.text(3))};
}

void Database::set_month_job(const std::optional<reception::MonthJob>& job) {
  Transaction tx(*conn_);
  conn_->exec("DELETE FROM month_job");
  if (job) {
    conn_->prepare("INSERT INTO month_job(id, kind, month, owner, started_at) VALUES (1, ?, ?, ?, ?)")
        .bind(1, job->kind)
        .bind(2, job->month.str())
        .bind(3, job->owner)
        .bind(4, job->started_at.str())
        .run();
  }
  tx.commit();
}

}  // namespace kaigo::store
