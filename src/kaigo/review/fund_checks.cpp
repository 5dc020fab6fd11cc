#include "kaigo/review/fund_checks.hpp"

#include <fmt/format.h>

#include "kaigo/master/keys.hpp"
#include "kaigo/review/codes.hpp"

namespace kaigo::review {
namespace {

// The ledger's version for slot `k` when it is the 明細書's person's; null otherwise.
const master::FundRecipient* registered_fund(const master::FundRecipientLedger& ledger,
                                             const billing::ClaimStatement& st, std::size_t k) {
  const auto& slot = st.basic.funds[k];
  const auto* f = ledger.find(slot.payer_no, slot.recipient_no, st.key.service_month);
  if (!f) return nullptr;
  const bool same_person = master::normalize_insurer_no(st.key.insurer_no) == f->insurer_no &&
                           st.key.insured_no == f->insured_no;
  return same_person ? f : nullptr;
}

std::string rate_text(const std::optional<int>& rate) { return rate ? std::to_string(*rate) : std::string(); }

}  // namespace

void check_funds(const master::FundRecipientLedger& ledger, const billing::ClaimStatement& st,
                 std::vector<Finding>& out) {
  for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
    const auto& slot = st.basic.funds[k];
    if (!slot.present()) continue;
    const auto* f = registered_fund(ledger, st, k);
    if (!f) {
      out.push_back(error("13PS", fmt::format("公費{}負担者番号", k + 1), {},
                          fmt::format("{} {}", slot.payer_no, slot.recipient_no)));
      continue;
    }
    if (slot.rate != f->rate) {
      out.push_back(error("ATTC", fmt::format("公費{}給付率", k + 1), {}, rate_text(slot.rate), std::to_string(f->rate)));
    }
  }
}

std::array<Yen, billing::kFundSlots> fund_self_pay(const master::FundRecipientLedger& ledger,
                                                  const billing::ClaimStatement& st) {
  std::array<Yen, billing::kFundSlots> out{};
  for (std::size_t k = 0; k < billing::kFundSlots; ++k) {
    if (!st.basic.funds[k].present()) continue;
    if (const auto* f = registered_fund(ledger, st, k)) out[k] = f->self_pay;
  }
  return out;
}

}  // namespace kaigo::review
