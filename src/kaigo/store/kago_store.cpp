#include "kaigo/store/kago_store.hpp"

#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/statement_key_columns.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {

void store_kago(Database& db, YearMonth month, const std::string& file_name,
                std::span<const settlement::KagoRequest> requests, const LocalDateTime& at) {
  auto& c = db.connection();
  Transaction tx(c);
  c.prepare("DELETE FROM kago_requests WHERE month = ? AND file_name = ?")
      .bind(1, month.str())
      .bind(2, file_name)
      .run();
  auto st = c.prepare("INSERT INTO kago_requests(month, file_name, line, " + statement_key_columns() +
                      ", kago_code, same_month, reason_name, filed_on, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                      "?, ?, ?, ?)");
  for (const auto& k : requests) {
    st.bind(1, month.str()).bind(2, file_name).bind(3, static_cast<std::int64_t>(k.line));
    bind_statement_key(st, 4, k.key);
    st.bind(9, k.kago_code).bind(10, k.same_month ? 1 : 0).bind(11, k.reason_name).bind(12, k.filed_on.str());
    st.bind(13, at.str()).run();
  }
  tx.commit();
}

std::vector<settlement::KagoRequest> kago_of(Database& db, YearMonth month) {
  const auto sql = "SELECT line, " + statement_key_columns() +
                   ", kago_code, same_month, reason_name, filed_on FROM kago_requests WHERE month = ? ORDER BY "
                   "file_name, line";
  return db.connection().prepare(sql).bind(1, month.str()).rows([](const Statement& st) {
    settlement::KagoRequest k;
    k.line = static_cast<std::uint64_t>(st.integer(0));
    k.key = statement_key_at(st, 1);
    k.kago_code = st.text(6);
    k.same_month = st.integer(7) != 0;
    k.reason_name = st.text(8);
    k.filed_on = day(st.text(9));
    return k;
  });
}

}  // namespace kaigo::store
