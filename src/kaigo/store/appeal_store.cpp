#include "kaigo/store/appeal_store.hpp"

#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/statement_key_columns.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {

void store_appeals(Database& db, YearMonth month, const std::string& file_name,
                   std::span<const settlement::RereviewAppeal> appeals, const LocalDateTime& at) {
  auto& c = db.connection();
  Transaction tx(c);
  c.prepare("DELETE FROM rereview_appeals WHERE month = ? AND file_name = ?").bind(1, month.str()).bind(2, file_name).run();
  auto st = c.prepare("INSERT INTO rereview_appeals(month, file_name, line, filed_on, applicant, " +
                      statement_key_columns() +
                      ", service_type, service_item, requested_units, appeal_code, reason_name, decision, "
                      "decided_units, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& a : appeals) {
    st.bind(1, month.str()).bind(2, file_name).bind(3, static_cast<std::int64_t>(a.line)).bind(4, a.filed_on.str());
    st.bind(5, settlement::kApplicants.code(a.applicant));
    bind_statement_key(st, 6, a.key);
    st.bind(11, a.service_type).bind(12, a.service_item).bind(13, a.requested.value).bind(14, a.appeal_code);
    st.bind(15, a.reason_name).bind(16, settlement::kAppealDecisions.code(a.decision));
    if (a.decided) st.bind(17, a.decided->value);
    else st.bind_null(17);
    st.bind(18, at.str()).run();
  }
  tx.commit();
}

std::vector<StoredAppeal> appeals_of(Database& db, YearMonth month) {
  const auto sql = "SELECT file_name, line, filed_on, applicant, " + statement_key_columns() +
                   ", service_type, service_item, requested_units, appeal_code, reason_name, decision, decided_units "
                   "FROM rereview_appeals WHERE month = ? ORDER BY file_name, line";
  return db.connection().prepare(sql).bind(1, month.str()).rows([](const Statement& st) {
    StoredAppeal s;
    s.file_name = st.text(0);
    auto& a = s.appeal;
    a.line = static_cast<std::uint64_t>(st.integer(1));
    a.filed_on = day(st.text(2));
    a.applicant = settlement::kApplicants.parse(st.text(3)).value_or(settlement::Applicant::Office);
    a.key = statement_key_at(st, 4);
    a.service_type = st.text(9);
    a.service_item = st.text(10);
    a.requested = Units{st.integer(11)};
    a.appeal_code = st.text(12);
    a.reason_name = st.text(13);
    a.decision = settlement::kAppealDecisions.parse(st.text(14)).value_or(settlement::AppealDecision::Upheld);
    if (!st.is_null(15)) a.decided = Units{st.integer(15)};
    return s;
  });
}

}  // namespace kaigo::store
