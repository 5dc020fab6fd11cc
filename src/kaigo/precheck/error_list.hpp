// precheck/error_list — the 事前チェック error list (seed 002 §3(2)) of one or more files: per file
// the 事前チェック情報 (ファイル名, データ種別, 明細件数, レコード件数), per error the エラー情報
// (ファイル名, 様式, 提供年月, サービス種類, 保険者番号, 被保険者番号, 項目名, 値, エラー内容) with the
// code, its level and, from error_codes.tsv, the usual cause and what to do.
// Three forms: text for a person, JSON (one document) for programs, CSV (UTF-8, header row) for a
// spreadsheet. Reception and the CLI print through these.
// Owns: the layout of the list. Must not: check anything.
#pragma once
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "kaigo/precheck/precheck.hpp"

namespace kaigo::precheck {

std::string format_text(std::span<const FileResult> files);

// {"files": [ {file, data_type, office_no, processing_month, bytes, statements, records, error_count,
// truncated, worst, levels: {transmission, external, format}, errors: [row…]} ], "codes": {CODE: {…}}}
nlohmann::json to_json(std::span<const FileResult> files);
nlohmann::json to_json(const FileResult& file);
nlohmann::json to_json(const ErrorRow& row);

// One line per error; a file without errors gets one line with its counts and empty error columns.
std::string format_csv(std::span<const FileResult> files);

}  // namespace kaigo::precheck
