#include "kaigo/store/detail/statement_key_columns.hpp"

#include <array>

namespace kaigo::store {
namespace {

constexpr std::array<std::string_view, 5> kKeyColumns = {"form_id", "service_month", "office_no", "insurer_no",
                                                      "insured_no"};

}  // namespace

std::string statement_key_columns(std::string_view table) {
  std::string out;
  for (const auto column : kKeyColumns) {
    if (!out.empty()) out += ", ";
    if (!table.empty()) (out += table) += '.';
    out += column;
  }
  return out;
}

billing::StatementKey statement_key_at(const Statement& st, int col) {
  return {st.text(col), YearMonth::parse(st.text(col + 1)).value_or(YearMonth{}), st.text(col + 2), st.text(col + 3),
          st.text(col + 4)};
}

void bind_statement_key(Statement& st, int col, const billing::StatementKey& key) {
  st.bind(col, key.form_id).bind(col + 1, key.service_month.str()).bind(col + 2, key.office_no);
  st.bind(col + 3, key.insurer_no).bind(col + 4, key.insured_no);
}

}  // namespace kaigo::store
