// review/keys — the identities the review matches documents by (review-rules §5): a 明細書 by
// (交換情報識別番号, サービス提供年月, 事業所番号, 証記載保険者番号, 被保険者番号) [INF: the 様式
// belongs to the key], a 給付管理票 and the claims that need it by (証記載保険者番号, 被保険者番号,
// 対象年月). The 証記載保険者番号 is compared in its 6-digit form (8-digit zero-padded and 6-digit
// writings are the same insurer).
// Owns: building those keys. Must not: look anything up.
#pragma once
#include <string>
#include <string_view>

#include "kaigo/billing/types.hpp"

namespace kaigo::review {

std::string claim_key(const billing::StatementKey& key);
std::string person_month_key(std::string_view insurer_no, std::string_view insured_no, YearMonth month);
inline std::string person_month_key(const billing::StatementKey& k) {
  return person_month_key(k.insurer_no, k.insured_no, k.service_month);
}
inline std::string person_month_key(const billing::BenefitPlan& p) {
  return person_month_key(p.insurer_no, p.insured_no, p.service_month);
}

}  // namespace kaigo::review
