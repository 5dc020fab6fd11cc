#include "kaigo/review/codes.hpp"

#include "kaigo/core/error_codes.hpp"

namespace kaigo::review {
namespace {

// The rows of the table that are not codes: the 保留 texts and the 増減 事由.
constexpr std::string_view kHold = "保留";
constexpr std::string_view kCarePlanFeeHold = "保留（サービス計画費）";
constexpr std::string_view kNotOnPlan = "増減A";
constexpr std::string_view kOverPlan = "増減B";

Finding worded(FindingKind kind, const ErrorCode& text) {
  Finding f;
  f.kind = kind;
  f.list_reason = text.list_reason;
  f.message_ja = text.title_ja;
  f.message_en = text.title_en;
  return f;
}

}  // namespace

Finding error(std::string_view code, std::string_view item, std::string_view service_type, std::string_view found,
              std::string_view expected) {
  const ErrorCode& t = error_code(code);
  Finding f = worded(FindingKind::Error, t);
  f.code = std::string(t.code);
  f.service_type = std::string(service_type);
  f.item = std::string(item);
  f.found = std::string(found);
  f.expected = std::string(expected);
  return f;
}

Finding hold(bool care_plan_fee) {
  return worded(FindingKind::Hold, error_code(care_plan_fee ? kCarePlanFeeHold : kHold));
}

Finding hold_ended(bool care_plan_fee) {
  Finding f = hold(care_plan_fee);
  f.kind = FindingKind::HoldEnded;
  return f;
}

namespace {

// 増減 事由 A / B as a row of kind `kind`.
Finding mismatch(FindingKind kind, CutReason reason, std::string service_type, Units claimed, Units settled) {
  Finding f = worded(kind, error_code(reason == CutReason::NotOnPlan ? kNotOnPlan : kOverPlan));
  f.cut = reason;
  f.service_type = std::move(service_type);
  f.item = "サービス種類コード";
  f.found = std::to_string(claimed.value);
  f.expected = std::to_string(settled.value);
  return f;
}

}  // namespace

Finding cut(CutReason reason, std::string service_type, Units claimed, Units decided) {
  Finding f = mismatch(FindingKind::Cut, reason, std::move(service_type), claimed, decided);
  f.list_reason = 0;  // a 増減 row is on the 増減単位数通知書, not on the 返戻一覧
  return f;
}

Finding plan_mismatch(CutReason reason, std::string service_type, Units claimed, Units planned) {
  return mismatch(FindingKind::PlanMismatch, reason, std::move(service_type), claimed, planned);
}

}  // namespace kaigo::review
