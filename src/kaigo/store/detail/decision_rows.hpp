// store/decision_rows — how a decision is kept in SQLite (outcomes, 増減 事由 and finding kinds as
// the codes of their tables in review/decision), and the writer of one ClaimDecision (one
// claim_decisions row with its 集計 rows packed in `packed_rows`, its reasons in
// decision_findings). The review writes its decisions through it
// (kind "review") and settlement the decisions of a 再審査 (kind "rereview").
// Owns: the row form of a decision. Must not: choose which decisions to keep (the callers do).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/review/decision.hpp"
#include "kaigo/store/detail/packed_rows.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_documents.hpp"

namespace kaigo::store {

// Where a claim_decisions row comes from.
inline constexpr std::string_view kReviewDecision = "review";      // kaigo review of the month
inline constexpr std::string_view kRereviewDecision = "rereview";  // 再審査 decided by kaigo results

// "<submission>:<doc_key>#<copy>" (the id of a 明細書 written `copy`-th in its document). The id
// is the one place the document it came from is kept: the decision rows store no key column of
// their own (issue 19: no text key where the file's integer id will do).
std::string claim_id(std::int64_t submission, const exchange::DocumentKey& key, std::size_t copy);
std::optional<StoredRef> parse_claim_id(std::string_view id);
// "<submission>:<doc_key>" (a 給付管理票, one to a document).
std::string plan_id(std::int64_t submission, const exchange::DocumentKey& key);
std::optional<StoredRef> parse_plan_id(std::string_view id);
// The document a stored id names; StoreError when the database holds a damaged id.
StoredRef stored_claim(std::string_view claim_id);
StoredRef stored_plan(std::string_view plan_id);
// Only the file (and copy) an id names, its document key left unread: what a decision's row needs
// of the id the review has just made. StoreError when the numbers are malformed.
struct FileCopy {
  std::int64_t submission = 0;
  std::size_t copy = 1;
};
FileCopy claim_file_copy(std::string_view claim_id);
std::int64_t plan_file(std::string_view plan_id);

// Units and amounts as 6 columns from `col` (units, claim, burden, fund 1–3).
void bind_amounts(Statement& st, int col, const review::Amounts& a);
review::Amounts amounts_at(const Statement& st, int col);

// Appends decisions inside the caller's transaction.
class DecisionWriter {
 public:
  explicit DecisionWriter(Connection& c);

  // One 明細書's decision of `month`; `key` is the 明細書's identity as written.
  void claim(const std::string& month, std::string_view kind, const billing::StatementKey& key,
             const review::ClaimDecision& d);
  void findings(const std::string& month, const std::string& doc_id, const std::vector<review::Finding>& list);

 private:
  Statement claim_;
  Statement finding_;
};

}  // namespace kaigo::store
