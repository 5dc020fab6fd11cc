// libFuzzer target for the 公費受給者台帳 loader (kohi.csv, master/public_funds): any bytes give a
// ledger or diagnostics naming the file, never a crash, hang, leak or undefined behaviour. A ledger
// holds only versions the loader promises (numbers at their widths, a rate of 1–100, a 本人負担額
// of 0 or more, a period whose end is not before its start), each found again by its own key.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/master/public_funds.hpp"
#include "loader_refusal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaigo;
  using namespace kaigo::master;
  auto ledger = fuzz::accepted(data, size, "kohi.csv", load_fund_recipients);
  if (!ledger) return 0;
  ledger->table().for_each([](const FundRecipientKey& key, const FundRecipient& f) {
    if (f.payer_no.size() != 8 || f.recipient_no.size() != 7 || f.insurer_no.size() != 6) __builtin_trap();
    if (f.rate < 1 || f.rate > 100 || f.self_pay.value < 0) __builtin_trap();
    if (f.period.to && *f.period.to < f.period.from) __builtin_trap();
    if (key.payer_no() != f.payer_no || key.recipient_no() != f.recipient_no) __builtin_trap();
  });
  return 0;
}
