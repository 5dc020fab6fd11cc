#include "kaigo/review/recipient_checks.hpp"

#include <algorithm>

#include "kaigo/master/care_limits.hpp"
#include "kaigo/review/codes.hpp"

namespace kaigo::review {
namespace {

using master::Recipient;

std::string text(const std::optional<Date>& d) { return d ? d->str() : std::string(); }
std::string text(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }

// Both 12P0 and 12PA are reported as a pair of rows (seed 002 §5(3), review-rules §1.1).
void person_pair(std::string_view code, std::string_view insurer_no, std::string_view insured_no,
                 std::vector<Finding>& out) {
  out.push_back(error(code, "証記載保険者番号", {}, insurer_no));
  out.push_back(error(code, "被保険者番号", {}, insured_no));
}

bool certified_in(const Recipient& r, YearMonth m) {
  if (!r.cert_from || !r.cert_to) return false;
  const Date first{m.year, m.month, 1};
  const Date last{m.year, m.month, m.days()};
  return *r.cert_from <= last && first <= *r.cert_to;
}

std::string cert_text(const Recipient& r) { return text(r.cert_from) + "-" + text(r.cert_to); }

// The checks every document of a person shares: 12PA, 12PD, 12QT.
void check_common(std::span<const Recipient* const> versions, YearMonth month, std::string_view insurer_no,
                  std::string_view insured_no, const std::optional<Date>& birth, int sex, bool check_pending,
                  std::vector<Finding>& out) {
  const Recipient& latest = *versions.back();
  if (check_pending && std::any_of(versions.begin(), versions.end(), [](const Recipient* r) { return r->change_pending; })) {
    person_pair("12PA", insurer_no, insured_no, out);
  }
  if (std::none_of(versions.begin(), versions.end(), [&](const Recipient* r) { return certified_in(*r, month); })) {
    out.push_back(error("12PD", "認定有効期間", {}, month.str(), cert_text(latest)));
  }
  if (birth && *birth != latest.birth_date) out.push_back(error("12QT", "生年月日", {}, birth->str(), latest.birth_date.str()));
  // An empty 性別 (0) is the pre-check's ABB0, not a ledger mismatch.
  if (sex != 0 && sex != latest.sex) out.push_back(error("12QT", "性別", {}, std::to_string(sex), std::to_string(latest.sex)));
}

bool has_level(std::span<const Recipient* const> versions, std::string_view level) {
  return std::any_of(versions.begin(), versions.end(), [&](const Recipient* r) { return r->care_level == level; });
}

// Days of `m` on which some version of the person is certified.
int certified_days(std::span<const Recipient* const> versions, YearMonth m) {
  int days = 0;
  for (int d = 1; d <= m.days(); ++d) {
    const Date day{m.year, m.month, d};
    days += std::any_of(versions.begin(), versions.end(), [&](const Recipient* r) {
      return r->cert_from && r->cert_to && *r->cert_from <= day && day <= *r->cert_to;
    });
  }
  return days;
}

}  // namespace

int document_plan_kind(int ledger_plan_kind) {
  switch (ledger_plan_kind) {
    case 1:
    case 2: return 1;
    case 3: return 2;
    case 4: return 3;
    default: return 0;
  }
}

std::vector<const master::Recipient*> find_recipient(const master::RecipientLedger& ledger,
                                                     std::string_view insurer_no, std::string_view insured_no,
                                                     YearMonth month, std::vector<Finding>& out) {
  auto versions = ledger.in_month(insurer_no, insured_no, month);
  if (versions.empty()) person_pair("12P0", insurer_no, insured_no, out);
  return versions;
}

const master::Recipient* check_claim_recipient(std::span<const master::Recipient* const> versions,
                                               const billing::ClaimStatement& st, bool care_plan_fee,
                                               std::vector<Finding>& out, std::optional<int> fixed_rate) {
  if (versions.empty()) return nullptr;
  const auto& k = st.key;
  const auto& b = st.basic;
  const Recipient* latest = versions.back();
  check_common(versions, k.service_month, k.insurer_no, k.insured_no, b.birth_date, b.sex, true, out);
  // [INF] a level written on the claim is accepted when the ledger has it on some day of the month.
  if (!has_level(versions, b.care_level)) out.push_back(error("12QJ", "要介護状態区分コード", {}, b.care_level, latest->care_level.str()));
  if (care_plan_fee) {
    if (!latest->support_office_no.empty() && latest->support_office_no != k.office_no) {
      out.push_back(error("12P4", "事業所番号", {}, k.office_no, latest->support_office_no.str()));
    }
    const int expected = k.form_id == "8125" ? 3 : 1;
    const int ledger = latest->plan_kind ? document_plan_kind(*latest->plan_kind) : 0;
    if (ledger != 0 && ledger != expected) {
      out.push_back(error("12P5", "居宅サービス計画作成区分コード", {}, std::to_string(expected), std::to_string(ledger)));
    }
    return latest;  // 様式第七 has no 保険給付率: paid in full
  }
  if (fixed_rate) {
    if (b.insurance_rate != fixed_rate) out.push_back(error("12SA", "保険給付率", {}, text(b.insurance_rate), text(fixed_rate)));
    return latest;
  }
  const Recipient* by_rate = nullptr;
  for (const Recipient* r : versions) {
    if (r->benefit_rate && r->benefit_rate == b.insurance_rate) by_rate = r;
  }
  if (by_rate) return by_rate;
  if (latest->benefit_rate) out.push_back(error("12SA", "保険給付率", {}, text(b.insurance_rate), text(latest->benefit_rate)));
  return latest;
}

void check_claim_services_for_person(const master::Masters& masters,
                                     std::span<const master::Recipient* const> versions,
                                     const billing::ClaimStatement& st, std::vector<Finding>& out) {
  if (versions.empty()) return;
  const YearMonth m = st.key.service_month;
  for (std::string_view t : st.service_types()) {
    const auto* type = masters.service_types.find(t, m);
    // [INF] a level the ledger has on some day of the month may use the service.
    if (!type || std::any_of(versions.begin(), versions.end(), [&](const Recipient* r) { return type->allows(r->care_level); })) {
      continue;
    }
    out.push_back(error("10QF", "サービス種類コード", std::string(t), std::string(t), versions.back()->care_level.str()));
  }
  const int days = certified_days(versions, m);
  if (days == 0) return;  // 12PD says it
  for (const auto& d : st.details) {
    const auto* code = masters.service_code(d.priced_by(st.key.insurer_no), d.service_type, d.item_code, m);
    if (!code || code->unit_kind != master::UnitKind::PerDay || d.count <= days) continue;
    out.push_back(error("AEFB", "日数・回数", d.service_type, std::to_string(d.count), std::to_string(days)));
  }
}

void check_plan_recipient(std::span<const master::Recipient* const> versions, const billing::BenefitPlan& plan,
                          std::vector<Finding>& out) {
  if (versions.empty()) return;
  const Recipient* latest = versions.back();
  // 12PA is checked on 明細書 only: a pending change does not stop the plan being registered
  // (the brief of issue 5 lists the plan's ledger checks without it) [INF].
  check_common(versions, plan.service_month, plan.insurer_no, plan.insured_no, plan.birth_date, plan.sex, false, out);
  // The plan carries the heaviest level of the month (review-rules §3.3).
  const Recipient* heaviest = *std::max_element(versions.begin(), versions.end(), [](const Recipient* a, const Recipient* b) {
    return master::care_level_rank(a->care_level) < master::care_level_rank(b->care_level);
  });
  if (plan.care_level != heaviest->care_level) {
    out.push_back(error("12QJ", "要介護状態区分コード", {}, plan.care_level, heaviest->care_level.str()));
  }
  const int ledger_kind = latest->plan_kind ? document_plan_kind(*latest->plan_kind) : 0;
  if (ledger_kind != 0 && ledger_kind != plan.plan_kind) {
    out.push_back(error("12P5", "居宅サービス計画作成区分コード", {}, std::to_string(plan.plan_kind), std::to_string(ledger_kind)));
  }
  // 自己作成 plans name no 支援事業所 to compare.
  if (plan.plan_kind != 2 && !latest->support_office_no.empty() && latest->support_office_no != plan.support_office_no) {
    out.push_back(error("12P4", "居宅介護支援事業所番号", {}, plan.support_office_no, latest->support_office_no.str()));
  }
}

}  // namespace kaigo::review
