#include "support/generated_ledgers.hpp"

#include <stdexcept>

#include "kaigo/gen/generator.hpp"
#include "support/gen_month.hpp"

namespace kaigo::testing {

GeneratedLedgers::GeneratedLedgers(YearMonth processing_month, int office_count, int recipient_count,
                                   std::uint64_t seed, double error_rate, bool all_mistakes)
    : month(processing_month), masters(*master::load_bundled_masters().table) {
  auto o = gen_month_options(dir.path(), processing_month, office_count, recipient_count, seed, error_rate);
  o.all_mistakes = all_mistakes;
  gen::generate(o, masters);
  // kaigo gen --all-mistakes writes each municipality's own 総合事業 codes: they price its 総合事業.
  if (std::filesystem::exists(dir / "sougou.csv")) {
    auto sougou = master::load_sougou_master(read_file(dir / "sougou.csv"), "sougou.csv", &masters.service_types);
    if (!sougou.ok()) throw std::logic_error("generated sougou.csv: " + sougou.diagnostics.front().to_string());
    masters.sougou = std::move(*sougou.table);
  }
  offices = *master::load_offices(read_file(dir / "offices.csv"), "offices.csv", &masters.service_types).table;
  insurers = *master::load_insurers(read_file(dir / "insurers.csv"), "insurers.csv").table;
  recipients = *master::load_recipients(read_file(dir / "recipients.csv"), "recipients.csv").table;
  if (std::filesystem::exists(dir / "kohi.csv")) {
    funds = *master::load_fund_recipients(read_file(dir / "kohi.csv"), "kohi.csv").table;
  }
}

}  // namespace kaigo::testing
