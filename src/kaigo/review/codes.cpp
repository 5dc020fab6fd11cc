#include "kaigo/review/codes.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace kaigo::review {
namespace {

// 事由: A = 一次チェック, B = 資格 (受給者・事業所), C = 給付管理票との突合, D = サービス計画費に
// 対する給付管理票なし (claims-format §7.3, V-SPEC). Observed: ADD0/ADD1 → A; ANN4, 12P3, 12PA,
// 12SA, ASSA → B (seed 002 §5, review-rules §1.1). The rest follow their group [INF].
constexpr std::array<CodeText, 25> kCodes{{
    {"ADD0", 'A', "無効もしくは事業所基本台帳に未登録", "office not registered or not valid for the month",
     "review-rules §1.3 [PUB-2, PUB-8]"},
    {"ADD1", 'A', "無効もしくはサービス台帳に未登録", "service not registered or not valid for the office and month",
     "review-rules §1.3 [PUB-2, PUB-8, PUB-6]"},
    {"ADD2", 'A', "当該保険者等情報が保険者台帳等に未登録", "insurer not in the insurer ledger",
     "review-rules §1.3 [PUB-2]; 事由 [INF]"},
    {"ADDA", 'A', "有効期間外の保険者", "insurer outside its valid period", "review-rules §1.3 [PUB-2]; 事由 [INF]"},
    {"12P0", 'B', "市町村の認定情報が未登録（受給者情報）", "no certification registered by the municipality",
     "review-rules §1.3 [PUB-2, PUB-12: one row each on 証記載保険者番号 and 被保険者番号]"},
    {"12PA", 'B', "市町村の認定変更が未決定", "the municipality's change of certification is undecided",
     "seed 002 §5(3) (two rows: 証記載保険者番号, 被保険者番号)"},
    {"12PD", 'B', "認定有効期間外の被保険者", "outside the certification period", "review-rules §1.3 [PUB-2]"},
    {"12QJ", 'B', "要介護度が認定と相違", "care level differs from the certification", "review-rules §1.3 [PUB-2]"},
    {"12QT", 'B', "市町村の受給者情報と相違", "differs from the municipality's recipient record",
     "review-rules §1.3 [PUB-6: 生年月日・性別]; wording [INF]"},
    {"12SA", 'B', "市町村認定の給付率と相違", "benefit rate differs from the municipality's", "seed 002 §5(3)"},
    {"12P4", 'B', "市町村の認定情報と不一致（支援事業所）", "care-plan office differs from the ledger",
     "review-rules §1.3 [PUB-2]"},
    {"12P5", 'B', "市町村の認定情報と不一致（作成区分）", "care-plan kind differs from the ledger",
     "review-rules §1.3 [PUB-2]"},
    {"12P3", 'B', "給管＋償還合計が区分支給限度基準額超過", "plan total exceeds the benefit limit of the month",
     "review-rules §1.3, §3.3 [PUB-2, PUB-12: four rows]"},
    {"15P6", 'B', "サービス種類の合計が支給限度基準額超過", "service-type total exceeds the municipality's type limit",
     "review-rules §1.3 [PUB-2]; 事由 [INF]"},
    {"ANN0", 'B', "同月に同じ給付管理票（新規）を提出済", "a new plan for the same person and month was already accepted this month",
     "review-rules §1.3, §5 [PUB-9, PUB-10]; 事由 [INF]"},
    {"ANN2", 'B', "同月に同じ請求明細書を提出済", "the same statement was already submitted this month",
     "review-rules §1.3, §5 [PUB-9b, PUB-10]; 事由 [INF]"},
    {"ANN4", 'B', "過去に同じ請求明細書を提出済", "the same statement was already decided in an earlier month",
     "seed 002 §5(3); review-rules §1.3"},
    {"ANN7", 'B', "同月に市町村等による過誤調整を実施済", "the municipality withdrew this statement (過誤) this month",
     "review-rules §1.3 [PUB-2]; mechanism [INF]"},
    {"ANN9", 'B', "給付管理票の作成区分新規での提出が必要", "no registered plan to correct or cancel: send it as new",
     "review-rules §1.3 [PUB-2, PUB-6, PUB-15]; 事由 [INF]"},
    {"ANNJ", 'B', "過去に同じ給付管理票（新規）を提出済", "a plan for the same person and month is already registered",
     "review-rules §1.3 [PUB-2, PUB-10]; 事由 [INF]"},
    {"ANNK", 'B', "給付管理票内でサービス情報が重複", "the same office and service type appear twice in the plan",
     "review-rules §1.3 [PUB-2]; 事由 [INF]"},
    {"ANNM", 'B', "支援事業所に給付管理票の修正依頼が必要", "ask the care-plan office for a corrected plan",
     "seed 002 §5(3); review-rules §1.3"},
    {"ASSA", 'B', "記載された値が計算値を超過", "the written value exceeds the computed one", "seed 002 §5(3); review-rules §2.4"},
    {"ASS0", 'B', "記載された値が計算値と相違", "the written value differs from the computed one",
     "seed 000 §5(2) (給付割合の相違・計算誤り); wording [INF]"},
    {"ATT5", 'B', "生保単独で保険請求額が設定されている", "welfare-only recipient (H…) with an insurance claim",
     "review-rules §1.3 [PUB-2]; wording and 事由 [INF]"},
}};

constexpr std::string_view kHoldJa = "支援事業所に請求明細書に対応した給付管理票の提出依頼が必要";
constexpr std::string_view kHoldEn = "ask the care-plan office to send the plan for this statement";
constexpr std::string_view kFeeHoldJa = "サービス計画費に対応した給付管理票の提出が必要";
constexpr std::string_view kFeeHoldEn = "the plan for this care-plan fee has not been sent";

}  // namespace

