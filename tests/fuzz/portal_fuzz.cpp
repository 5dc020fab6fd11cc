// libFuzzer target: what the portal reads from an applicant — the receipts file of `kaigo subsidy
// apply`, and the purpose text of a receipt line (its 台数 and item) — then the whole computation
// of an office's and a hospital's application over the lines read, must never crash, hang or leak,
// and the amount granted never exceeds the eligible cost or the limit. The first byte chooses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kaigo/portal/computation.hpp"
#include "kaigo/portal/receipt.hpp"

namespace {

void check(const kaigo::portal::Computation& c) {
  if (c.amount > c.limit || c.amount > c.cost || c.amount.value < 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  using namespace kaigo::portal;
  const auto& schemes = Schemes::bundled();
  if (data[0] % 2 == 0) {
    (void)count_in_text(text);
    ReceiptLine line;
    line.issued_on = {2025, 11, 1};
    line.purpose = std::string(text);
    line.amount = kaigo::Yen{15400};
    (void)read_line(line, 1, schemes, 10);
    return 0;
  }
  auto file = parse_receipts(text, "receipts.csv");
  if (!file.ok()) return 0;
  Applicant office;
  office.program = Program::Office;
  office.services = {"11", "32"};
  check(compute(*schemes.find("R7-office"), office, file.lines, {2026, 3, 13}, schemes));
  Applicant hospital;
  hospital.program = Program::Medical;
  hospital.facility = Facility::Hospital;
  hospital.beds = 250;
  check(compute(*schemes.find("R8-medical"), hospital, file.lines, {2026, 5, 1}, schemes));
  return 0;
}
