#include "kaigo/master/public_funds.hpp"

#include <array>

namespace kaigo::master {
namespace {

// ---- kohi.csv -----------------------------------------------------------------------------------
enum FundCol : std::size_t { kFPayer, kFRecipient, kFInsurer, kFInsured, kFRate, kFSelfPay, kFFrom, kFTo };
constexpr std::array<Column, 8> kFundColumns{{
    {"payer_no", "公費負担者番号"},
    {"recipient_no", "公費受給者番号"},
    {"insurer_no", "保険者番号"},
    {"insured_no", "被保険者番号"},
    {"benefit_rate", "公費給付率"},
    {"self_pay", "公費本人負担額"},
    kValidFromColumn,
    kValidToColumn,
}};

}  // namespace

const FundRecipient* FundRecipientLedger::find(std::string_view payer_no, std::string_view recipient_no,
                                               YearMonth month) const {
  auto key = FundRecipientKey::of(payer_no, recipient_no);
  return key ? table_.in_month(*key, month) : nullptr;
}

LoadResult<FundRecipientLedger> load_fund_recipients(std::string_view text, std::string file_name) {
  return load_versioned<FundRecipientLedger>(text, std::move(file_name), {kFundColumns}, kFFrom,
                                             [](RowReader& r) -> std::optional<Keyed<FundRecipient, FundRecipientKey>> {
    auto payer = r.digits(kFPayer, 8, 8, true);
    auto recipient = r.digits(kFRecipient, 7, 7, true);
    auto insurer = r.digits(kFInsurer, 6, 6, true);
    auto insured = r.alnum(kFInsured, 10, true);
    auto rate = r.integer(kFRate, 1, 100, true);
    auto self_pay = r.integer(kFSelfPay, 0, 9'999'999, false);
    auto period = read_period(r, kFFrom, kFTo);
    if (!r.ok() || !payer || !recipient || !insurer || !insured || !rate || !period) return std::nullopt;
    FundRecipient f;
    f.payer_no = std::string(*payer);
    f.recipient_no = std::string(*recipient);
    f.insurer_no = std::string(*insurer);
    f.insured_no = std::string(*insured);
    f.rate = static_cast<int>(*rate);
    f.self_pay = Yen{self_pay.value_or(0)};
    f.period = *period;
    f.line = r.line();
    auto key = *FundRecipientKey::of(f.payer_no, f.recipient_no);  // the widths were checked above
    return Keyed<FundRecipient, FundRecipientKey>{key, std::move(f)};
  });
}

}  // namespace kaigo::master
