#include "kaigo/review/detail/office_checks.hpp"

#include <algorithm>

#include "kaigo/review/codes.hpp"

namespace kaigo::review {

void check_claim_services(const master::Masters& masters, const master::OfficeLedger& offices,
                          const billing::ClaimStatement& st, std::vector<Finding>& out) {
  const auto& k = st.key;
  if (!offices.find_any(k.office_no, k.service_month)) {
    out.push_back(error("ADD0", "事業所番号", {}, k.office_no));
    return;  // nothing of an unknown office can be checked further
  }
  for (std::string_view t : st.service_types()) {
    if (!masters.service_types.find(t, k.service_month) || !offices.find(k.office_no, t, k.service_month)) {
      out.push_back(error("ADD1", "サービス種類コード", std::string(t), std::string(t)));
    }
  }
  std::vector<std::string> unknown;
  for (const auto& d : st.details) {
    if (masters.service_code(d.priced_by(k.insurer_no), d.service_type, d.item_code, k.service_month)) continue;
    std::string code = d.service_type + d.item_code;
    if (std::find(unknown.begin(), unknown.end(), code) != unknown.end()) continue;  // one row per code
    out.push_back(error("ADD1", "サービスコード", d.service_type, code));
    unknown.push_back(std::move(code));
  }
}

void check_insurer(const master::InsurerLedger& insurers, const std::string& insurer_no, YearMonth month,
                   std::vector<Finding>& out) {
  if (!insurers.known(insurer_no)) {
    out.push_back(error("ADD2", "証記載保険者番号", {}, insurer_no));
  } else if (!insurers.find(insurer_no, month)) {
    out.push_back(error("ADDA", "証記載保険者番号", {}, insurer_no));
  }
}

void check_plan_offices(const master::OfficeLedger& offices, const billing::BenefitPlan& plan, std::vector<Finding>& out) {
  // A 自己作成 plan (作成区分 2) is made by the insurer and names no 支援事業所.
  if (plan.plan_kind != 2 && !offices.find_any(plan.support_office_no, plan.service_month)) {
    out.push_back(error("ADD0", "居宅介護支援事業所番号", {}, plan.support_office_no));
  }
  for (const auto& l : plan.lines) {
    if (offices.find(l.office_no, l.service_type, plan.service_month)) continue;
    out.push_back(error("ADD1", "サービス事業所番号", l.service_type, l.office_no));
  }
}

}  // namespace kaigo::review
