// libFuzzer target for the 再審査申立 loader (rereview.csv, settlement/appeal): any bytes give a
// table or diagnostics naming the file, never a crash, hang, leak or undefined behaviour. A table
// holds only requests the loader promises (a known 事由 and 様式, decided units only with a
// restoration and no more than asked), and matching it against no 明細書 refuses each request once.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kaigo/settlement/appeal.hpp"
#include "kaigo/settlement/rereview.hpp"
#include "loader_refusal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaigo;
  using namespace kaigo::settlement;
  const std::string file = "rereview.csv";
  auto appeals = fuzz::accepted(data, size, file, load_appeals);
  if (!appeals) return 0;
  for (const auto& a : *appeals) {
    if (a.appeal_code.size() != 4 || a.key.form_id.empty() || !find_appeal_reason(a.appeal_code.substr(2))) __builtin_trap();
    if (a.decided && (a.decision == AppealDecision::Upheld || *a.decided > a.requested)) __builtin_trap();
  }
  const auto m = match_appeals(*appeals, {}, YearMonth{2026, 5}, file);
  if (!m.matched.empty() || m.refused.size() != appeals->size()) __builtin_trap();
  return 0;
}
