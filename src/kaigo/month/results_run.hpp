// month/results_run — the settlement (支払) of a reviewed month and its results folder: the month
// settled office range by office range, the money balance checked, the official files (with their
// PDF and HTML when asked to print) and summary.json written into a fresh folder that takes the place of DIR only when
// everything is there (results_folder), the payments kept and the month 支払済 in one step. What
// `kaigo results` and POST /api/months/{month}/results call.
// Owns: that order and the dates' defaults. Must not: print or parse options.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/core/money.hpp"
#include "kaigo/reception/reception.hpp"

namespace kaigo::month {

struct ResultsOptions {
  YearMonth month;
  std::filesystem::path out;
  std::optional<Date> created;         // 作成年月日; default the last day of the month
  std::optional<Date> transfer;        // 振込日; default the 26th of the next month (seed 002 §7)
  std::int64_t part_claims = 200'000;  // 明細書 settled at a time
  // Print every notice as PDF and HTML now, on every core (a 国保連 that mails paper). Otherwise a
  // notice is printed when it is first asked for (`kaigo render`, the server's download): a national
  // month has hundreds of thousands of notices, most never printed (issue 19).
  bool print = false;
};

struct Message {
  std::string ja;
  std::string en;
};

struct ResultsRun {
  reception::MonthStep step;      // refused (with the reason) or done
  std::vector<Message> warnings;  // 過誤申立 without a decided 明細書, notes of the settlement
  std::vector<std::string> problems;  // the balance check's findings: nothing was written when any
  std::size_t offices = 0;
  std::size_t official_files = 0;
  std::size_t printed_files = 0;
  Yen transfers{};
  bool written() const { return step.done && problems.empty(); }
};

ResultsRun run_results(const std::filesystem::path& db_path, const ResultsOptions& options, const LocalDateTime& at);

}  // namespace kaigo::month
