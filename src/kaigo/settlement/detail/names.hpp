// settlement/names — the names the notices carry beside the numbers, from the ledgers and masters
// the review used: 事業所 (name, address, bank), 保険者名, 被保険者カナ氏名, サービス種類名.
// Owns: those lookups and what an unknown key gives (an empty name: the notice still goes out).
// Must not: read files.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/review/review.hpp"
#include "kaigo/settlement/detail/claim_money.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::settlement {

class Names {
 public:
  explicit Names(const review::ReviewContext& context) : ctx_(context) {}

  // The office's registration in force in `month` (any サービス種類); only the number when none.
  OfficeInfo office(std::string_view office_no, YearMonth month) const;
  std::string insurer_name(std::string_view insurer_no, YearMonth month) const;
  // The latest version of the person valid in `month`.
  std::string name_kana(std::string_view insurer_no, std::string_view insured_no, YearMonth month) const;
  std::string service_type_name(std::string_view service_type, YearMonth month) const;
  // サービスコード名称 of a 明細 line of a claim to `insurer_no` (empty when the master lacks it).
  std::string service_code_name(std::string_view insurer_no, const billing::DetailLine& line, YearMonth month) const;
  // The columns of part `p` of the 明細書 `key` on a notice line (`kana`: the person's name, looked
  // up once per 明細書); a 公費 part has no 保険者名.
  ClaimPartColumns claim_part(std::string claim_id, const PayerPart& p, const billing::StatementKey& key,
                              const std::string& kana) const;

 private:
  const review::ReviewContext& ctx_;
};

}  // namespace kaigo::settlement
