// settlement/input — one review month as settlement is given it: every decision of the month with
// the 明細書 or 給付管理票 it is about, the 請求書 the offices wrote, this month's 過誤 and 再審査
// with the standing decisions they change, the fees that fall due and what earlier months left
// unpaid. docs/settlement.md lists, for each field, which store table supplies it.
// Owns: the shape of the inputs. Must not: know where they come from (the store supplies them).
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/core/settings.hpp"
#include "kaigo/review/decision.hpp"
#include "kaigo/settlement/appeal.hpp"

namespace kaigo::settlement {

// 介護給付 (請求書 7111) or 介護予防・日常生活支援総合事業 (請求書 7113): paid, listed and
// withdrawn on separate notices (seed 002 §4(2): 「①⑧⑨以外は介護給付・総合事業それぞれ別帳票」).
enum class Program : std::uint8_t { Care, Sougou };

// The program of a 明細書 form (71R1, 8171 → 総合事業; every other → 介護給付).
Program program_of(std::string_view form_id);

// A 明細書 (請求明細書 or 様式第七) with a decision on it.
struct SettledClaim {
  billing::ClaimStatement statement;  // as written (re-read from the bytes kept at reception)
  review::ClaimDecision decision;     // claim_id is the store's id of the 明細書
  YearMonth decided_in;               // the review month of `decision`
};

// A 給付管理票 with this month's decision on it (a returned one is listed on the 7411 of its
// 居宅介護支援事業所, 種別 給).
struct SettledPlan {
  std::string plan_id;
  billing::BenefitPlan plan;
  review::PlanDecision decision;
};

// 過誤 — one decided 明細書 withdrawn in this review month, by a 過誤申立 (kago.csv) or by the
// 取消 of its 給付管理票 (申立理由 32).
struct KagoWithdrawal {
  std::string kago_code;    // 申立事由コード (過誤様式番号 2 + 申立理由番号 2)
  bool same_month = false;  // 同月過誤: its re-claim is paid in this same run (seed 002 §7(2))
  SettledClaim claim;       // the decision in force (after any 再審査) that is withdrawn
};

// 再審査 — an earlier decided 明細書 to decide again because its 給付管理票 was corrected (修正)
// this month (seed 002 §5(2); PlanDecision::rereview_claims).
struct RereviewRequest {
  std::string plan_id;       // the 修正
  billing::BenefitPlan plan;  // the corrected plan, now in force
  SettledClaim claim;        // the decision in force on the earlier 明細書
};

// 再審査申立 — a request (rereview.csv, 71B2) with the decision in force on the 明細書 it names
// (settlement/rereview match_appeals).
struct AppealRereview {
  RereviewAppeal appeal;
  SettledClaim claim;
};

// A fee that falls due this month, charged against the office's payment.
struct FeeCharge {
  FeeKind kind = FeeKind::Certificate;
  std::string office_no;  // 事業所番号 (the license is per office number: seed 001 §7)
  Date applied_on;        // 申請日 / 申込日: decides the amount (seed 000 §3(1))
};

struct SettlementInput {
  YearMonth month;                    // 審査年月 (処理年月)
  std::vector<SettledClaim> claims;   // every ClaimDecision of the month: paid, cut, held, returned, released
  std::vector<SettledPlan> plans;     // every PlanDecision of the month
  std::vector<billing::InvoiceRow> invoices;  // the 7111 / 7113 rows of the month's accepted files (請求差)
  std::vector<KagoWithdrawal> withdrawals;        // 過誤 of the month
  std::vector<RereviewRequest> rereviews;     // 再審査 of the month (給付管理票 修正)
  std::vector<AppealRereview> appeals;        // 再審査申立 of the month
  std::vector<FeeCharge> charges;             // 手数料 due this month
  std::map<std::string, Yen> carried_in;      // 事業所番号 → shortfall carried from earlier months (≥ 0)
  // 伝送事業所 — the offices that sent a file of the month through the server (a file whose sender
  // is an account, submissions.sender): they get the 事業所別審査状況一覧表 (seed 001 §3).
  std::set<std::string> internet_offices;
};

}  // namespace kaigo::settlement
