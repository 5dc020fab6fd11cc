// precheck/precheck — the 事前チェック of one claim file as the 国保連 runs it right after 受付
// (seed 002 §3): is it a 交換情報 file at all (伝送エラー), is its control record right (外部エラー),
// and which 明細書 / 給付管理票 carry errors that would be returned (様式エラー). Stateless: it
// sees one file, the masters and optionally the office and insurer ledgers, and nothing else — no
// database, no 受給者台帳, no 給付管理票 of other files, no earlier months.
// Owns: the checks, their codes and levels, the error rows. Rules live in data (rules/*.tsv,
// error_codes.tsv); docs/diagnostics.md lists every code.
// Must not: touch the store, decide file states (reception does), or run review checks that need
// the recipient ledger or a 給付管理票 (12P0, 12PA, 12SA, 保留 … belong to the review).
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/enum_table.hpp"
#include "kaigo/exchange/document_key.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/master/masters.hpp"

namespace kaigo::precheck {

// エラーの区分 — how far the file got (seed 002 §3(1)). Ordered from the worst.
enum class Level {
  Transmission,  // 伝送エラー: not a claim file, unreadable; nothing is taken in
  External,      // 外部エラー: the control record or the file structure is wrong; nothing is taken in
  Format,        // 様式エラー: the file is taken in; the 明細書 / 給付管理票 named are returned
};
inline constexpr std::size_t kLevels = 3;

// The key (JSON, CSV, the database) and the Japanese name of each level.
inline constexpr EnumTable<Level, kLevels> kLevelNames{{{
#include "kaigo/precheck/precheck_level.enum.inc"
}}};
constexpr const auto& enum_table(Level) { return kLevelNames; }

// エラー情報 — one row of the pre-check error list: one item of one document (seed 002 §3(2)).
// Text is UTF-8. Fields that do not apply stay empty / 0 (e.g. file-level rows have no document).
struct ErrorRow {
  Level level = Level::Format;
  std::string code;           // official 4-character code (ABB0, ASSA, ANN2 …), KPnn or KCnn
  std::string file;           // ファイル名
  std::string form_kind;      // 様式: 給付 (給付管理票) / 請求 (請求書・明細書); empty for the file
  std::string service_month;  // 提供年月 YYYYMM (給付管理票: 対象年月)
  std::string service_type;   // サービス種類コード; empty when not one type (listed as －)
  std::string insurer_no;     // 保険者番号 (証記載保険者番号 as written)
  std::string insured_no;     // 被保険者番号
  std::string item_name;      // 項目名
  std::string value;          // 値 (as written; invalid bytes as \xHH)
  std::string message_ja;     // エラー内容
  std::string message_en;
  std::uint64_t line = 0;       // physical line; 0 = the file as a whole
  std::uint64_t record_no = 0;  // レコード番号 as written
  int item_no = 0;              // 項番
  exchange::DocumentKey document_key;  // the document's key (values in UTF-8), empty for file rows
};

// One 明細書 / 様式第七 / 給付管理票 of the file, for reception to find re-sent documents
// across files (key = exchange::Document::key, stable for the same content).
struct DocumentRef {
  std::string code;           // 交換情報識別番号
  exchange::DocumentKey key;  // values in UTF-8
  std::string office_no;
  std::string insurer_no;
  std::string insured_no;
  std::string service_month;  // YYYYMM
  std::vector<std::string> service_types;
  std::uint64_t copies = 1;   // more than 1 when the file holds it twice (ANN2 / ANN0)
  bool has_errors = false;    // a Format row names it (it would be returned)
};

// 事前チェック情報 of one file and its error rows.
struct FileResult {
  std::string file;
  std::string data_type;         // データ種別 of the control record, as written
  std::string office_no;         // 事業所番号 of the control record
  std::string processing_month;  // 処理対象年月 of the control record
  std::uint64_t bytes = 0;
  std::uint64_t statements = 0;  // 明細件数: 明細書, 様式第七 and 給付管理票 (each copy counts)
  std::uint64_t records = 0;     // レコード件数: data records read
  std::vector<ErrorRow> errors;  // in file order; at most PrecheckContext::max_rows
  std::uint64_t error_count = 0; // every error found, also those beyond max_rows
  std::array<std::uint64_t, kLevels> level_counts{};  // error_count per Level
  std::vector<DocumentRef> documents;

  bool truncated() const { return error_count > errors.size(); }
  std::uint64_t count(Level l) const { return level_counts[static_cast<std::size_t>(l)]; }
  // The worst level present (Transmission before External before Format); nullopt = no error.
  std::optional<Level> worst() const;
};

// What the pre-check may consult besides the file. Every pointer may be null: the checks that
// need it are then skipped (the masters: service codes, units, 単価; the office ledger: KP12,
// ADD0, ADD1, 単価 of the 地域区分; the insurer ledger: ADD2, ADDA).
struct PrecheckContext {
  const master::Masters* masters = nullptr;
  const master::OfficeLedger* offices = nullptr;
  const master::InsurerLedger* insurers = nullptr;
  std::optional<YearMonth> processing_month;  // 処理年月 being received (KP11 when it differs)
  std::size_t max_rows = 10000;   // rows kept per file (the count goes on); bounds memory
  bool collect_documents = true;  // fill FileResult::documents
};

// Checks bytes held in memory; `file_name` is the name as sent (checked against the naming rule).
FileResult check_bytes(std::string_view file_name, std::string_view bytes, const PrecheckContext& context);

// Checks a file on disk in bounded memory. Throws std::runtime_error (Japanese / English) only when
// it cannot be opened or read.
FileResult check_file(const std::filesystem::path& path, const PrecheckContext& context);

}  // namespace kaigo::precheck
