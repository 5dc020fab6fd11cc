#include "kaigo/store/fees_due.hpp"

#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {

void insert_due_fee(Connection& c, const settlement::DueFee& fee, std::string_view source, const LocalDateTime& at) {
  c.prepare("INSERT INTO fees_due(month, office_no, kind, applied_on, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, fee.month.str())
      .bind(2, fee.charge.office_no)
      .bind(3, enum_code(fee.charge.kind))
      .bind(4, fee.charge.applied_on.str())
      .bind(5, source)
      .bind(6, at.str())
      .run();
}

void add_due_fee(Database& db, const settlement::DueFee& fee, std::string_view source, const LocalDateTime& at) {
  Transaction tx(db.connection());
  insert_due_fee(db.connection(), fee, source, at);
  tx.commit();
}

std::vector<settlement::DueFee> due_fees(Database& db, YearMonth month) {
  auto st = db.connection().prepare("SELECT office_no, kind, applied_on FROM fees_due WHERE month = ? ORDER BY id");
  st.bind(1, month.str());
  std::vector<settlement::DueFee> out;
  while (st.step()) {
    settlement::DueFee f;
    f.month = month;
    f.charge.office_no = st.text(0);
    f.charge.kind = st.text(1) == enum_code(FeeKind::Certificate) ? FeeKind::Certificate : FeeKind::CarePlanLicense;
    f.charge.applied_on = day(st.text(2));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace kaigo::store
