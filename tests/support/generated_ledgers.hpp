// A month made by gen::generate in a temporary folder with the bundled masters, and the ledgers it
// wrote (offices, insurers, recipients, and kohi when there is one) read back, with the 総合事業
// codes of its sougou.csv (when there is one) in `masters`: the start of the scenarios that review or settle
// a whole generated month in memory.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "kaigo/core/date.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/master/public_funds.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {

struct GeneratedLedgers {
  TempDir dir;
  YearMonth month;
  master::Masters masters;
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
  master::RecipientLedger recipients;
  std::optional<master::FundRecipientLedger> funds;  // kohi.csv, written with --all-mistakes only

  GeneratedLedgers(YearMonth processing_month, int office_count, int recipient_count, std::uint64_t seed,
                   double error_rate, bool all_mistakes = false);

  // Reads every submission file of the month into `sink` in path order; before each file the sink's
  // `file` is set to "<folder>/<file name>" (the sinks name their documents with it).
  template <class NamedSink>
  void read_submissions(NamedSink& sink) const {
    for (const auto& f : regular_files_under(dir / "submissions")) {
      sink.file = f.parent_path().filename().string() + "/" + f.filename().string();
      exchange::read_file(f, sink);
    }
  }
};

}  // namespace kaigo::testing
