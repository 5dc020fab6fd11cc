#include "kaigo/review/decision.hpp"

#include <algorithm>

namespace kaigo::review {

std::string Finding::remark() const {
  return kind == FindingKind::Error ? code : std::string(kFindingKinds.ja(kind));
}

std::string Finding::content() const {
  if (item.empty()) return std::string(message_ja);
  return item + "：" + std::string(message_ja);
}

Amounts& Amounts::operator+=(const Amounts& o) {
  units += o.units;
  insurance_claim += o.insurance_claim;
  user_burden += o.user_burden;
  for (std::size_t k = 0; k < fund_claims.size(); ++k) fund_claims[k] += o.fund_claims[k];
  return *this;
}

Amounts amounts_of(const billing::AggregateRow& a) {
  Amounts m{a.insurance_units, a.insurance_claim, a.user_burden, {}};
  for (std::size_t k = 0; k < billing::kFundSlots; ++k) m.fund_claims[k] = a.funds[k].claim;
  return m;
}

Amounts ClaimDecision::written_total() const {
  Amounts t = facility_written;
  for (const auto& r : rows) t += r.written;
  return t;
}

Amounts ClaimDecision::decided_total() const {
  Amounts t = facility_decided;
  for (const auto& r : rows) t += r.decided;
  return t;
}

namespace {
bool any_code(const std::vector<Finding>& findings, std::string_view code) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code; });
}
}  // namespace

bool ClaimDecision::has_code(std::string_view code) const { return any_code(findings, code); }
bool PlanDecision::has_code(std::string_view code) const { return any_code(findings, code); }

std::string_view sheet_kind(std::string_view form_id) {
  if (form_id == "8222" || form_id == "8221") return "給";
  if (form_id == "8124" || form_id == "8125") return "サ";
  if (form_id == "8171") return "ケ";
  return "請";
}

}  // namespace kaigo::review
