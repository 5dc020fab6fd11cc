// store/appeal_store — the 再審査申立 of a review month: kept as loaded (a file loaded again replaces
// its rows), and read back for settlement.
// Owns: the SQL of rereview_appeals. Must not: match requests to claims (settlement does).
#pragma once
#include <span>
#include <string>
#include <vector>

#include "kaigo/settlement/appeal.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

void store_appeals(Database& db, YearMonth month, const std::string& file_name,
                   std::span<const settlement::RereviewAppeal> appeals, const LocalDateTime& at);

// With the name of the file each came in (for the reasons of those refused at settlement).
struct StoredAppeal {
  std::string file_name;
  settlement::RereviewAppeal appeal;
};
std::vector<StoredAppeal> appeals_of(Database& db, YearMonth month);

}  // namespace kaigo::store
