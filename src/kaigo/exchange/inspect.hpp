// exchange/inspect — what a person wants to know about a 交換情報 file at a glance: its control
// record, counts per 交換情報識別番号, documents, the totals written in it, and its Diagnostics.
// Owns: tallying items the layouts name as totals. Must not: recompute or judge amounts (billing
// and precheck do that).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/exchange/reader.hpp"

namespace kaigo::exchange {

// Units and amounts of one payer (保険 or 公費1–3) summed over the 明細書 of a file.
struct InspectedTotals {
  std::int64_t units = 0;      // サービス単位数
  std::int64_t claimed = 0;    // 請求額
  std::int64_t user_share = 0; // 利用者負担額 (保険) / 本人負担額 (公費)
  std::int64_t statements = 0; // 明細書 with units or an amount for this payer
};

struct FileReport {
  std::string file;
  ControlRecord control;
  bool has_control = false;
  FileSummary summary;
  std::map<std::string, std::int64_t> records_per_form;    // 交換情報識別番号 → data records
  std::map<std::string, std::int64_t> documents_per_form;  // 交換情報識別番号 → documents
  std::int64_t statements = 0;  // 明細書 (様式第二…第十, 第七)
  std::int64_t plans = 0;       // 給付管理票
  std::int64_t invoices = 0;    // 請求書 records
  InspectedTotals insurance;        // 保険
  InspectedTotals public_funds[3];  // 公費1–3
  std::int64_t care_plan_units = 0;   // 様式第七 サービス単位数合計
  std::int64_t care_plan_claimed = 0; // 様式第七 請求金額
  std::int64_t plan_units = 0;        // 給付管理票 給付計画合計単位数
  InspectedTotals invoice_insurance;      // 請求書 保険請求 rows as written
  InspectedTotals invoice_public;         // 請求書 公費請求 rows as written
  std::vector<Diagnostic> diagnostics;
};

FileReport inspect_file(const std::filesystem::path& path);
FileReport inspect_bytes(std::string_view name, std::string_view bytes);

std::string format_text(const FileReport& r);
nlohmann::json to_json(const FileReport& r);
nlohmann::json to_json(const Diagnostic& d);

}  // namespace kaigo::exchange
