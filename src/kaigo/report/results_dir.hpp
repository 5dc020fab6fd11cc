// report/results_dir — the folder `kaigo results` writes (DESIGN §3.1): DIR/<事業所番号>/<code>.CSV
// for every notice of every office (official bytes, written atomically) and DIR/summary.json (the
// month per office and in total: decisions, payments, 過誤, 再審査, deductions). render_all(DIR)
// then prints each CSV as PDF and HTML beside it.
// Owns: the folder layout and the summary's JSON form. Must not: compute (the totals are
// settlement's).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::report {

// summary.json: UTF-8, keys in a fixed order, amounts as integers (円), 2-space indent, final newline.
std::string summary_json(const settlement::MonthSettlement& month, const IssueInfo& issue);

// Writes every notice (with its print values beside it, when it has any), the office's lists that
// are not official files (office_lists: review-status.csv of a 伝送事業所, treatment-bonus.csv)
// and summary.json; returns the files written (offices by number, notices by code — a notice's
// print values before it —, then the office's lists, summary last).
std::vector<std::filesystem::path> write_results(const std::filesystem::path& dir, const settlement::MonthSettlement& month,
                                                 const IssueInfo& issue);

}  // namespace kaigo::report
