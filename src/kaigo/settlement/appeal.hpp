// settlement/appeal — 再審査申立 received for a review month (71B2 介護給付費再審査申立書, claims-format
// §7.8; seed 002 §4(2)⑦; DESIGN §3.2 rereview.csv): an office or an insurer asks that one サービス種類
// of a decided 明細書 whose units were cut be decided again, and the 審査委員会's decision on it
// (原審どおり, or units restored) comes with the request.
// Owns: the 再審査申立事由 table (appeal_reasons.tsv) and the strict loader of rereview.csv. Must not:
// find the 明細書 or decide the amounts (settlement/rereview does).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/master/versioned.hpp"

namespace kaigo::settlement {

// 再審査申立事由 (the last two characters of the 再審査申立事由コード; the first two are the 様式番号
// of kago_forms.tsv, as in the 過誤申立事由コード [INF]). `cut`: the 査定事由 (7311 A–G) the appeal
// is against, 0 for any.
struct AppealReason {
  std::string code;
  std::string name;
  std::string short_name;  // as printed in 再審査申立事由 of the 7621 (at most 12 全角)
  char cut = 0;
};

const AppealReason* find_appeal_reason(std::string_view reason);

// 申立者区分コード (71B2 item 3).
enum class Applicant : std::uint8_t { Office = 1, Insurer = 2 };
inline constexpr EnumTable<Applicant, 2> kApplicants{{{
#include "kaigo/settlement/applicant.enum.inc"
}}};
constexpr const auto& enum_table(Applicant) { return kApplicants; }

// What the 審査委員会 decided on the request: 原審どおり, or units restored (増点).
enum class AppealDecision : std::uint8_t { Upheld, Restored };
inline constexpr EnumTable<AppealDecision, 2> kAppealDecisions{{{
#include "kaigo/settlement/appeal_decision.enum.inc"
}}};
constexpr const auto& enum_table(AppealDecision) { return kAppealDecisions; }

// 再審査申立 — one row of rereview.csv (the items of 71B2 and the decision).
struct RereviewAppeal {
  Date filed_on;  // 申立年月日
  Applicant applicant = Applicant::Office;
  // The 明細書 appealed; the 保険者番号 as written, the form that of the 様式番号 (介護給付 first, as 過誤).
  billing::StatementKey key;
  std::string service_type;  // サービス種類コード
  std::string service_item;  // サービス項目コード
  Units requested;           // 申立単位数: the units the サービス種類 should be decided at
  std::string appeal_code;   // 再審査申立事由コード (様式番号 2 + 事由 2)
  std::string reason_name;   // its short name (appeal_reasons.tsv)
  AppealDecision decision = AppealDecision::Upheld;
  std::optional<Units> decided;  // 決定単位数 when restored in part (default: the units asked for)
  std::uint64_t line = 0;
};

// Project codes of the 再審査申立 loader and its matching; their texts are in core/error_codes.tsv.
namespace code {
inline constexpr std::string_view kAppealUnknownReason = "KV01";  // the 事由 is not in the table
inline constexpr std::string_view kAppealUnknownForm = "KV02";    // the 様式番号 is unknown
inline constexpr std::string_view kAppealDecidedUnits = "KV03";   // decided_units does not fit the decision
inline constexpr std::string_view kAppealDuplicate = "KV04";      // two requests for one 明細書
inline constexpr std::string_view kAppealNoClaim = "KV05";        // no decided 明細書 under the key
inline constexpr std::string_view kAppealSameMonth = "KV06";      // decided in the month itself
inline constexpr std::string_view kAppealNoService = "KV07";      // the 種類・項目 is not on the 明細書
inline constexpr std::string_view kAppealNotCut = "KV08";         // the サービス種類 was not cut
inline constexpr std::string_view kAppealWrongCut = "KV09";       // the 事由 is against another 査定事由
inline constexpr std::string_view kAppealNothingToRestore = "KV10";  // asks no more than decided
}  // namespace code

// rereview.csv columns in their documented order (DESIGN §3.2), for item numbers of later checks.
enum AppealColumn : std::size_t {
  kAppealFiled,
  kAppealApplicant,
  kAppealOffice,
  kAppealInsurer,
  kAppealInsured,
  kAppealMonth,
  kAppealType,
  kAppealItem,
  kAppealUnits,
  kAppealCode,
  kAppealDecision,
  kAppealDecided,
  kAppealColumnCount
};
std::string_view appeal_column_ja(AppealColumn c);    // 申立単位数 …
std::string_view appeal_column_name(AppealColumn c);  // requested_units …

// Parses rereview.csv (UTF-8, header row). All or nothing: any error → no table.
master::LoadResult<std::vector<RereviewAppeal>> load_appeals(std::string_view text, const std::string& file_name);

}  // namespace kaigo::settlement
