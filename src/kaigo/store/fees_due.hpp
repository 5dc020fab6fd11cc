// store/fees_due — the fees due that kaigo records itself (a certificate issued, later a
// ケアプランデータ連携 licence), kept beside the fees.csv loads: settlement charges both
// (docs/settlement.md "fees due").
// Owns: the SQL of fees_due. Must not: price or decide a fee.
#pragma once
#include <string_view>
#include <vector>

#include "kaigo/settlement/fees.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

// Appends one fee due in its own transaction; `source` says what caused it ("certificate:<serial>").
void add_due_fee(Database& db, const settlement::DueFee& fee, std::string_view source, const LocalDateTime& at);

// The fees due in review month `month`, in the order they were recorded.
std::vector<settlement::DueFee> due_fees(Database& db, YearMonth month);

// Appends within the caller's open transaction (store-internal: auth_store records a certificate
// and its fee together).
void insert_due_fee(Connection& c, const settlement::DueFee& fee, std::string_view source, const LocalDateTime& at);

}  // namespace kaigo::store
