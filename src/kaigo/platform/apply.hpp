// platform/apply — records changed by 新規 / 更新 / 削除, and a whole linkage file applied: each row
// checked (linkage), compared with the record's latest version and stored as a new version, so
// that the same file sent twice changes nothing the second time (every row is then "unchanged");
// a bad row is refused with its line and item and nothing else is lost; a person row whose My
// Number cannot be linked is stored with its PMH error (seed 004 §7). The file's answer: its
// processing status (処理完了 / 処理完了（エラー） / 処理不能), the counts, and every error.
// Owns: the version rules and the answer. Must not: hold SQL or decide who may read.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/auth/audit.hpp"
#include "kaigo/platform/codes.hpp"
#include "kaigo/platform/repository.hpp"

namespace kaigo::platform {

// What a new version did to its record.
enum class PutOutcome : std::uint8_t {
  Inserted,   // 新規 (or a record brought back after its 削除)
  Updated,    // 更新 with other content
  Deleted,    // 削除
  Unchanged,  // the same content again (a file sent twice): nothing stored
  Exists,     // 新規 of a record that exists with other content (PL20)
  Missing,    // 更新 / 削除 of a record that does not exist (PL21)
};

// Stores `candidate` (person, kind, record_id, update, effective_on, data, source, recorded_at) as
// the record's next version when it changes anything. Call inside Repository::atomically.
PutOutcome put_version(Repository& repo, Record candidate);

// 処理ステータス of a linkage file.
enum class FileStatus : std::uint8_t {
  Done,            // 処理完了: every row applied
  DoneWithErrors,  // 処理完了（エラー）: applied, but some rows were refused or not linked (PMH)
  Refused,         // 処理不能: nothing applied (not UTF-8, bad header, no rows)
};
inline constexpr EnumTable<FileStatus, 3> kFileStatuses{{{
#include "kaigo/platform/file_status.enum.inc"
}}};
constexpr const auto& enum_table(FileStatus) { return kFileStatuses; }

struct LinkageAnswer {
  std::int64_t file_id = 0;
  std::string file_name;
  std::string sha256;
  FileStatus status = FileStatus::Done;
  std::int64_t rows = 0;  // data rows read
  std::int64_t inserted = 0, updated = 0, deleted = 0, unchanged = 0;
  std::int64_t refused = 0;     // rows not applied
  std::int64_t pmh_errors = 0;  // person rows stored without a PMH key
  std::int64_t error_count = 0;  // errors found (errors keeps the first kMaxErrorsKept)
  std::vector<LinkageError> errors;
};
inline constexpr std::size_t kMaxErrorsKept = 10000;

struct LinkageOptions {
  std::string file_name;
  LocalDateTime at;         // when it was received
  auth::Caller by;          // who sent it (for the audit row)
  std::string insurer_no;   // when set: the sender is this municipality, rows of others are refused
};

// Checks and applies a linkage file in one transaction with its audit row ("platform_load").
LinkageAnswer apply_linkage(Repository& repo, auth::AuditTrail& audit, std::string_view bytes, const LinkageOptions& options);

nlohmann::json to_json(const LinkageError& e);
nlohmann::json to_json(const LinkageAnswer& answer);

}  // namespace kaigo::platform
