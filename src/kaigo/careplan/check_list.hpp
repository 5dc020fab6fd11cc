// careplan/check_list — the list `kaigo careplan check` prints, in the pre-check's manner
// (precheck/error_list): text for a person, one JSON document for programs, CSV (UTF-8, header
// row) for a spreadsheet; each code used is explained with its cause and remedy (error_codes.tsv).
// Owns: the layout of the list. Must not: check anything.
#pragma once
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "kaigo/careplan/check.hpp"

namespace kaigo::careplan {

std::string format_text(std::span<const FileCheck> files);

// {"files": [{file, kind, title, name: {form, month, sender, receiver, serial, branch} | null,
// version, bytes, lines, records, error_count, warning_count, refused, truncated, rows: [row…]}],
// "codes": {CODE: {severity, title_ja, title_en, cause_ja, action_ja, cause_en, action_en}}}
nlohmann::json to_json(std::span<const FileCheck> files);
nlohmann::json to_json(const CheckRow& row);

// One line per row; a file without rows gets one line with its counts.
std::string format_csv(std::span<const FileCheck> files);

}  // namespace kaigo::careplan
