// settlement/office_month — the part of a review month that concerns one office: its decisions,
// the 給付管理票 it made, its 請求書 rows, 過誤, 再審査 outcomes, fees and carried shortfall.
// Owns: the grouping of a SettlementInput by 事業所番号. Must not: compute amounts.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "kaigo/settlement/input.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::settlement {

struct OfficeMonth {
  std::string office_no;
  YearMonth month;
  std::vector<const SettledClaim*> claims;        // decisions of the month on its 明細書
  std::vector<const SettledPlan*> plans;          // 給付管理票 made by it (居宅介護支援事業所)
  std::vector<const billing::InvoiceRow*> invoices;
  std::vector<const KagoWithdrawal*> withdrawals;
  std::vector<const RereviewOutcome*> rereviews;  // decided again this month
  std::vector<FeeCharge> charges;
  Yen carried_in;
  bool internet = false;  // 伝送事業所 (SettlementInput::internet_offices)
};

// Every office with anything in the month, by 事業所番号. `rereviews` are the outcomes of the
// month's 再審査 (each names its office).
std::map<std::string, OfficeMonth> group_by_office(const SettlementInput& input, const std::vector<RereviewOutcome>& rereviews);

// Whether the claim was first reviewed this month (not a held one reviewed again): only these are
// part of this month's 請求書, and so of the 7211 groups (保留復活 apart).
bool claimed_this_month(const review::ClaimDecision& d, YearMonth month);

}  // namespace kaigo::settlement
