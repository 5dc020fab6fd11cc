// store/statement_key_columns — a 明細書's key (billing::StatementKey) as five columns of a row, in
// one order, for the tables that name a 明細書 by its items (kago_requests, rereview_appeals, and
// claim_decisions as the review's history reads it). Private to the store module.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/billing/types.hpp"
#include "kaigo/store/detail/sqlite.hpp"

namespace kaigo::store {

// The five columns, in StatementKey's order, each prefixed with `table` and a dot when given.
std::string statement_key_columns(std::string_view table = {});
// The key from (or into) the five columns that start at `col`, as statement_key_columns lists them.
billing::StatementKey statement_key_at(const Statement& st, int col);
void bind_statement_key(Statement& st, int col, const billing::StatementKey& key);

}  // namespace kaigo::store
