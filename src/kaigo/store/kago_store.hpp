// store/kago_store — the 過誤申立 of a review month: kept as loaded (a file loaded again replaces
// its rows), and read back for the review (ANN7 / 同月過誤) and for settlement (the withdrawals).
// Owns: the SQL of kago_requests. Must not: match requests to claims (settlement does).
#pragma once
#include <span>
#include <string>
#include <vector>

#include "kaigo/settlement/kago.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

void store_kago(Database& db, YearMonth month, const std::string& file_name,
                std::span<const settlement::KagoRequest> requests, const LocalDateTime& at);

std::vector<settlement::KagoRequest> kago_of(Database& db, YearMonth month);

}  // namespace kaigo::store
