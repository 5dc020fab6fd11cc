// libFuzzer target for the office lists read back (report/office_lists: review-status.csv,
// treatment-bonus.csv, which the server prints when first asked for): any bytes give a table or a
// std::runtime_error naming the file, never a crash, hang, leak or undefined behaviour. A table has
// every row as wide as its header, and both pages can be composed from it.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kaigo/report/office_lists.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaigo::report;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ListCsv csv;
  try {
    csv = parse_list_csv(bytes, "review-status.csv");
  } catch (const std::runtime_error& e) {
    if (!std::string_view(e.what()).starts_with("review-status.csv")) __builtin_trap();
    return 0;
  }
  for (const auto& row : csv.rows) {
    if (row.size() != csv.header.size()) __builtin_trap();
  }
  for (auto list : {OfficeList::ReviewStatus, OfficeList::TreatmentBonus}) {
    const auto page = office_list_content(list, csv, "国保連");
    if (page.tables.size() != 1 || page.tables.front().rows.empty()) __builtin_trap();
  }
  return 0;
}
