// precheck/file_checks — the checks of the file as a whole: its name against the 伝送 rule and
// binary content (伝送エラー), and its control record (外部エラー): データ種別 a provider sends,
// 処理対象年月, 事業所番号 in the office ledger, data records present.
// Owns: those checks. Must not: look inside data records.
#pragma once
#include <string_view>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/precheck/detail/env.hpp"

namespace kaigo::precheck {

// KP01 when the name (without folders) breaks the rule of settings.tsv.
void check_file_name(const CheckEnv& env, std::string_view name);

// Whether the head of a file holds a NUL byte: binary data, not a 交換情報 file (KP02).
bool looks_binary(std::string_view head);

// The control record: data type (KP04), processing month (KP11), office (KP12) and its item rules.
// `record` is the control record seen as a data record (items numbered from レコード種別).
void check_control(const CheckEnv& env, const exchange::ControlRecord& control, const exchange::Record& record);

}  // namespace kaigo::precheck
