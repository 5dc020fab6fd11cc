// report/settlement_notices — the result notices of one office for one review month (claims-format
// §7; seed 002 §4–7), written from the figures settlement computed: 7211 / 7221 審査決定増減表,
// 7311 増減単位数通知書, 7411 / 7421 返戻（保留）一覧表, 7513 支払決定額通知書, 7521 / 7541
// 支払決定額内訳書, 7611 / 7631 過誤決定通知書, 7621 再審査決定通知書 — each only when the office
// has something on it.
// Owns: which figure goes in which item, and which notices an office gets. Must not: count, sum
// or decide anything (settlement did).
#pragma once
#include <string>
#include <vector>

#include "kaigo/core/date.hpp"
#include "kaigo/core/settings.hpp"
#include "kaigo/report/notice.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::report {

// What the issuer prints on every notice of the month.
struct IssueInfo {
  std::string kokuhoren;  // 国保連合会名
  std::string committee;  // 審査委員会名 (7311, 7621)
  std::string message;    // 連絡事項 (7311)
  Date created_on;        // 作成年月日
  Date transfer_on;       // 振込日 (7513 作成年月日 = 振込日, claims-format §7.4)
};

IssueInfo issue_info(const Settings& settings, Date created_on, Date transfer_on);

// The notices of one office, in 交換情報識別番号 order. Throws std::invalid_argument if a record
// does not fit its layout (a programming error).
std::vector<Notice> office_notices(const settlement::OfficeResult& office, YearMonth month, const IssueInfo& issue);

// The notices one by one (office_notices calls each only when the office has something on it).
Notice notice_7211(const settlement::OfficeResult& o, settlement::Program program, YearMonth month, const IssueInfo& issue);
Notice notice_7311(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue);
Notice notice_7411(const settlement::OfficeResult& o, settlement::Program program, YearMonth month, const IssueInfo& issue);
Notice notice_7513(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue);
Notice notice_7521(const settlement::OfficeResult& o, settlement::Program program, YearMonth month, const IssueInfo& issue);
Notice notice_7611(const settlement::OfficeResult& o, settlement::Program program, YearMonth month, const IssueInfo& issue);
Notice notice_7621(const settlement::OfficeResult& o, YearMonth month, const IssueInfo& issue);

// 内容2 of the 7311: 「確定単位数（５４２７単）請求単位数（６５１５単）」 as on seed 002's notice,
// or 「確定５４２７単位、請求６５１５単位」 when that does not fit its 48 bytes.
std::string cut_units_text(Units decided, Units claimed);

}  // namespace kaigo::report
