#include "kaigo/store/appeal_store.hpp"

#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {

void store_appeals(Database& db, YearMonth month, const std::string& file_name,
                   std::span<const settlement::RereviewAppeal> appeals, const LocalDateTime& at) {
  auto& c = db.connection();
  Transaction tx(c);
  c.prepare("DELETE FROM rereview_appeals WHERE month = ? AND file_name = ?").bind(1, month.str()).bind(2, file_name).run();
  auto st = c.prepare(
      "INSERT INTO rereview_appeals(month, file_name, line, filed_on, applicant, office_no, insurer_no, insured_no, "
      "service_month, service_type, service_item, requested_units, appeal_code, reason_name, form_id, decision, "
      "decided_units, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& a : appeals) {
    st.bind(1, month.str()).bind(2, file_name).bind(3, static_cast<std::int64_t>(a.line)).bind(4, a.filed_on.str());
    st.bind(5, settlement::kApplicants.code(a.applicant)).bind(6, a.key.office_no).bind(7, a.key.insurer_no);
    st.bind(8, a.key.insured_no).bind(9, a.key.service_month.str()).bind(10, a.service_type).bind(11, a.service_item);
    st.bind(12, a.requested.value).bind(13, a.appeal_code).bind(14, a.reason_name).bind(15, a.key.form_id);
    st.bind(16, settlement::kAppealDecisions.code(a.decision));
    if (a.decided) st.bind(17, a.decided->value);
    else st.bind_null(17);
    st.bind(18, at.str()).run();
  }
  tx.commit();
}

std::vector<StoredAppeal> appeals_of(Database& db, YearMonth month) {
  constexpr std::string_view kSql =
      "SELECT file_name, line, filed_on, applicant, office_no, insurer_no, insured_no, service_month, service_type, "
      "service_item, requested_units, appeal_code, reason_name, form_id, decision, decided_units FROM "
      "rereview_appeals WHERE month = ? ORDER BY file_name, line";
  return db.connection().prepare(kSql).bind(1, month.str()).rows([](const Statement& st) {
    StoredAppeal s;
    s.file_name = st.text(0);
    auto& a = s.appeal;
    a.line = static_cast<std::uint64_t>(st.integer(1));
    a.filed_on = day(st.text(2));
    a.applicant = settlement::kApplicants.parse(st.text(3)).value_or(settlement::Applicant::Office);
    a.key.office_no = st.text(4);
    a.key.insurer_no = st.text(5);
    a.key.insured_no = st.text(6);
    a.key.service_month = YearMonth::parse(st.text(7)).value_or(YearMonth{});
    a.service_type = st.text(8);
    a.service_item = st.text(9);
    a.requested = Units{st.integer(10)};
    a.appeal_code = st.text(11);
    a.reason_name = st.text(12);
    a.key.form_id = st.text(13);
    a.decision = settlement::kAppealDecisions.parse(st.text(14)).value_or(settlement::AppealDecision::Upheld);
    if (!st.is_null(15)) a.decided = Units{st.integer(15)};
    return s;
  });
}

}  // namespace kaigo::store
