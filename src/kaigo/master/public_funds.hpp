// master/public_funds — 公費受給者台帳: who receives which 公費 (a 公費負担者番号 × 公費受給者番号)
// over which period, at which 公費給付率 and with which monthly 公費本人負担額 (DESIGN §3.2 as extended
// by docs/masters.md: kohi.csv). The review matches the 公費 slots of a 明細書 against it (13PS,
// ATTC) and takes the 本人負担 from it.
// Owns: the effective-dated table, its lookup and its strict all-or-nothing loader.
// Must not: read files (callers pass the text) or decide review outcomes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/core/money.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/master/keys.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::master {

// 公費受給者 — one version of one 公費 of one person.
struct FundRecipient {
  std::string payer_no;      // 公費負担者番号 (8; 法別番号 = the first 2 digits)
  std::string recipient_no;  // 公費受給者番号 (7)
  std::string insurer_no;    // 保険者番号 (6) of the person
  std::string insured_no;    // 被保険者番号 (10; H… for 生保単独)
  int rate = 100;            // 公費給付率 (%)
  Yen self_pay;              // 公費本人負担額 (per month; 0 = none)
  Period period;
  std::uint64_t line = 0;

  std::string_view law_no() const { return std::string_view(payer_no).substr(0, 2); }
};

class FundRecipientLedger : public VersionedMaster<FundRecipient, FundRecipientKey> {
 public:
  using VersionedMaster::VersionedMaster;
  // The version of the 公費 recipient in force in `month` (the latest valid on some day of it).
  const FundRecipient* find(std::string_view payer_no, std::string_view recipient_no, YearMonth month) const;
};

LoadResult<FundRecipientLedger> load_fund_recipients(std::string_view text, std::string file_name);

}  // namespace kaigo::master
