// month/review_run — the 審査 of a processing month over a database: the month closes and its
// files become 送信完了 in one step (reception), every document is decided (review::run_month
// over the store, decisions kept in short batches so that files of the next month are received
// meanwhile), and the month is 審査済 in the step that keeps its last decisions. What
// `kaigo review` and POST /api/months/{month}/review call.
// Owns: that order. Must not: print or parse options.
#pragma once
#include <filesystem>

#include "kaigo/reception/reception.hpp"
#include "kaigo/review/month_run.hpp"

namespace kaigo::month {

struct ReviewRun {
  reception::MonthStep step;  // refused (step.done false, with the reason) or done
  review::RunReport report;
};

// `at`: the moment the review is run (the month must be closed then); `again`: a month already
// reviewed is reviewed again (its settlement must be run again).
ReviewRun run_review(const std::filesystem::path& db_path, YearMonth month, const LocalDateTime& at, bool again);

}  // namespace kaigo::month
