// A small generated month loaded into a fresh database, for reception and review scenarios:
// `kaigo gen` output (May 2026 processing, April services), a database with its settings and
// ledgers, and the files to submit.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kaigo/reception/reception.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/store/tables.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {

class ReceptionWorld {
 public:
  explicit ReceptionWorld(double error_rate = 0.0, int offices = 8, int recipients = 120);

  const std::filesystem::path& dir() const { return dir_.path(); }
  std::filesystem::path db_path() const { return dir_ / "k.db"; }
  store::Database& db() { return *db_; }
  reception::Reception& reception() { return *reception_; }

  // Every submission file of the month, sorted by path.
  const std::vector<std::filesystem::path>& files() const { return files_; }
  // The first claim file (様式第二 …) and the first 給付管理票 file.
  std::filesystem::path claim_file() const;
  std::filesystem::path plan_file() const;

  reception::Submission submit(const std::filesystem::path& file, const char* at);
  reception::Submission submit_bytes(const std::string& name, const std::string& bytes, const char* at);
  // Submits every file of the month at `at`; gives the offices whose 明細書 (data type 711) came in,
  // in order.
  std::vector<std::string> submit_month(const char* at);

  // The review of `month` at `at` through the month's states (as month::run_review does, with the
  // given context): closes the month, decides it, 審査済. A month already reviewed is reviewed again.
  review::RunReport review(YearMonth month, const char* at, const review::ReviewContext& context);

 private:
  TempDir dir_;
  std::vector<std::filesystem::path> files_;
  std::unique_ptr<store::Database> db_;
  store::TablesInForce world_;
  std::unique_ptr<reception::Reception> reception_;
};

LocalDateTime jst(const char* iso);

}  // namespace kaigo::testing
