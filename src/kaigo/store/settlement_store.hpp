// store/settlement_store — a review month's decisions as settlement is given them: every stored
// decision with its 集計 rows and reasons, the 明細書 / 給付管理票 re-read from the bytes kept at
// reception, the 請求書 rows of the month's files (請求差), the 再審査 and 過誤 that 給付管理票
// 修正 / 取消 of the month cause, and what earlier months carried; and, afterwards, what was
// decided: payments, 再審査 decisions, 過誤 applied.
// Owns: the SQL of those reads and of office_payments, claim_withdrawals and the 再審査 rows. Must not: compute
// anything.
#pragma once
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/settlement/input.hpp"
#include "kaigo/settlement/results.hpp"
#include "kaigo/settlement/withdrawals.hpp"
#include "kaigo/store/database.hpp"

namespace kaigo::store {

// The input and the texts its findings point to (Finding::message_* are string_views).
struct SettlementSource {
  settlement::SettlementInput input;
  std::deque<std::string> texts;
  std::vector<settlement::KagoRequest> kago;              // 過誤申立 of the month
  std::vector<settlement::UnmatchedKago> unmatched_kago;  // no decided 明細書 under their key
  Diagnostics refused_appeals;                            // 再審査申立 that no longer fit their 明細書
};

// A part of a month's settlement: the offices whose 事業所番号 n has first ≤ n < end. The default
// range holds every office.
struct OfficeRange {
  std::string first;
  std::string end = "\x7f";
  bool contains(std::string_view office_no) const;
};

// The month cut into consecutive office ranges of at most `max_claims` decided 明細書 each (an
// office with more is a part of its own), covering every 事業所番号: settled part by part and
// merged (settlement::merge), the month needs only one part's 明細書 in memory at a time.
std::vector<OfficeRange> settlement_parts(Database& db, YearMonth month, std::int64_t max_claims);

// The input for the offices of `offices`: their 明細書 decided this month; the 給付管理票 they made;
// 再審査 and 過誤 of their 明細書 (whoever made the plan); 過誤申立 naming them; their 請求書,
// fees and carried shortfalls. Throws StoreError when the month has not been reviewed.
std::unique_ptr<SettlementSource> load_settlement_input(Database& db, YearMonth month, const OfficeRange& offices = {});

// The 再審査申立 `appeals` of `file_name` matched to the decisions in force (as the settlement of
// `month` finds them) of the 明細書 they name: the matched into source.input.appeals, the refused
// (settlement::match_appeals) into source.refused_appeals. `kaigo rereview` checks a file with it
// before storing it; the settlement reads the stored ones again with it.
void match_appeals(Database& db, YearMonth month, std::span<const settlement::RereviewAppeal> appeals,
                   const std::string& file_name, SettlementSource& source);

// Keeps what the settlement of the month decided, replacing an earlier run of the month, in one
// transaction: what each office is paid, the 再審査 decisions (the claims' decisions in force from
// this month on) and the 過誤 applied (those 明細書 no longer stand in later months).
void store_settlement(Database& db, const settlement::MonthSettlement& settlement);

}  // namespace kaigo::store