const CodeText& code_text(std::string_view code) {
  for (const auto& c : kCodes) {
    if (c.code == code) return c;
  }
  throw std::logic_error(fmt::format("review: no text for code {}", code));
}

Finding error(std::string_view code, std::string item, std::string service_type, std::string found,
              std::string expected) {
  const CodeText& t = code_text(code);
  Finding f;
  f.kind = FindingKind::Error;
  f.code = std::string(t.code);
  f.list_reason = t.list_reason;
  f.service_type = std::move(service_type);
  f.item = std::move(item);
  f.found = std::move(found);
  f.expected = std::move(expected);
  f.message_ja = t.ja;
  f.message_en = t.en;
  return f;
}

Finding hold(bool care_plan_fee) {
  Finding f;
  f.kind = FindingKind::Hold;
  f.list_reason = care_plan_fee ? 'D' : 'C';
  f.message_ja = care_plan_fee ? kFeeHoldJa : kHoldJa;
  f.message_en = care_plan_fee ? kFeeHoldEn : kHoldEn;
  return f;
}

Finding hold_ended(bool care_plan_fee) {
  Finding f = hold(care_plan_fee);
  f.kind = FindingKind::HoldEnded;
  return f;
}

namespace {
std::string_view cut_ja(CutReason r) {
  return r == CutReason::NotOnPlan ? "給付管理票に実績が記載されていないもの" : "給付管理票の実績を超えるもの";
}
std::string_view cut_en(CutReason r) {
  return r == CutReason::NotOnPlan ? "the plan has no line for this office and service type"
                                   : "the claim exceeds the units on the plan";
}
}  // namespace

Finding cut(CutReason reason, std::string service_type, Units claimed, Units decided) {
  Finding f;
  f.kind = FindingKind::Cut;
  f.cut = reason;
  f.service_type = std::move(service_type);
  f.item = "サービス種類コード";
  f.found = std::to_string(claimed.value);
  f.expected = std::to_string(decided.value);
  f.message_ja = cut_ja(reason);
  f.message_en = cut_en(reason);
  return f;
}

Finding plan_mismatch(CutReason reason, std::string service_type, Units claimed, Units planned) {
  Finding f = cut(reason, std::move(service_type), claimed, planned);
  f.kind = FindingKind::PlanMismatch;
  f.list_reason = 'C';
  return f;
}

}  // namespace kaigo::review
