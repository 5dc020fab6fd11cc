// portal/notice — the printed result of a 助成金 application (結果通知, seed 003 4-1): 助成金交付決定
// 通知書, 不交付決定通知書 or 申請返戻通知書, A4 portrait, with the application, every step of the
// computation (each receipt line, the card readers within their cap, the eligible cost, the rate,
// the limit, the amount) and every reason (返戻, 対象外, 参考). Drawn by the report module's PDF
// engine from a report::Content that this file composes.
// Owns: the wording and order of the notice. Must not: compute (it prints the stored Decision).
#pragma once
#include <string>

#include "kaigo/portal/application.hpp"
#include "kaigo/report/content.hpp"

namespace kaigo::portal {

// The notice of a decided application (交付決定, 不交付決定, 返戻, or paid). Throws
// std::invalid_argument when the application has no decision yet.
report::Content decision_notice(const Application& application);
std::string decision_notice_title(const Application& application);
// The notice as PDF bytes, dated the day of the decision.
std::string decision_notice_pdf(const Application& application);

}  // namespace kaigo::portal
