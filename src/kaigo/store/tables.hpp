// store/tables — `kaigo load`: a ledger or service-code master file is validated in full with the
// master loaders and stored only when it has no error (all or nothing); and the masters and
// ledgers a database holds, parsed for reception and review.
// Owns: which loader checks which kind and what a database's world is. Must not: read files.
#pragma once
#include <cstdint>
#include <string_view>

#include "kaigo/core/diagnostic.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/master/public_funds.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

struct TableLoadReport {
  bool stored = false;
  std::int64_t rows = 0;
  Diagnostics diagnostics;  // every problem of the file; nothing is stored when one is an error
};

// Whether a table with no rows may replace the one in force (`kaigo load --empty`).
enum class EmptyTable { Refuse, Allow };

// Validates `text` as a table of `kind` (against the database's current masters) and stores it.
// A file with no rows is refused (KL01) unless `empty` allows it.
TableLoadReport load_table(Database& db, TableKind kind, std::string_view file_name, std::string_view text,
                           const LocalDateTime& at, EmptyTable empty = EmptyTable::Refuse);

// The masters (bundled, with a loaded services.csv in place of the bundled one) and the ledgers
// of a database. A ledger never loaded is empty.
struct TablesInForce {
  master::Masters masters;
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
  master::RecipientLedger recipients;
  // 公費受給者台帳: nullopt when never loaded (the review then takes the 公費 slots as written).
  std::optional<master::FundRecipientLedger> funds;
};

// Throws StoreError when a stored table no longer loads (e.g. a master changed under it).
// Reception does not need the 受給者台帳 (the largest table by far): it can leave it out, and the
// 公費受給者台帳 with it.
enum class Recipients { Load, Skip };
TablesInForce load_tables_in_force(Database& db, Recipients recipients = Recipients::Load);

// What Recipients::Skip leaves out, alone: for a caller that loads it while something else runs
// (the review, while its history is read).
struct PeopleInForce {
  master::RecipientLedger recipients;
  std::optional<master::FundRecipientLedger> funds;
};
PeopleInForce load_people_in_force(Database& db);

}  // namespace kaigo::store
