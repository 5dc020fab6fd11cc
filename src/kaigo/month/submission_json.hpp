// month/submission_json — a received file as the sender is answered: the object of
// `kaigo submit --format json` (DESIGN §3.1) and of POST /api/submissions (§3.4), and the
// pre-check's FileResult view of it for the error list in text and CSV.
// Owns: those forms. Must not: decide anything.
#pragma once
#include <nlohmann/json.hpp>

#include "kaigo/precheck/precheck.hpp"
#include "kaigo/reception/repository.hpp"

namespace kaigo::month {

nlohmann::json submission_json(const reception::Submission& s);
// The same without the error rows (a line of the 送信結果 list).
nlohmann::json submission_summary_json(const reception::Submission& s);
precheck::FileResult as_file_result(const reception::Submission& s);

}  // namespace kaigo::month
