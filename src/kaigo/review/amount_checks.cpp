#include "kaigo/review/amount_checks.hpp"

#include <algorithm>

#include "kaigo/billing/terms.hpp"
#include "kaigo/review/codes.hpp"
#include "kaigo/review/fund_checks.hpp"

namespace kaigo::review {
namespace {

// Differences in amounts, without the 保険給付率 itself (item 01-29: that is 12SA's).
std::vector<billing::Difference> amount_differences(const billing::ClaimStatement& st,
                                                    const billing::StatementTerms& terms) {
  auto computed = billing::compute(st, terms);
  auto diffs = billing::compare(st, computed.statement);
  std::erase_if(diffs, [](const billing::Difference& d) { return d.record_kind == "01" && d.item_no == 29; });
  return diffs;
}

// What the provider collects from the person (利用者負担, 公費本人負担, 社福軽減) is not claimed from a
// payer: written above the computation it is ASS0, not ASSA [INF].
bool burden_item(std::string_view name) {
  return name.find("利用者負担") != std::string_view::npos || name.find("本人負担") != std::string_view::npos ||
         name == "軽減額";
}

// One row per item name (保険請求額 of the 基本 and of the 集計 record is one item on the list).
void report(std::string_view code, const std::vector<const billing::Difference*>& diffs, std::vector<Finding>& out) {
  std::vector<std::string_view> seen;
  for (const auto* d : diffs) {
    if (std::find(seen.begin(), seen.end(), d->item_name) != seen.end()) continue;
    seen.push_back(d->item_name);
    std::string type = d->record_kind == "10" || d->record_kind == "12" ? d->key : std::string();
    out.push_back(error(code, d->item_name, std::move(type), std::to_string(d->written), std::to_string(d->computed)));
  }
}

}  // namespace

bool is_care_plan_fee(std::string_view form_id) { return form_id == "8124" || form_id == "8125"; }

billing::StatementTerms claim_terms(const master::Masters& masters, const master::OfficeLedger& offices,
                                    const billing::ClaimStatement& st, const master::Recipient* recipient,
                                    const master::FundRecipientLedger* funds) {
  auto terms = billing::make_terms(masters, offices, st, nullptr, recipient);
  terms.plan_from_claim = true;
  if (is_care_plan_fee(st.key.form_id)) terms.insurance_rate = 100;
  if (funds) terms.fund_self_pay = fund_self_pay(*funds, st);
  return terms;
}

void check_amounts(const billing::ClaimStatement& st, const billing::StatementTerms& terms, bool rate_mismatch,
                   std::vector<Finding>& out) {
  if (st.key.welfare_only() && st.basic.insurance.claim.value > 0) {
    // The root cause; every amount it shifts would otherwise be listed again.
    out.push_back(error("ATT5", "保険請求額", {}, std::to_string(st.basic.insurance.claim.value), "0"));
    return;
  }
  const auto diffs = amount_differences(st, terms);
  if (diffs.empty()) return;
  std::vector<const billing::Difference*> over, other;
  for (const auto& d : diffs) (d.written_exceeds() && !burden_item(d.item_name) ? over : other).push_back(&d);
  if (!over.empty()) {
    report("ASSA", over, out);
    return;
  }
  if (rate_mismatch && st.basic.insurance_rate) {
    // Consistent with the rate the provider wrote: the only error is the rate (12SA).
    billing::StatementTerms written_rate = terms;
    written_rate.insurance_rate = st.basic.insurance_rate;
    if (amount_differences(st, written_rate).empty()) return;
  }
  report("ASS0", other, out);
}

}  // namespace kaigo::review
