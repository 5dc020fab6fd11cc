// libFuzzer target for the pre-check: any bytes give error rows, never a crash, hang, leak or
// undefined behaviour — with every check on (masters, office and insurer ledgers, a processing
// month). The counts agree with the rows and the rows come in line order.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kaigo/master/masters.hpp"
#include "kaigo/precheck/precheck.hpp"

namespace {

using namespace kaigo;

struct World {
  master::Masters masters;
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
};

const World& world() {
  static const World w = [] {
    auto masters = master::load_bundled_masters();
    auto offices = master::load_offices(
        "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,"
        "address,owner_name,bank_name,bank_branch\n1370000001,11,訪問介護,1,20200401,,1,131016,,,,,\n"
        "1370000021,21,短期入所,1,20200401,,1,131016,,,,,\n1370000043,43,居宅介護支援,1,20200401,,1,131016,,,,,\n",
        "offices.csv", &masters.table->service_types);
    auto insurers = master::load_insurers("insurer_no,name,valid_from,valid_to\n131011,千代田区,20000401,\n"
                                          "131029,中央区,20000401,20260331\n", "insurers.csv");
    if (!masters.ok() || !offices.ok() || !insurers.ok()) __builtin_trap();
    return World{*masters.table, *offices.table, *insurers.table};
  }();
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const World& w = world();
  precheck::PrecheckContext context;
  context.masters = &w.masters;
  context.offices = &w.offices;
  context.insurers = &w.insurers;
  context.processing_month = YearMonth{2026, 5};
  context.max_rows = 50;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = precheck::check_bytes("FUZZ.CSV", bytes, context);
  std::uint64_t levels = r.level_counts[0] + r.level_counts[1] + r.level_counts[2];
  if (levels != r.error_count || r.errors.size() > context.max_rows || r.errors.size() > r.error_count) __builtin_trap();
  for (std::size_t i = 1; i < r.errors.size(); ++i) {
    if (r.errors[i].line < r.errors[i - 1].line) __builtin_trap();
  }
  return 0;
}
